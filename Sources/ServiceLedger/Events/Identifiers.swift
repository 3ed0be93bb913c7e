/// An identifier stored in the log as an ASCII string with a fixed syntax.
public protocol LedgerIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The identifier as written in the log.
  var rawValue: String { get }
  /// Wraps `rawValue` without checking it; use `validated(_:)` for user input.
  init(unchecked rawValue: String)
  /// What the syntax is, for error messages ("a slug: lowercase letters, digits and '-'").
  static var syntax: String { get }
  /// Whether `text` follows the syntax.
  static func isValid(_ text: String) -> Bool
}

extension LedgerIdentifier {
  /// The identifier for `text`, or nil when `text` breaks the syntax.
  public static func validated(_ text: String) -> Self? {
    isValid(text) ? Self(unchecked: text) : nil
  }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An identifier following the slug syntax `[a-z0-9][a-z0-9-]*`.
public protocol SlugIdentifier: LedgerIdentifier {}

extension SlugIdentifier {
  public static var syntax: String {
    "a slug: lowercase letters a-z, digits and '-', starting with a letter or digit"
  }
  public static func isValid(_ text: String) -> Bool { Slug.isValid(text) }
}

enum Slug {
  /// `[a-z0-9][a-z0-9<extra>-]*`
  static func isValid(_ text: String, extra: StaticString = "") -> Bool {
    var first = true
    for byte in text.utf8 {
      let isAlnum =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      if !isAlnum && (first || (byte != UInt8(ascii: "-") && !contains(extra, byte))) {
        return false
      }
      first = false
    }
    return !first
  }

  private static func contains(_ bytes: StaticString, _ byte: UInt8) -> Bool {
    for index in 0..<bytes.utf8CodeUnitCount where bytes.utf8Start[index] == byte { return true }
    return false
  }
}

/// A service, e.g. `moj-prison-visit-booking`.
///
/// Hashed from its bytes without `Hasher`: a replay looks up the service of nearly every event
/// in a few dictionaries, and SipHash took about 8% of the merge's time. Two ids are equal when
/// their text is and they have as many bytes (which keeps an ASCII id, as a slug is, apart from
/// any other, and hashing as bytes agrees with equality).
public struct ServiceID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }

  public static func == (lhs: ServiceID, rhs: ServiceID) -> Bool {
    lhs.rawValue.utf8.count == rhs.rawValue.utf8.count && lhs.rawValue == rhs.rawValue
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(_rawHashValue(seed: 0))
  }

  public func _rawHashValue(seed: Int) -> Int {
    let ascii =
      rawValue.utf8.withContiguousStorageIfAvailable {
        ByteHash.asciiValue(of: UnsafeRawBufferPointer($0), seed: seed)
      } ?? Array(rawValue.utf8).withUnsafeBytes { ByteHash.asciiValue(of: $0, seed: seed) }
    // Text that is not ASCII (never a valid id) hashes as `String` does, which agrees with
    // its equality.
    return ascii ?? rawValue._rawHashValue(seed: seed)
  }
}

/// A person (service manager), e.g. `p-0042`; names live only in `people.json`.
public struct PersonID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A strategy, e.g. `moj-2012`.
public struct StrategyID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A milestone of a strategy.
public struct MilestoneID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A barrier to digital transformation.
public struct BarrierID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A named exemplar of a strategy, e.g. `civil-claims`; it may cover several services.
public struct ExemplarID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A common component or platform (`payments`, `identity`, ...).
public struct ComponentID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// Who recorded an event: `[a-z0-9][a-z0-9._@-]*`.
public struct ActorID: LedgerIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
  public static var syntax: String {
    "an actor id: lowercase letters, digits and '.', '_', '@', '-', starting with a letter or digit"
  }
  public static func isValid(_ text: String) -> Bool {
    Slug.isValid(text, extra: "._@")
  }
}

/// An event's id: a lowercase RFC 4122 UUID, `8-4-4-4-12` hexadecimal digits.
///
/// Stored as its 128 bits rather than as text: a replay keeps every id of the ledger in a set
/// to find duplicates, and two integers hash and compare far faster than 36 characters.
public struct EventID: LedgerIdentifier {
  /// The first and last 64 bits of the UUID.
  public let high: UInt64
  public let low: UInt64

  /// The id for `high` and `low` bits.
  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// Parses the UUID text; the caller has checked it with `isValid` (other text gives the
  /// all-zero id).
  public init(unchecked rawValue: String) {
    var bytes = Array(rawValue.utf8)
    if bytes.count != 36 { bytes = [] }
    let parsed = bytes.withUnsafeBytes { EventID.parse($0) }
    self = parsed ?? EventID(high: 0, low: 0)
  }

  /// The id in `bytes` (exactly 36 bytes of lowercase UUID text), or nil.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> EventID? {
    guard bytes.count == 36, let base = bytes.baseAddress, bytes[8] == UInt8(ascii: "-"),
      bytes[13] == UInt8(ascii: "-"), bytes[18] == UInt8(ascii: "-"),
      bytes[23] == UInt8(ascii: "-"),
      let first = hex(base, 0, digits: 8), let second = hex(base, 9, digits: 4),
      let third = hex(base, 14, digits: 4), let fourth = hex(base, 19, digits: 4),
      let fifth = hex(base, 24, digits: 4), let last = hex(base, 28, digits: 8)
    else { return nil }
    return EventID(
      high: first << 32 | second << 16 | third, low: fourth << 48 | fifth << 32 | last)
  }

  /// The value of the 8 or 4 lowercase hexadecimal digits at `offset`, or nil.
  private static func hex(_ base: UnsafeRawPointer, _ offset: Int, digits: Int) -> UInt64? {
    if digits == 8 {
      return hexValue(
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }
    // Four digits, padded with four '0's that add nothing but a shift.
    let word = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    return hexValue(UInt64(word) | 0x3030_3030_0000_0000).map { $0 >> 16 }
  }

  /// The value of the eight lowercase hexadecimal digits in `word`, the first in its lowest
  /// byte, or nil: all eight at once.
  private static func hexValue(_ word: UInt64) -> UInt64? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    guard word & high == 0 else { return nil }
    // With every byte below 0x80, adding 0x80 - n sets a byte's top bit exactly when it is ≥ n.
    func atLeast(_ n: UInt64) -> UInt64 { (word &+ (0x80 - n) &* ones) & high }
    let digits = atLeast(0x30) & ~atLeast(0x3A)
    let letters = atLeast(0x61) & ~atLeast(0x67)
    guard digits | letters == high else { return nil }
    // '0'...'9' have bit 6 clear and 'a'...'f' set: the low nibble, plus 9 for a letter.
    let values = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((word >> 6) & ones) &* 9
    // Join the nibbles pairwise, then the bytes, then the 16-bit halves.
    var joined = ((values << 4) | (values >> 8)) & 0x00FF_00FF_00FF_00FF
    joined = ((joined << 8) | (joined >> 16)) & 0x0000_FFFF_0000_FFFF
    return ((joined << 16) | (joined >> 32)) & 0xFFFF_FFFF
  }

  /// The lowercase UUID text.
  public var rawValue: String {
    let hex = Format.hex(high, width: 16) + Format.hex(low, width: 16)
    var text = ""
    text.reserveCapacity(36)
    for (index, character) in hex.enumerated() {
      if index == 8 || index == 12 || index == 16 || index == 20 { text.append("-") }
      text.append(character)
    }
    return text
  }

  public static var syntax: String {
    "a lowercase UUID such as 3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10"
  }

  public static func isValid(_ text: String) -> Bool {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { parse(UnsafeRawBufferPointer($0)) } != nil
  }

  public static func < (lhs: EventID, rhs: EventID) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}
