/// The events a projection folds over: those known at `knownAt`, with retractions applied,
/// whose effective date is on or before `asOf`, in replay order.
public struct Timeline: Sendable {
  /// Valid time.
  public let asOf: CivilDate
  /// Knowledge time; nil means everything recorded.
  public let knownAt: Timestamp?
  /// The events in force, in replay order.
  public let events: [RecordedEvent]
  /// Ids of events that a retraction known at `knownAt` withdrew.
  public let retracted: Set<EventID>

  /// Selects the events of `ledger` in force at `asOf` as known at `knownAt`.
  public init(_ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp? = nil) {
    self.init(ledger.events, asOf: asOf, knownAt: knownAt)
  }

  /// Selects from `events`, which must be in replay order.
  public init(_ events: [RecordedEvent], asOf: CivilDate, knownAt: Timestamp? = nil) {
    let known = knownAt.map { limit in events.filter { $0.at <= limit } } ?? events
    var retracted: Set<EventID> = []
    for event in known {
      if case .eventRetracted(let retraction) = event.event { retracted.insert(retraction.event) }
    }
    self.asOf = asOf
    self.knownAt = knownAt
    self.retracted = retracted
    self.events = known.filter { event in
      if case .eventRetracted = event.event { return false }
      guard !retracted.contains(event.id) else { return false }
      return event.event.effectiveDate.map { $0 <= asOf } ?? true
    }
  }
}
