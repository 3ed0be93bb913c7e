@testable import ServiceLedger

// The reports and the site built from a whole log held in memory: the tests' reference for
// what the library builds from a folder through the engine (`BoardReport.replay`,
// `Site.replay`), and the quickest way to build one from a fixture.

extension Ledger {
  /// Folds the events of a log held in memory as the replay engine (`LedgerFolder.fold`)
  /// folds a folder: those in force at `asOf` as known at `knownAt`, of the types `initial`
  /// reads, after `every` has been given every valid event.
  func fold<F: Fold>(
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

extension BoardReport {
  /// Builds the report for `period` from `ledger`, a log held in memory, as known at `knownAt`.
  /// - Parameters:
  ///   - ledger: the replayed log; its invalid lines are counted (without `knownAt`) but
  ///     never used.
  ///   - period: the date and the quarter it is compared with.
  ///   - knownAt: leaves out events recorded after it.
  ///   - people: names to show for service managers' ids.
  init(
    _ ledger: Ledger, period: ReportPeriod, knownAt: Timestamp? = nil,
    people: PeopleFile = PeopleFile()
  ) {
    let fold = ledger.fold(
      Fold(period: period, knownAt: knownAt), asOf: period.asOf, knownAt: knownAt,
      every: { $0.observe($1) })
    var restatements = fold.window.found
    if !fold.window.unresolved.isEmpty {
      let lookback = ledger.fold(
        RestatementLookback(fold.window), asOf: period.asOf, knownAt: knownAt)
      restatements = Fold.merged(restatements, lookback.found)
    }
    self.init(
      fold, restatements: restatements, invalidLines: ledger.problems.count, people: people)
  }
}

extension BoardSnapshot {
  /// Folds `ledger` as of `asOf`, leaving out events recorded after `knownAt`.
  init(_ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp?) {
    self.init(ledger.fold(Fold(asOf: asOf), asOf: asOf, knownAt: knownAt))
  }
}

extension Site {
  /// Prepares the site of `ledger`, a log held in memory, as of `asOf`, as known at `knownAt`.
  /// - Parameters:
  ///   - ledger: the replayed log.
  ///   - asOf: valid time of every view.
  ///   - knownAt: leaves out events recorded after it; nil: everything recorded.
  ///   - people: names to show for people's ids.
  ///   - files: the ledger's own files (name and bytes) for the downloads page.
  ///   - limit: how many events and reports a service page lists at most.
  init(
    _ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp? = nil,
    people: PeopleFile = PeopleFile(), files: [String: [UInt8]] = [:], limit: Int = pageLimit
  ) {
    self.init(
      source: MemorySource(ledger: ledger, files: files), asOf: asOf, knownAt: knownAt,
      people: people, limit: limit)
  }
}

/// A log held in memory, with its files' bytes by name.
struct MemorySource: SiteSource {
  typealias Failure = Never
  let ledger: Ledger
  let files: [String: [UInt8]]

  func fold<F: Fold>(
    _ initial: F, asOf: CivilDate, knownAt: Timestamp?,
    every: ((inout F, RecordedEvent) -> Void)?
  ) -> (fold: F, problems: [LedgerProblem]) {
    (ledger.fold(initial, asOf: asOf, knownAt: knownAt, every: every), ledger.problems)
  }

  func retractionTargets(knownAt: Timestamp?) -> Set<EventID> {
    Set(ledger.events.compactMap { InForce.retractionTarget($0, knownAt: knownAt) })
  }

  func fileNames() -> [String] { files.keys.sorted() }

  func copy<Sink: SiteSink>(
    _ name: String, lines: Int?, to path: String, into sink: inout CountingSink<Sink>
  ) throws -> (lines: Int, bytes: Int) {
    let whole = files[name] ?? []
    let bytes = lines.map { SiteCopy.prefix(whole, lines: $0) } ?? whole
    try sink.write(SitePage(path: path, bytes: bytes))
    return (bytes.count { $0 == 0x0A }, bytes.count)
  }
}
