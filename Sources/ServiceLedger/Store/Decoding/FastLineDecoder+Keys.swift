#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The names the fast decoder recognises: envelope keys and event types.

extension UnsafeRawBufferPointer {
  /// Whether these bytes are exactly `literal`'s.
  func equals(_ literal: StaticString) -> Bool {
    guard count == literal.utf8CodeUnitCount else { return false }
    guard let baseAddress else { return true }
    return memcmp(baseAddress, literal.utf8Start, count) == 0
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
