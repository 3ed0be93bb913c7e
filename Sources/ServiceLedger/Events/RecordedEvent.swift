/// Where an event stands in the ledger folder.
public struct EventLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file name inside the ledger folder, e.g. `ledger.jsonl`.
  public var file: String
  /// 1-based line number.
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }

  public static func < (lhs: EventLocation, rhs: EventLocation) -> Bool {
    (lhs.file, lhs.line) < (rhs.file, rhs.line)
  }
}

/// An event as stored: the envelope (`id`, `at`, `by`, `v`) around a typed payload.
public struct RecordedEvent: Sendable, Equatable {
  /// The payload schema version this code writes.
  public static let currentVersion = 1

  /// Unique in the whole ledger.
  public var id: EventID
  /// Knowledge time: when it was recorded.
  public var at: Timestamp
  /// Who recorded it.
  public var by: ActorID
  /// The payload.
  public var event: Event
  /// Where it was read from; nil for an event not yet written.
  public var location: EventLocation?

  public init(
    id: EventID, at: Timestamp, by: ActorID, event: Event, location: EventLocation? = nil
  ) {
    self.id = id
    self.at = at
    self.by = by
    self.event = event
    self.location = location
  }

  /// The event's type.
  public var type: EventType { event.type }

  /// The payload's effective date (see `Event.effectiveDate`).
  public var effectiveDate: CivilDate? { event.effectiveDate }

  /// The envelope and payload as one JSON object, keys in the writer's order
  /// (`id`, `at`, `by`, `type`, `data`; `v` is written only for versions other than 1).
  public var json: JSONValue {
    .object([
      JSONMember(key: "id", value: .string(id.rawValue)),
      JSONMember(key: "at", value: .string(at.description)),
      JSONMember(key: "by", value: .string(by.rawValue)),
      JSONMember(key: "type", value: .string(type.rawValue)),
      JSONMember(key: "data", value: event.data),
    ])
  }

  /// The line written to the log, without its `\n`.
  public var line: String { json.serialized() }
}
