#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The names the fast decoder recognises: envelope keys, `volume.reported` keys, event types.

extension UnsafeRawBufferPointer {
  /// Whether these bytes are exactly `literal`'s.
  func equals(_ literal: StaticString) -> Bool {
    guard count == literal.utf8CodeUnitCount else { return false }
    guard let baseAddress else { return true }
    return memcmp(baseAddress, literal.utf8Start, count) == 0
  }
}

/// The keys of `volume.reported`, numbered for a bit set.
enum VolumeField: UInt8 {
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
    guard key.equals(candidate.name) else { return nil }
    self = candidate
  }

  /// The key as written.
  private var name: StaticString {
    switch self {
    case .service: "service"
    case .from: "from"
    case .to: "to"
    case .total: "total"
    case .digital: "digital"
    case .assisted: "assisted"
    case .phone: "phone"
    case .post: "post"
    case .faceToFace: "faceToFace"
    case .other: "other"
    case .label: "label"
    case .source: "source"
    }
  }
}

extension EventType {
  /// The type whose on-disk name is `bytes`, or nil.
  static func named(_ bytes: UnsafeRawBufferPointer) -> EventType? {
    // Most of a long log, tried first.
    if bytes.equals("volume.reported") { return .volumeReported }
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
