import Foundation

/// Reads the fields of one event's `data` object, strictly: duplicate keys, keys the type does
/// not have, missing required fields and values of the wrong kind are all errors naming the
/// field.
public struct PayloadDecoder {
  private let values: MemberTable
  /// When true (input to `record`/`append`), text is NFC-normalised; when false (reading the
  /// log), text that is not NFC is an error.
  private let normalising: Bool

  /// Checks the members against `fields` and prepares to read them.
  /// - Throws: `EventError` for a duplicate key, a key not in `fields`, or a missing
  ///   required field.
  public init(members: [JSONMember], fields: [FieldSpec], type: String, normalising: Bool)
    throws(EventError)
  {
    var values = MemberTable()
    values.members.reserveCapacity(members.count)
    for member in members {
      guard let spec = fields.first(where: { $0.name == member.key }) else {
        let known = fields.map(\.name).joined(separator: ", ")
        throw EventError(
          field: "data." + member.key,
          "\(type) has no field '\(Format.userText(member.key))'; its fields are \(known)")
      }
      if case .null = member.value, !spec.isRequired { continue }
      guard values[member.key] == nil else {
        throw EventError(field: "data." + member.key, "appears twice")
      }
      values.members.append(member)
    }
    for spec in fields where spec.isRequired && values[spec.name] == nil {
      throw EventError(field: "data." + spec.name, "is required for \(type)")
    }
    self.values = values
    self.normalising = normalising
  }

  /// Whether the field is present (and not null).
  public func contains(_ key: String) -> Bool { values[key] != nil }

  /// The raw JSON of a field, for structured fields such as themes or points.
  public func raw(_ key: String) -> JSONValue? { values[key] }

  // MARK: Text

  /// A required free-text field: it must say something (`saysSomething`).
  public func text(_ key: String) throws(EventError) -> String {
    guard let value = try givenText(key) else { throw missing(key) }
    guard Self.saysSomething(value) else {
      throw blank(value, field: "data." + key, "it is required: give its text")
    }
    return value
  }

  /// An optional free-text field: left out, or saying something (`saysSomething`).
  public func optionalText(_ key: String) throws(EventError) -> String? {
    guard let value = try givenText(key) else { return nil }
    guard Self.saysSomething(value) else {
      throw blank(value, field: "data." + key, "leave it out when there is nothing to say")
    }
    return value
  }

  /// Whether `text` says something: it holds a character other than white space, controls
  /// and characters drawn as nothing (a zero-width space, a soft hyphen, a byte order mark).
  /// Required text must; optional text must or be left out.
  static func saysSomething(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      let properties = scalar.properties
      return !properties.isWhitespace && !properties.isDefaultIgnorableCodePoint
        && properties.generalCategory != .control
    }
  }

  private func givenText(_ key: String) throws(EventError) -> String? {
    guard let value = values[key] else { return nil }
    return try text(value, field: "data." + key)
  }

  private func blank(_ value: String, field: String, _ advice: String) -> EventError {
    EventError(
      field: field,
      "is \(value.isEmpty ? "empty" : "only white space or invisible characters"); \(advice)")
  }

  /// Text from any JSON value that should be a string.
  func text(_ value: JSONValue, field: String) throws(EventError) -> String {
    guard case .string(let string) = value else {
      throw EventError(field: field, "must be a string, not \(value.kindName)")
    }
    if string.utf8.allSatisfy({ $0 < 0x80 }) { return string }
    let normalised = string.precomposedStringWithCanonicalMapping
    if normalising || normalised.utf8.elementsEqual(string.utf8) { return normalised }
    throw EventError(field: field, "is not NFC-normalised UTF-8; re-record it with `ledger append`")
  }

  // MARK: Identifiers

  /// A required identifier field.
  public func identifier<ID: LedgerIdentifier>(_ key: String) throws(EventError) -> ID {
    guard let value: ID = try optionalIdentifier(key) else { throw missing(key) }
    return value
  }

  /// An optional identifier field.
  public func optionalIdentifier<ID: LedgerIdentifier>(_ key: String) throws(EventError) -> ID? {
    guard let value = values[key] else { return nil }
    return try identifier(value, field: "data." + key)
  }

  func identifier<ID: LedgerIdentifier>(_ value: JSONValue, field: String) throws(EventError)
    -> ID
  {
    let string = try text(value, field: field)
    guard let id = ID.validated(string) else {
      throw EventError(field: field, "\(quoted(string)) is not \(ID.syntax)")
    }
    return id
  }

  /// An optional list of identifiers.
  public func identifiers<ID: LedgerIdentifier>(_ key: String) throws(EventError) -> [ID]? {
    guard let items = try array(key) else { return nil }
    var result: [ID] = []
    for (index, item) in items.enumerated() {
      result.append(try identifier(item, field: "data.\(key)[\(index)]"))
    }
    return result
  }

  /// An optional list of free-text strings.
  public func texts(_ key: String) throws(EventError) -> [String]? {
    guard let items = try array(key) else { return nil }
    var result: [String] = []
    for (index, item) in items.enumerated() {
      let field = "data.\(key)[\(index)]"
      let text = try text(item, field: field)
      guard Self.saysSomething(text) else {
        throw blank(text, field: field, "leave it out of the list when there is nothing to say")
      }
      result.append(text)
    }
    return result
  }

  // MARK: Dates and numbers

  /// A required date field.
  public func date(_ key: String) throws(EventError) -> CivilDate {
    guard let value = try optionalDate(key) else { throw missing(key) }
    return value
  }

  /// An optional date field.
  public func optionalDate(_ key: String) throws(EventError) -> CivilDate? {
    guard let value = values[key] else { return nil }
    let string = try text(value, field: "data." + key)
    guard let date = CivilDate(string) else {
      throw EventError(field: "data." + key, "\(quoted(string)) is not a real date YYYY-MM-DD")
    }
    return date
  }

  /// The largest whole number a count may be: a trillion. Counts are summed over reports and
  /// services and scaled to a year; bounding each keeps every sum far from the integer limit,
  /// and a larger figure is a typing error in any report the ledger is for.
  public static let maximumCount = 1_000_000_000_000

  /// The most a unit cost may be: a billion pounds a transaction. Costs are unit costs times
  /// annual volumes, summed over channels and services; bounded, every such figure stays
  /// finite (an infinite cost less another is not a number, and no view could show it).
  public static let maximumPounds = 1_000_000_000.0

  /// Pounds: 0 to `maximumPounds`.
  public static let money = 0...maximumPounds

  /// The error for a count written with a `.` or an exponent: `2.5` is not a whole number,
  /// `1e3` is one not written in digits only (`1000`), and `1e20` one over `maximumCount`.
  static func notWritten(_ number: JSONNumber, field: String) -> EventError {
    guard let double = number.double, double.rounded() == double else {
      return EventError(field: field, "\(number.text) is not a whole number")
    }
    guard double.magnitude <= Double(maximumCount) else {
      return tooLarge(number.text, field: field)
    }
    return EventError(
      field: field,
      "\(number.text) is a whole number written with a '.' or an exponent; write it in digits "
        + "only: \(Int(double))")
  }

  /// The error for a count above `maximumCount`.
  static func tooLarge(_ text: String, field: String) -> EventError {
    EventError(
      field: field,
      "\(text) is more than the largest count the ledger takes, 1,000,000,000,000 (a trillion); "
        + "check the figure")
  }

  /// A required whole number ≥ `minimum`.
  public func count(_ key: String, minimum: Int = 0) throws(EventError) -> Int {
    guard let value = try optionalCount(key, minimum: minimum) else { throw missing(key) }
    return value
  }

  /// An optional whole number ≥ `minimum`.
  public func optionalCount(_ key: String, minimum: Int = 0) throws(EventError) -> Int? {
    guard let value = values[key] else { return nil }
    guard case .number(let number) = value else {
      throw EventError(field: "data." + key, "must be a whole number, not \(value.kindName)")
    }
    guard number.isInteger else { throw Self.notWritten(number, field: "data." + key) }
    guard let int = number.int, int <= Self.maximumCount else {
      throw Self.tooLarge(number.text, field: "data." + key)
    }
    guard int >= minimum else {
      throw EventError(field: "data." + key, "\(int) is less than \(minimum)")
    }
    return int
  }

  /// An optional number within `range` (money: `money`, rates: 0...1).
  public func optionalDecimal(_ key: String, in range: ClosedRange<Double>) throws(EventError)
    -> Double?
  {
    guard let value = values[key] else { return nil }
    guard case .number(let number) = value, let double = number.double else {
      throw EventError(field: "data." + key, "must be a number, not \(value.kindName)")
    }
    guard range.contains(double) else {
      let lower = Int(range.lowerBound)
      guard range.upperBound.isFinite else {
        throw EventError(
          field: "data." + key,
          "\(number.text) is less than \(lower); give a figure of \(lower) or more")
      }
      throw EventError(
        field: "data." + key,
        "\(number.text) must be between \(lower) and \(JSONNumber(range.upperBound).text)")
    }
    return double
  }

  /// An optional `http`/`https` URL.
  public func optionalURL(_ key: String) throws(EventError) -> String? {
    guard let string = try optionalText(key) else { return nil }
    guard string.hasPrefix("https://") || string.hasPrefix("http://"),
      !string.contains(where: { $0.isWhitespace })
    else {
      throw EventError(field: "data." + key, "\(quoted(string)) is not an http(s) URL")
    }
    return string
  }

  // MARK: Choices

  /// A required one-word choice.
  public func choice<Choice: FieldChoice>(_ key: String) throws(EventError) -> Choice {
    guard let value: Choice = try optionalChoice(key) else { throw missing(key) }
    return value
  }

  /// An optional one-word choice.
  public func optionalChoice<Choice: FieldChoice>(_ key: String) throws(EventError) -> Choice? {
    guard let value = values[key] else { return nil }
    return try choice(value, field: "data." + key)
  }

  func choice<Choice: FieldChoice>(_ value: JSONValue, field: String) throws(EventError)
    -> Choice
  {
    let string = try text(value, field: field)
    guard let choice = Choice(rawValue: string) else {
      throw EventError(
        field: field,
        "\(quoted(string)) is not a \(Choice.noun); expected one of: "
          + Choice.words.joined(separator: ", "))
    }
    return choice
  }

  /// A required, non-empty list of choices without repeats.
  public func choices<Choice: FieldChoice>(_ key: String) throws(EventError) -> [Choice] {
    guard let items = try array(key) else { throw missing(key) }
    guard !items.isEmpty else { throw EventError(field: "data." + key, "must not be empty") }
    var result: [Choice] = []
    for (index, item) in items.enumerated() {
      let choice: Choice = try choice(item, field: "data.\(key)[\(index)]")
      guard !result.contains(choice) else {
        throw EventError(field: "data.\(key)[\(index)]", "\(choice.rawValue) is listed twice")
      }
      result.append(choice)
    }
    return result
  }

  // MARK: Helpers

  func array(_ key: String) throws(EventError) -> [JSONValue]? {
    guard let value = values[key] else { return nil }
    guard case .array(let items) = value else {
      throw EventError(field: "data." + key, "must be an array, not \(value.kindName)")
    }
    return items
  }

  func missing(_ key: String) -> EventError {
    EventError(field: "data." + key, "is required")
  }

  func quoted(_ string: String) -> String {
    Format.quoted(string.count > 60 ? String(string.prefix(60)) + "…" : string)
  }
}

extension JSONValue {
  /// "a string", "a number", ... for error messages.
  var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A payload's members looked up by key. Payloads have a dozen fields at most, so a linear
/// search beats hashing: this is on the replay's hot path.
private struct MemberTable {
  var members: [JSONMember] = []

  subscript(key: String) -> JSONValue? {
    for member in members where member.key == key { return member.value }
    return nil
  }
}
