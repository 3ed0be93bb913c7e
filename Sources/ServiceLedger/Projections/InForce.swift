/// Which events a fold is given: those known at `knownAt`, not retracted (by a retraction
/// known then), and effective on or before `asOf`. The one rule of every replay
/// (`LedgerFolder.fold`, the site's pages).
public struct InForce: Sendable {
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

  /// The event `event` withdraws, when it is a retraction known at `knownAt`.
  static func retractionTarget(_ event: RecordedEvent, knownAt: Timestamp?) -> EventID? {
    guard event.type == .eventRetracted, case .eventRetracted(let retraction) = event.event
    else { return nil }
    if let knownAt, event.at > knownAt { return nil }
    return retraction.event
  }
}
