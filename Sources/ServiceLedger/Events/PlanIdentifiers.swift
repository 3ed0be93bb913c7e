import Foundation

/// An organisation of any kind (ministry, region, municipality, school, civil-society
/// organisation, ...), e.g. `el-kef-municipality`.
public struct OrganisationID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A governance body (council, steering committee, working group), e.g.
/// `el-kef-steering-committee`.
public struct BodyID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A plan of any form (strategy, action plan, regulation, ...), e.g. `el-kef-ogp-action-plan`.
public struct PlanID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// An item of a plan under the plan's own numbering: `II.1.4`, `3`, `T1`, `internal-audit`.
/// Letters of either case, digits and `.`, `-`, `/`, `_`, starting with a letter or digit, at
/// most 64 characters: the ids plans print, without the spaces around them.
public struct ItemID: LedgerIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
  public static var syntax: String {
    "an item id: letters, digits and '.', '-', '/', '_', starting with a letter or digit "
      + "(the plan's own numbering, such as II.1.4), at most 64 characters"
  }
  public static func isValid(_ text: String) -> Bool {
    var first = true
    var count = 0
    for byte in text.utf8 {
      count += 1
      let isAlnum =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      let isMark =
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
        || byte == UInt8(ascii: "_")
      if !isAlnum && (first || !isMark) { return false }
      first = false
    }
    return !first && count <= 64
  }

  /// Plan order: numbers compared as numbers, so `2` comes before `10` and `II.1.2` before
  /// `II.1.10`.
  public static func < (lhs: ItemID, rhs: ItemID) -> Bool {
    lhs.rawValue.compare(rhs.rawValue, options: .numeric) == .orderedAscending
  }
}
