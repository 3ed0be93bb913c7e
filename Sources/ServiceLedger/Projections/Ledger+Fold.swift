extension Ledger {
  /// Folds the events of a log held in memory as the replay engine (`LedgerFolder.fold`)
  /// folds a folder: those in force at `asOf` as known at `knownAt`, of the types `initial`
  /// reads, after `every` has been given every valid event.
  public func fold<F: Fold>(
    _ initial: F, asOf: CivilDate?, knownAt: Timestamp?,
    every: ((inout F, RecordedEvent) -> Void)? = nil
  ) -> F {
    var fold = initial
    let reads = initial.reads
    var retracted: Set<EventID> = []
    for event in events {
      every?(&fold, event)
      if let target = InForce.retractionTarget(event, knownAt: knownAt) {
        retracted.insert(target)
      }
    }
    let filter = InForce(asOf: asOf, knownAt: knownAt, retracted: retracted)
    for event in events where reads.contains(event.type) && filter.admits(event) {
      fold.apply(event)
    }
    return fold
  }
}
