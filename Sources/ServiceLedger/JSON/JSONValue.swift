/// A parsed JSON value.
///
/// Objects keep their members in document order, duplicates included, so the event layer can
/// reject duplicate or unknown keys. Values are compared structurally; numbers compare by their
/// lexeme (`1.0` is not equal to `1`).
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])
}

/// One `"key": value` pair of a JSON object, as it appeared in the document.
public struct JSONMember: Sendable, Equatable {
  /// The member's name, with escapes decoded.
  public var key: String
  /// The member's value.
  public var value: JSONValue

  /// Creates a member from its name and value.
  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}

/// A JSON number kept as its exact lexeme (e.g. `"12"`, `"-0.5e3"`) so nothing is lost;
/// the accessors convert on demand.
///
/// The parser only produces lexemes that match the RFC 8259 `number` grammar and whose value is
/// finite as a `Double`. A hand-made `JSONNumber` should hold such a lexeme too, because the
/// writer copies `text` into its output unchanged.
public struct JSONNumber: Sendable, Equatable {
  /// The number exactly as written in the document.
  public var text: String

  /// Creates a number from its JSON lexeme, for example `"12"` or `"-0.5e3"`.
  public init(text: String) {
    self.text = text
  }

  /// Whether the lexeme is written as an integer: it has no `.`, `e` or `E`.
  public var isInteger: Bool {
    // `byte | 0x20` folds "E" onto "e".
    !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
  }

  /// The value as an exact integer.
  ///
  /// Only lexemes written as integers convert: `"12"` gives 12 and `"-0"` gives 0, while
  /// `"1.0"` and `"1e3"` give `nil` even though their values are integral (money and counts in
  /// the log are written as plain integers, so anything else is suspect). Also `nil` when the
  /// value does not fit `Int` (64 bits) or the lexeme is not a JSON integer.
  public var int: Int? {
    var utf8 = text.utf8.makeIterator()
    guard var byte = utf8.next() else { return nil }
    let negative = byte == UInt8(ascii: "-")
    if negative {
      guard let next = utf8.next() else { return nil }
      byte = next
    }
    var result = 0
    while true {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      // Accumulate negatively so that Int.min fits.
      let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
      let (next, overflow2) = times10.subtractingReportingOverflow(Int(digit))
      guard !overflow1, !overflow2 else { return nil }
      result = next
      guard let following = utf8.next() else { break }
      byte = following
    }
    if negative { return result }
    let (positive, overflow) = (0).subtractingReportingOverflow(result)
    return overflow ? nil : positive
  }

  /// The value as the nearest `Double` (correctly rounded; `"1e-400"` gives 0), or `nil` when
  /// `text` does not convert to a finite `Double`.
  public var double: Double? {
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }
}
