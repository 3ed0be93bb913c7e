@testable import ServiceLedger

/// The events a projection folds over, held in memory: those of a whole log (`Ledger`, from
/// `LedgerFolder.read()`) in force at `asOf` as known at `knownAt`, in replay order. The
/// tests' reference for what the streamed engine (`LedgerFolder.fold`) gives a fold.
struct Timeline: Sendable {
  /// Valid time.
  let asOf: CivilDate
  /// Knowledge time; nil means everything recorded.
  let knownAt: Timestamp?
  /// The events in force, in replay order.
  let events: [RecordedEvent]
  /// Ids of events that a retraction known at `knownAt` withdrew.
  let retracted: Set<EventID>

  /// Selects the events of `ledger` in force at `asOf` as known at `knownAt`.
  init(_ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp? = nil) {
    self.init(ledger.events, asOf: asOf, knownAt: knownAt)
  }

  /// Selects from `events`, which must be in replay order.
  init(_ events: [RecordedEvent], asOf: CivilDate, knownAt: Timestamp? = nil) {
    let retracted = Set(events.compactMap { InForce.retractionTarget($0, knownAt: knownAt) })
    let filter = InForce(asOf: asOf, knownAt: knownAt, retracted: retracted)
    self.asOf = asOf
    self.knownAt = knownAt
    self.retracted = retracted
    self.events = events.filter(filter.admits)
  }

  /// The event `event` withdraws, when it is a retraction known at `knownAt`.
  static func retractionTarget(_ event: RecordedEvent, knownAt: Timestamp?) -> EventID? {
    InForce.retractionTarget(event, knownAt: knownAt)
  }
}
