#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes the usual shape of a log line straight from its bytes, without building a JSON tree
/// for the envelope: the replay's hot path.
///
/// It handles a strict subset of JSON: ASCII text without escapes, the envelope keys once each
/// (`v` only as 1), and a `data` object whose values are strings, integers or decimals of at
/// most 15 digits, booleans or null. Anything else, and every line that is not a valid event,
/// returns nil, and the caller decodes the line with the full parser and `EnvelopeDecoder`,
/// which are the reference: this path may only ever agree with them or step aside.
enum FastLineDecoder {
  /// The event on `line` (without its `\n`), or nil to use the full decoder.
  static func decode(_ line: UnsafeRawBufferPointer, location: EventLocation) -> RecordedEvent? {
    // Printable ASCII only: no escapes to decode, no UTF-8 to validate or normalise, and no
    // control characters inside strings. One tight pass over the bytes checks it.
    for byte in line where byte &- 0x20 >= 0x5F { return nil }
    var scanner = Scanner(bytes: line)
    var id: EventID?
    var at: Timestamp?
    var by: ActorID?
    var type: EventType?
    var data: [JSONMember]?
    var volume: VolumeReported?
    guard scanner.take(UInt8(ascii: "{")) else { return nil }
    repeat {
      guard let key = scanner.string() else { return nil }
      guard scanner.take(UInt8(ascii: ":")) else { return nil }
      switch Envelope(key, in: line) {
      case .id:
        guard id == nil, let text = scanner.string(), let value = EventID.parse(text) else {
          return nil
        }
        id = value
      case .at:
        guard at == nil, let text = scanner.string(), let value = Timestamp.parse(text) else {
          return nil
        }
        at = value
      case .by:
        guard by == nil, let text = scanner.string() else { return nil }
        let actor = String(decoding: text, as: UTF8.self)
        guard ActorID.isValid(actor) else { return nil }
        by = ActorID(unchecked: actor)
      case .type:
        guard type == nil, let text = scanner.string(), let value = EventType.named(text) else {
          return nil
        }
        type = value
      case .version:
        guard scanner.take(UInt8(ascii: "1")), scanner.atValueEnd else { return nil }
      case .data:
        guard data == nil else { return nil }
        if type == .volumeReported {
          // Most of a long log: decoded straight into its payload.
          guard let report = scanner.volumeReport() else { return nil }
          volume = report
          data = []
        } else {
          guard let members = scanner.flatObject() else { return nil }
          data = members
        }
      case nil:
        return nil
      }
    } while scanner.take(UInt8(ascii: ","))
    guard scanner.take(UInt8(ascii: "}")), scanner.isAtEnd, let id, let at, let by, let type,
      let data
    else { return nil }
    if let volume {
      return RecordedEvent(
        id: id, at: at, by: by, event: .volumeReported(volume), location: location)
    }
    guard let event = try? Event.decode(type: type, data: data, normalising: false) else {
      return nil
    }
    return RecordedEvent(id: id, at: at, by: by, event: event, location: location)
  }

  /// The envelope's keys.
  private enum Envelope {
    case id, at, by, type, version, data

    init?(_ key: UnsafeRawBufferPointer, in line: UnsafeRawBufferPointer) {
      switch key.count {
      case 1 where key[0] == UInt8(ascii: "v"): self = .version
      case 2 where key[0] == UInt8(ascii: "i") && key[1] == UInt8(ascii: "d"): self = .id
      case 2 where key[0] == UInt8(ascii: "a") && key[1] == UInt8(ascii: "t"): self = .at
      case 2 where key[0] == UInt8(ascii: "b") && key[1] == UInt8(ascii: "y"): self = .by
      case 4 where key.elementsEqual("type".utf8): self = .type
      case 4 where key.elementsEqual("data".utf8): self = .data
      default: return nil
      }
    }
  }

  /// A cursor over the line's bytes for the subset above.
  private struct Scanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool {
      mutating get {
        skipSpace()
        return index == bytes.count
      }
    }

    /// Whether the next token ends a value: `,`, `}` or `]` after optional space.
    var atValueEnd: Bool {
      mutating get {
        skipSpace()
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}")
      }
    }

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
          index += 1
        default: return
        }
      }
    }

    /// Consumes `byte` after optional space.
    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// A string without escapes (the line is printable ASCII); its bytes without the quotes.
    mutating func string() -> UnsafeRawBufferPointer? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = index
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)])
        }
        // An escape goes to the full decoder.
        if byte == UInt8(ascii: "\\") { return nil }
        index += 1
      }
      return nil
    }

    /// An object whose members are all scalars, as JSON members.
    mutating func flatObject() -> [JSONMember]? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var members: [JSONMember] = []
      members.reserveCapacity(12)
      if take(UInt8(ascii: "}")) { return members }
      repeat {
        guard let key = string(), take(UInt8(ascii: ":")), let value = scalar() else { return nil }
        members.append(JSONMember(key: String(decoding: key, as: UTF8.self), value: value))
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "}")) ? members : nil
    }

    /// A `volume.reported` payload: each field at most once, no others, the required ones
    /// present, counts as whole numbers of at most 15 digits, and the fields consistent.
    mutating func volumeReport() -> VolumeReported? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var service: ServiceID?
      var from: CivilDate?
      var to: CivilDate?
      var total: Int?
      var digital: Int?
      var assisted: Int?
      var phone: Int?
      var post: Int?
      var faceToFace: Int?
      var other: Int?
      var label: String?
      var source: String?
      var seen: UInt16 = 0
      repeat {
        guard let key = string(), take(UInt8(ascii: ":")), let field = VolumeField(key) else {
          return nil
        }
        let bit: UInt16 = 1 << field.rawValue
        guard seen & bit == 0 else { return nil }
        seen |= bit
        switch field {
        case .service:
          guard let text = string() else { return nil }
          let slug = String(decoding: text, as: UTF8.self)
          guard ServiceID.isValid(slug) else { return nil }
          service = ServiceID(unchecked: slug)
        case .from:
          guard let text = string(), let date = CivilDate.parse(text) else { return nil }
          from = date
        case .to:
          guard let text = string(), let date = CivilDate.parse(text) else { return nil }
          to = date
        case .label:
          guard let text = string() else { return nil }
          label = String(decoding: text, as: UTF8.self)
        case .source:
          guard let text = string() else { return nil }
          source = String(decoding: text, as: UTF8.self)
        case .total, .digital, .assisted, .phone, .post, .faceToFace, .other:
          guard let value = count() else { return nil }
          switch field {
          case .total: total = value
          case .digital: digital = value
          case .assisted: assisted = value
          case .phone: phone = value
          case .post: post = value
          case .faceToFace: faceToFace = value
          default: other = value
          }
        }
      } while take(UInt8(ascii: ","))
      guard take(UInt8(ascii: "}")), let service, let from, let to, let total else {
        return nil
      }
      let report = VolumeReported(
        service: service, from: from, to: to, total: total, digital: digital,
        assisted: assisted, phone: phone, post: post, faceToFace: faceToFace,
        other: other, label: label, source: source)
      guard (try? report.validate()) != nil else { return nil }
      return report
    }

    /// A whole number ≥ 0 of at most 15 digits, without leading zeros.
    mutating func count() -> Int? {
      skipSpace()
      var value = 0
      let start = index
      while index < bytes.count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        // More than 15 digits go to the full parser (and could not overflow here).
        guard index - start < 15 else { return nil }
        value = value * 10 + Int(digit)
        index += 1
      }
      let digits = index - start
      guard digits > 0, digits <= 15, digits == 1 || bytes[start] != UInt8(ascii: "0"),
        index < bytes.count
      else { return nil }
      let next = bytes[index]
      guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E")
      else { return nil }
      return value
    }

    /// A string, a short number, `true`, `false` or `null`.
    mutating func scalar() -> JSONValue? {
      skipSpace()
      guard index < bytes.count else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        return string().map { .string(String(decoding: $0, as: UTF8.self)) }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return number()
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return nil
      }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits in all (exactly representable, so
    /// never out of range); exponents go to the full parser.
    mutating func number() -> JSONValue? {
      let start = index
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      var digits = 0
      guard index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 else { return nil }
      let leadingZero = bytes[index] == UInt8(ascii: "0")
      while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
        index += 1
        digits += 1
      }
      if leadingZero && digits > 1 { return nil }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        let before = digits
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
          index += 1
          digits += 1
        }
        if digits == before { return nil }
      }
      guard digits <= 15, index < bytes.count else { return nil }
      let next = bytes[index]
      guard next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
      let text = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      return .number(JSONNumber(text: text))
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { return nil }
      for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
      index += count
      return value
    }
  }
}

/// The keys of `volume.reported`, numbered for a bit set; counts from 3 (total, channels).
private enum VolumeField: UInt8 {
  case service, from, to, total, digital, assisted, phone, post, faceToFace, other, label, source

  init?(_ key: UnsafeRawBufferPointer) {
    guard let first = key.first else { return nil }
    let candidate: VolumeField
    switch (key.count, first) {
    case (7, UInt8(ascii: "s")): candidate = .service
    case (4, UInt8(ascii: "f")): candidate = .from
    case (2, UInt8(ascii: "t")): candidate = .to
    case (5, UInt8(ascii: "t")): candidate = .total
    case (7, UInt8(ascii: "d")): candidate = .digital
    case (8, UInt8(ascii: "a")): candidate = .assisted
    case (5, UInt8(ascii: "p")): candidate = .phone
    case (4, UInt8(ascii: "p")): candidate = .post
    case (10, UInt8(ascii: "f")): candidate = .faceToFace
    case (5, UInt8(ascii: "o")): candidate = .other
    case (5, UInt8(ascii: "l")): candidate = .label
    case (6, UInt8(ascii: "s")): candidate = .source
    default: return nil
    }
    let name = VolumeField.names[Int(candidate.rawValue)]
    guard name.count == key.count, name.withUnsafeBytes({ $0.elementsEqual(key) }) else {
      return nil
    }
    self = candidate
  }

  /// The keys in raw-value order.
  private static let names: [[UInt8]] = [
    "service", "from", "to", "total", "digital", "assisted", "phone", "post", "faceToFace",
    "other", "label", "source",
  ].map { Array($0.utf8) }
}

extension EventType {
  /// The type whose on-disk name is `bytes`, or nil.
  static func named(_ bytes: UnsafeRawBufferPointer) -> EventType? {
    for (name, type) in namesByLength[min(bytes.count, namesByLength.count - 1)]
    where bytes.elementsEqual(name) {
      return type
    }
    return nil
  }

  /// The on-disk names as bytes, grouped by length, for `named(_:)`.
  private static let namesByLength: [[([UInt8], EventType)]] = {
    var table = [[([UInt8], EventType)]](repeating: [], count: 32)
    for type in allCases {
      let bytes = Array(type.rawValue.utf8)
      table[min(bytes.count, 31)].append((bytes, type))
    }
    return table
  }()
}
