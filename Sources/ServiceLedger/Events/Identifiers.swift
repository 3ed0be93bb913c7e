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
  public static func isValid(_ text: String) -> Bool { Slug.isValid(text, extra: []) }
}

enum Slug {
  /// `[a-z0-9][a-z0-9<extra>-]*`
  static func isValid(_ text: String, extra: Set<UInt8>) -> Bool {
    var first = true
    for byte in text.utf8 {
      let isAlnum =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      if !isAlnum && (first || (byte != UInt8(ascii: "-") && !extra.contains(byte))) {
        return false
      }
      first = false
    }
    return !first
  }
}

/// A service, e.g. `moj-prison-visit-booking`.
public struct ServiceID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
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
    Slug.isValid(text, extra: [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "@")])
  }
}

/// An event's id: a lowercase RFC 4122 UUID, `8-4-4-4-12` hexadecimal digits.
public struct EventID: LedgerIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
  public static var syntax: String {
    "a lowercase UUID such as 3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10"
  }
  public static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 36 else { return false }
    for (index, byte) in bytes.enumerated() {
      if index == 8 || index == 13 || index == 18 || index == 23 {
        guard byte == UInt8(ascii: "-") else { return false }
      } else {
        let isHex =
          (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
          || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        guard isHex else { return false }
      }
    }
    return true
  }
}
