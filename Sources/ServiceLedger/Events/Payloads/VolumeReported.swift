/// `volume.reported`: completed transactions of a service over a period, by channel.
///
/// `digital` counts self-service only; assisted-digital transactions go in `assisted` and never
/// count towards digital take-up. The channels never sum to more than `total`, and when all six
/// are given they sum to exactly `total`.
public struct VolumeReported: EventPayload {
  public static let type = EventType.volumeReported
  public var asEvent: Event { .volumeReported(self) }
  /// The channel fields, in catalogue order.
  public static let channelNames = ["digital", "assisted", "phone", "post", "faceToFace", "other"]
  public static let fields: [FieldSpec] =
    [
      .required("service", .slug), .required("from", .date), .required("to", .date),
      .required("total", .count),
    ]
    + channelNames.map { .optional($0, .count) }
    + [.optional("label", .text), .optional("source", .text)]

  public var service: ServiceID
  public var from: CivilDate
  public var to: CivilDate
  public var total: Int
  /// Which channels were given, a bit each in `channelNames` order, and their counts (0 when
  /// not given, and never read then): an `Int?` takes 16 bytes, and a replay copies millions
  /// of these.
  private var given: UInt8 = 0
  private var digitalCount = 0
  private var assistedCount = 0
  private var phoneCount = 0
  private var postCount = 0
  private var faceToFaceCount = 0
  private var otherCount = 0
  public var digital: Int? {
    get { given & 1 == 0 ? nil : digitalCount }
    set { (digitalCount, given) = Self.stored(newValue, bit: 1, in: given) }
  }
  public var assisted: Int? {
    get { given & 2 == 0 ? nil : assistedCount }
    set { (assistedCount, given) = Self.stored(newValue, bit: 2, in: given) }
  }
  public var phone: Int? {
    get { given & 4 == 0 ? nil : phoneCount }
    set { (phoneCount, given) = Self.stored(newValue, bit: 4, in: given) }
  }
  public var post: Int? {
    get { given & 8 == 0 ? nil : postCount }
    set { (postCount, given) = Self.stored(newValue, bit: 8, in: given) }
  }
  public var faceToFace: Int? {
    get { given & 16 == 0 ? nil : faceToFaceCount }
    set { (faceToFaceCount, given) = Self.stored(newValue, bit: 16, in: given) }
  }
  public var other: Int? {
    get { given & 32 == 0 ? nil : otherCount }
    set { (otherCount, given) = Self.stored(newValue, bit: 32, in: given) }
  }

  /// What a channel's count and the `given` bits become when it is set to `value`.
  private static func stored(_ value: Int?, bit: UInt8, in given: UInt8) -> (Int, UInt8) {
    value.map { ($0, given | bit) } ?? (0, given & ~bit)
  }

  public var label: String?
  public var source: String?

  /// The six channel counts in `channelNames` order.
  public var channels: [Int?] { [digital, assisted, phone, post, faceToFace, other] }

  /// The number of days the report covers, both ends included.
  public var days: Int { from.days(to: to) + 1 }

  public init(
    service: ServiceID, from: CivilDate, to: CivilDate, total: Int, digital: Int? = nil,
    assisted: Int? = nil, phone: Int? = nil, post: Int? = nil, faceToFace: Int? = nil,
    other: Int? = nil, label: String? = nil, source: String? = nil
  ) {
    self.service = service
    self.from = from
    self.to = to
    self.total = total
    self.digital = digital
    self.assisted = assisted
    self.phone = phone
    self.post = post
    self.faceToFace = faceToFace
    self.other = other
    self.label = label
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    from = try decoder.date("from")
    to = try decoder.date("to")
    total = try decoder.count("total")
    digital = try decoder.optionalCount("digital")
    assisted = try decoder.optionalCount("assisted")
    phone = try decoder.optionalCount("phone")
    post = try decoder.optionalCount("post")
    faceToFace = try decoder.optionalCount("faceToFace")
    other = try decoder.optionalCount("other")
    label = try decoder.optionalText("label")
    source = try decoder.optionalText("source")
    try validate()
  }

  /// Checks what the fields must satisfy together: `from` ≤ `to`, and channels that never
  /// sum to more than `total`, and sum to exactly `total` when all six are given.
  /// - Throws: `EventError` naming the field at fault.
  public func validate() throws(EventError) {
    guard from <= to else {
      throw EventError(field: "data.to", "\(to) is before from \(from)")
    }
    guard total <= PayloadDecoder.maximumCount else {
      throw PayloadDecoder.tooLarge(String(total), field: "data.total")
    }
    var given = 0
    var sum = 0
    var largest = 0
    func add(_ channel: Int?) {
      guard let channel else { return }
      given += 1
      largest = max(largest, channel)
      // Wrapping is harmless: a count over the maximum is refused before the sum is used, and
      // six counts within it cannot overflow.
      sum &+= channel
    }
    add(digital)
    add(assisted)
    add(phone)
    add(post)
    add(faceToFace)
    add(other)
    if largest > PayloadDecoder.maximumCount {
      let name = zip(Self.channelNames, channels).first { ($0.1 ?? 0) == largest }?.0 ?? "total"
      throw PayloadDecoder.tooLarge(String(largest), field: "data." + name)
    }
    if sum > total {
      throw EventError(
        field: "data.total", "the channels add up to \(sum), more than the total \(total)")
    }
    if given == 6, sum != total {
      throw EventError(
        field: "data.total", "all six channels are given and add up to \(sum), not \(total)")
    }
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("from", from)
    encoder.encode("to", to)
    encoder.encode("total", total)
    for (name, count) in zip(Self.channelNames, channels) { encoder.encode(name, count) }
    encoder.encode("label", label)
    encoder.encode("source", source)
  }
}
