/// `ledger log`: the events, oldest first, optionally filtered.
public enum LogView {
  /// Which events to show.
  public struct Filter: Sendable {
    /// Only these services (empty: all).
    public var services: Set<ServiceID> = []
    /// Only these types (empty: all).
    public var types: Set<EventType> = []
    /// Only events recorded on or after this date.
    public var since: CivilDate?
    /// Only events whose effective date is on or before this date (events without one: always).
    public var asOf: CivilDate?
    /// Only events recorded at or before this time.
    public var knownAt: Timestamp?

    public init() {}

    func includes(_ event: RecordedEvent) -> Bool {
      if !services.isEmpty, !(event.event.service.map(services.contains) ?? false) { return false }
      if !types.isEmpty, !types.contains(event.type) { return false }
      if let since, event.at.date < since { return false }
      if let knownAt, event.at > knownAt { return false }
      if let asOf, let date = event.event.effectiveDate, date > asOf { return false }
      return true
    }
  }

  /// The events of `ledger` that pass `filter`, in replay order.
  public static func output(_ ledger: Ledger, filter: Filter) -> ViewOutput {
    let events = ledger.events.filter(filter.includes)
    let table = TableData(
      fields: [
        "RECORDED": "recorded", "TYPE": "type", "SUBJECT": "subject", "BY": "by",
        "DETAIL": "detail",
      ],
      rows: events.map { event in
        [
          .text(event.at.description), .text(event.type.rawValue),
          .text(subject(event.event)), .text(event.by.rawValue), .text(detail(event.event)),
        ]
      }, leftOutFirst: ["BY", "RECORDED"])
    let json = JSONValue.members([
      "events": .array(
        events.map { event in
          var members: [JSONMember] = []
          if case .object(let envelope) = event.json { members = envelope }
          members.append(JSONMember(key: "file", value: .string(event.location?.file)))
          members.append(JSONMember(key: "line", value: .integer(event.location?.line)))
          return .object(members)
        })
    ])
    return ViewOutput(table: table, json: json, emptyNote: "no events match")
  }

  /// The thing the event is about: a service, strategy, barrier or event id.
  static func subject(_ event: Event) -> String {
    if let service = event.service { return service.rawValue }
    switch event {
    case .actionDefined(let p): return "\(p.strategy) action \(p.action)"
    case .actionProgressed(let p): return "\(p.strategy) action \(p.action)"
    case .milestoneDefined(let p): return "\(p.strategy) \(p.milestone)"
    case .milestoneMet(let p): return "\(p.strategy) \(p.milestone)"
    case .barrierIdentified(let p): return p.barrier.rawValue
    case .barrierRemoved(let p): return p.barrier.rawValue
    case .eventRetracted(let p): return p.event.rawValue
    default: return event.strategy?.rawValue ?? "-"
    }
  }

  /// The payload in brief: its fields other than the subject, `key=value`, whole.
  static func detail(_ event: Event) -> String {
    guard case .object(let members) = event.data else { return "" }
    let skip: Set<String> = ["service", "strategy", "barrier"]
    return members.filter { !skip.contains($0.key) }.map { member -> String in
      switch member.value {
      case .string(let s): return "\(member.key)=\(s)"
      case .number(let n): return "\(member.key)=\(n.text)"
      default: return "\(member.key)=\(member.value.serialized())"
      }
    }.joined(separator: " ")
  }
}
