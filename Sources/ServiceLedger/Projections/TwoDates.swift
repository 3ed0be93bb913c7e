/// One fold kept at two valid times in one pass: `current` as of the later date, `previous`
/// as of `previousEnd` (on or before it), given the events in force at each.
public struct TwoDates<Inner: Fold>: Fold {
  public var current: Inner
  public var previous: Inner
  /// The earlier valid time.
  public let previousEnd: CivilDate
  private let innerReads: EventReads

  /// `current` and `previous` are the empty folds as of each date.
  public init(current: Inner, previous: Inner, previousEnd: CivilDate) {
    self.current = current
    self.previous = previous
    self.previousEnd = previousEnd
    innerReads = current.reads.union(previous.reads)
  }

  public var reads: EventReads { innerReads }

  public mutating func apply(_ event: RecordedEvent) {
    current.apply(event)
    if event.effectiveDate.map({ $0 <= previousEnd }) ?? true { previous.apply(event) }
  }
}
