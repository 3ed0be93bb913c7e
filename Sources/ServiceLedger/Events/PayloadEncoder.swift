/// Writes a payload's fields in catalogue order, leaving out absent optional fields.
public struct PayloadEncoder {
  /// The members written so far.
  public private(set) var members: [JSONMember] = []
  /// Whether numbers are written as `null`: for a reader of the payload's text only, which
  /// then does not pay for formatting them.
  private var textOnly = false

  /// Creates an empty encoder.
  public init() {}

  /// An encoder that writes numbers as `null`, every other field as `init()` does.
  static func textOnly() -> PayloadEncoder {
    var encoder = PayloadEncoder()
    encoder.textOnly = true
    return encoder
  }

  /// Writes a text field; nil writes nothing.
  public mutating func encode(_ key: String, _ value: String?) {
    if let value { members.append(JSONMember(key: key, value: .string(value))) }
  }

  /// Writes an identifier field; nil writes nothing.
  public mutating func encode(_ key: String, _ value: (some LedgerIdentifier)?) {
    encode(key, value?.rawValue)
  }

  /// Writes a date field; nil writes nothing.
  public mutating func encode(_ key: String, _ value: CivilDate?) {
    encode(key, value?.description)
  }

  /// Writes a whole-number field; nil writes nothing.
  public mutating func encode(_ key: String, _ value: Int?) {
    guard let value else { return }
    members.append(JSONMember(key: key, value: textOnly ? .null : .number(JSONNumber(value))))
  }

  /// Writes a decimal field (money, rates) in its shortest exact form; nil writes nothing.
  public mutating func encode(_ key: String, _ value: Double?) {
    guard let value else { return }
    members.append(JSONMember(key: key, value: textOnly ? .null : .number(JSONNumber(value))))
  }

  /// Writes a choice field; nil writes nothing.
  public mutating func encode(_ key: String, _ value: (some FieldChoice)?) {
    encode(key, value?.rawValue)
  }

  /// Writes a list of choices, identifiers or text; nil writes nothing.
  public mutating func encode(_ key: String, _ values: [String]?) {
    if let values {
      members.append(JSONMember(key: key, value: .array(values.map { .string($0) })))
    }
  }

  /// Writes any JSON value; nil writes nothing.
  public mutating func encode(_ key: String, json value: JSONValue?) {
    if let value { members.append(JSONMember(key: key, value: value)) }
  }
}

extension JSONNumber {
  /// The number for a whole value.
  public init(_ value: Int) { self.init(text: String(value)) }

  /// The number for a decimal value: integral values without a fraction (`12`), others in
  /// Swift's shortest round-trip form (`3.75`). JSON has no infinity or not-a-number: an
  /// infinite value (a figure worked out from huge ones in the log) is written as the largest
  /// finite one, with its sign, and not-a-number as 0.
  public init(_ value: Double) {
    guard value.isFinite else {
      let limit = value.isNaN ? 0 : Double.greatestFiniteMagnitude
      self.init(value < 0 ? -limit : limit)
      return
    }
    if value == value.rounded(), abs(value) < 1e15 {
      self.init(text: String(Int(value)))
    } else {
      self.init(text: String(value))
    }
  }
}
