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
    var retracted: Set<EventID> = []
    for event in events {
      if let target = Timeline.retractionTarget(event, knownAt: knownAt) {
        retracted.insert(target)
      }
    }
    let filter = Filter(asOf: asOf, knownAt: knownAt, retracted: retracted)
    self.asOf = asOf
    self.knownAt = knownAt
    self.retracted = retracted
    self.events = events.filter(filter.admits)
  }

  /// Which events count: the rule shared by `Timeline` and streamed replays.
  public struct Filter: Sendable {
    /// Valid time; nil for no limit.
    public var asOf: CivilDate?
    public var knownAt: Timestamp?
    /// Events withdrawn by retractions known at `knownAt`.
    public let retracted: Set<EventID>
    /// The same ids in a set that a replay can ask a million times cheaply.
    private let withdrawn: EventIDSet

    public init(asOf: CivilDate?, knownAt: Timestamp?, retracted: Set<EventID>) {
      self.asOf = asOf
      self.knownAt = knownAt
      self.retracted = retracted
      var withdrawn = EventIDSet(capacity: retracted.count)
      for id in retracted { _ = withdrawn.insert(id) }
      self.withdrawn = withdrawn
    }

    /// Whether `event` is in force: known at `knownAt`, not a retraction nor retracted, and
    /// effective on or before `asOf`.
    public func admits(_ event: RecordedEvent) -> Bool {
      if let knownAt, event.at > knownAt { return false }
      if event.type == .eventRetracted { return false }
      guard withdrawn.count == 0 || !withdrawn.contains(event.id) else { return false }
      guard let asOf, let date = event.effectiveDate else { return true }
      return date <= asOf
    }
  }

  /// The event `event` withdraws, when it is a retraction known at `knownAt`.
  static func retractionTarget(_ event: RecordedEvent, knownAt: Timestamp?) -> EventID? {
    guard event.type == .eventRetracted, case .eventRetracted(let retraction) = event.event
    else { return nil }
    if let knownAt, event.at > knownAt { return nil }
    return retraction.event
  }
}
