import ServiceLedger

/// Turns `key=value` words from the command line into a payload's JSON, using each field's kind:
/// numbers become JSON numbers, lists split on commas, structured fields are parsed as JSON.
enum FieldValues {
  /// The `data` object for `fields` of `type`. Unknown keys are passed through so the payload
  /// decoder reports them with the list of fields.
  /// - Throws: `EventError` naming the field whose value cannot be read.
  static func json(_ fields: [(key: String, value: String)], for type: EventType)
    throws(EventError) -> JSONValue
  {
    var members: [JSONMember] = []
    for (key, value) in fields {
      let kind = type.fields.first(where: { $0.name == key })?.kind ?? .text
      members.append(JSONMember(key: key, value: try json(value, kind: kind, field: key)))
    }
    return .object(members)
  }

  private static func json(_ value: String, kind: FieldKind, field: String) throws(EventError)
    -> JSONValue
  {
    switch kind {
    case .count, .number, .money, .rate, .decimal:
      guard let number = try? JSONParser.parse(value), case .number = number else {
        throw kind.overflowError(value, field: "data." + field)
          ?? EventError(field: "data." + field, "\(Format.quoted(value)) is not a number")
      }
      return number
    case .choiceList, .slugList, .textList:
      let items = value.split(separator: ",", omittingEmptySubsequences: false)
      return .array(items.map { .string($0.trimmed()) })
    case .themes, .points:
      do {
        return try JSONParser.parse(value)
      } catch {
        throw EventError(field: "data." + field, "is not valid JSON: \(error)")
      }
    case .text, .slug, .person, .date, .url, .choice, .eventID, .itemID:
      return .string(value)
    }
  }
}
