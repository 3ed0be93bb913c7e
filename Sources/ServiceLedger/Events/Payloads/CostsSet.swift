/// `costs.set`: unit costs per channel, in pounds, used from `on` for cost estimates.
///
/// A channel left out keeps the Digital Efficiency Report's benchmark (`UnitCosts.benchmark`).
public struct CostsSet: EventPayload {
  public static let type = EventType.costsSet
  public var asEvent: Event { .costsSet(self) }
  public static let fields: [FieldSpec] =
    [.required("on", .date), .required("source", .text)]
    + VolumeReported.channelNames.map { .optional($0, .money) }

  public var on: CivilDate
  public var source: String
  public var digital: Double?
  public var assisted: Double?
  public var phone: Double?
  public var post: Double?
  public var faceToFace: Double?
  public var other: Double?

  public init(
    on: CivilDate, source: String, digital: Double? = nil, assisted: Double? = nil,
    phone: Double? = nil, post: Double? = nil, faceToFace: Double? = nil, other: Double? = nil
  ) {
    self.on = on
    self.source = source
    self.digital = digital
    self.assisted = assisted
    self.phone = phone
    self.post = post
    self.faceToFace = faceToFace
    self.other = other
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    on = try decoder.date("on")
    source = try decoder.text("source")
    let money = PayloadDecoder.money
    digital = try decoder.optionalDecimal("digital", in: money)
    assisted = try decoder.optionalDecimal("assisted", in: money)
    phone = try decoder.optionalDecimal("phone", in: money)
    post = try decoder.optionalDecimal("post", in: money)
    faceToFace = try decoder.optionalDecimal("faceToFace", in: money)
    other = try decoder.optionalDecimal("other", in: money)
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("on", on)
    encoder.encode("source", source)
    let costs = [digital, assisted, phone, post, faceToFace, other]
    for (name, cost) in zip(VolumeReported.channelNames, costs) { encoder.encode(name, cost) }
  }
}
