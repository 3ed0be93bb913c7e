/// Turns one parsed JSON line into a `RecordedEvent`, strictly.
///
/// Reading the log, every envelope key is required and text must already be NFC. Reading input
/// for `ledger append`, a missing `id`, `at` or `by` is filled in from `defaults` and text is
/// normalised.
public struct EnvelopeDecoder: Sendable {
  /// Values for envelope keys that input may leave out.
  public struct Defaults: Sendable {
    public var id: @Sendable () -> EventID
    public var at: Timestamp
    public var by: ActorID
    public init(id: @escaping @Sendable () -> EventID, at: Timestamp, by: ActorID) {
      self.id = id
      self.at = at
      self.by = by
    }
  }

  static let keys: Set<String> = ["id", "at", "by", "type", "v", "data"]

  /// nil when reading the log.
  public var defaults: Defaults?

  /// A decoder for the log (`defaults` nil) or for input to append.
  public init(defaults: Defaults? = nil) { self.defaults = defaults }

  /// Decodes one line's value.
  /// - Throws: `EventError` naming the envelope key or payload field that is wrong.
  public func decode(_ value: JSONValue, location: EventLocation?) throws(EventError)
    -> RecordedEvent
  {
    guard case .object(let members) = value else {
      throw EventError(field: nil, "a line must be a JSON object, not \(value.kindName)")
    }
    var fields: [String: JSONValue] = [:]
    for member in members {
      guard EnvelopeDecoder.keys.contains(member.key) else {
        throw EventError(
          field: member.key, "is not an envelope key; the keys are id, at, by, type, v, data")
      }
      guard fields.updateValue(member.value, forKey: member.key) == nil else {
        throw EventError(field: member.key, "appears twice")
      }
    }
    let type = try EventType.named(try string(fields, "type"))
    let id: EventID = try identifier(fields, "id", fallback: defaults.map { $0.id() })
    let by: ActorID = try identifier(fields, "by", fallback: defaults?.by)
    let at: Timestamp
    if fields["at"] == nil, let fallback = defaults?.at {
      at = fallback
    } else {
      let text = try string(fields, "at")
      guard let parsed = Timestamp(text) else {
        throw EventError(
          field: "at",
          "\(Format.quoted(text)) is not an RFC 3339 UTC time such as 2014-04-02T09:30:00Z")
      }
      at = parsed
    }
    var version = 1
    if let raw = fields["v"] {
      guard case .number(let number) = raw, let int = number.int else {
        throw EventError(field: "v", "must be a whole number")
      }
      version = int
    }
    guard case .object(let data)? = fields["data"] else {
      throw EventError(field: "data", fields["data"] == nil ? "is required" : "must be an object")
    }
    let current = try Upcaster.upcast(type: type, version: version, data: data)
    let event = try Event.decode(type: type, data: current, normalising: defaults != nil)
    return RecordedEvent(id: id, at: at, by: by, event: event, location: location)
  }

  private func string(_ fields: [String: JSONValue], _ key: String) throws(EventError) -> String {
    guard let value = fields[key] else { throw EventError(field: key, "is required") }
    guard case .string(let string) = value else {
      throw EventError(field: key, "must be a string, not \(value.kindName)")
    }
    return string
  }

  private func identifier<ID: LedgerIdentifier>(
    _ fields: [String: JSONValue], _ key: String, fallback: ID?
  ) throws(EventError) -> ID {
    if fields[key] == nil, let fallback { return fallback }
    let text = try string(fields, key)
    guard let id = ID.validated(text) else {
      throw EventError(field: key, "\(Format.quoted(text)) is not \(ID.syntax)")
    }
    return id
  }
}
