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

    /// Whether `event` passes; `withdrawsAboutServices`: it is a retraction of an event about
    /// one of `services`, which makes it about that service too.
    func includes(_ event: RecordedEvent, withdrawsAboutServices: Bool = false) -> Bool {
      if !services.isEmpty, !withdrawsAboutServices,
        !(event.event.service.map(services.contains) ?? false)
      {
        return false
      }
      if !types.isEmpty, !types.contains(event.type) { return false }
      if let since, event.at.date < since { return false }
      if let knownAt, event.at > knownAt { return false }
      if let asOf, let date = event.event.effectiveDate, date > asOf { return false }
      return true
    }
  }

  /// What `ledger log` gathers from every valid event of the log, in one streamed pass: the
  /// events that pass the filter, what each retraction withdrew, the services events are
  /// about (with their registered names), and when the first event was recorded. It
  /// folds no event in force: the engine gives it every event through `observe`.
  ///
  /// A retraction is about the service of the event it withdraws: with `--service`, the
  /// retractions of that service's events are listed too, so that a withdrawn report is never
  /// shown as if it stood.
  public struct Gathered: Fold, Sendable {
    public let filter: Filter
    /// The events that pass, in replay order.
    public private(set) var events: [RecordedEvent] = []
    /// The retractions recorded by `filter.knownAt`: the id of each, by the id it withdraws.
    public private(set) var retractedBy: [EventID: EventID] = [:]
    /// Every service some event is about, with its registered name when it has one.
    public private(set) var services: [ServiceID: String?] = [:]
    /// The earliest `at` of any event.
    public private(set) var firstRecorded: Timestamp?
    /// With `--service`, the ids of the events about those services, listed or not, whose
    /// retractions are listed.
    private var aboutServices: Set<EventID> = []

    public init(filter: Filter) { self.filter = filter }

    public var reads: EventReads { EventReads([]) }

    public mutating func apply(_ event: RecordedEvent) {}

    /// Notes one valid event of the log, in force or not.
    public mutating func observe(_ event: RecordedEvent) {
      if firstRecorded.map({ event.at < $0 }) ?? true { firstRecorded = event.at }
      if !filter.services.isEmpty, let service = event.event.service {
        if case .serviceRegistered(let payload) = event.event {
          services[service] = payload.name
        } else if services[service] == nil {
          services[service] = .some(nil)
        }
        if filter.services.contains(service) { aboutServices.insert(event.id) }
      }
      var withdrawsAboutServices = false
      if case .eventRetracted(let retraction) = event.event,
        filter.knownAt.map({ event.at <= $0 }) ?? true
      {
        retractedBy[retraction.event] = event.id
        withdrawsAboutServices = aboutServices.contains(retraction.event)
      }
      if filter.includes(event, withdrawsAboutServices: withdrawsAboutServices) {
        events.append(event)
      }
    }
  }

  /// The view of what `gathered` holds: the events that passed the filter, in replay order,
  /// a withdrawn one marked `(retracted)` in the table and with its retraction's id as
  /// `retractedBy` in JSON.
  public static func output(_ gathered: Gathered) -> ViewOutput {
    let events = gathered.events
    let retractedBy = gathered.retractedBy
    let table = TableData(
      fields: [
        "RECORDED": "recorded", "TYPE": "type", "SUBJECT": "subject", "BY": "by",
        "DETAIL": "detail",
      ],
      rows: events.map { event in
        let mark = retractedBy[event.id] == nil ? "" : "(retracted) "
        return [
          .text(event.at.description), .text(event.type.rawValue),
          .text(subject(event.event)), .text(event.by.rawValue),
          .text(mark + detail(event.event)),
        ]
      }, leftOutFirst: ["BY", "RECORDED"])
    let json = JSONValue.members([
      "events": .array(
        events.map { event in
          var members: [JSONMember] = []
          if case .object(let envelope) = event.json { members = envelope }
          members.append(JSONMember(key: "file", value: .string(event.location?.file)))
          members.append(JSONMember(key: "line", value: .integer(event.location?.line)))
          members.append(
            JSONMember(key: "retractedBy", value: .string(retractedBy[event.id]?.rawValue)))
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
