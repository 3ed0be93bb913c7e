/// A parsed JSON value. Objects keep their members in document order, duplicates included,
/// so the event layer can reject duplicate or unknown keys.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
  public var key: String
  public var value: JSONValue
  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}

/// A JSON number kept as its exact lexeme so nothing is lost; accessors convert.
public struct JSONNumber: Sendable, Equatable {
  public var text: String
  public init(text: String) { self.text = text }
  public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }
  public var int: Int? { isInteger ? Int(text) : nil }
  public var double: Double? { Double(text).flatMap { $0.isFinite ? $0 : nil } }
}
