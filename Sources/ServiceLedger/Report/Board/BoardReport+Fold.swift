extension BoardReport {
  /// What the board report folds from the log in one pass: every snapshot projection at the
  /// report's date and at the previous quarter's end, the restatements recorded in between,
  /// and when the events were recorded.
  public struct Fold: ServiceLedger.Fold {
    let period: ReportPeriod
    /// Knowledge time; the site sets it after a pass that knew none to the latest `at` found.
    var knownAt: Timestamp?
    /// The snapshot folds at the report's date and at the previous quarter's end. Volume and
    /// KPI reports are folded once, into `current`, whose history also keeps what `previous`
    /// needs: every report of a period ending by then is in force at both dates.
    private var current: BoardSnapshot.Fold
    private var previous: BoardSnapshot.Fold
    var window: RestatementWindow
    /// The latest `at` of the events known at `knownAt`, in force or not.
    var recordedUpTo: Timestamp?
    /// The earliest `at` of any event, known at `knownAt` or not.
    var firstRecorded: Timestamp?

    public init(period: ReportPeriod, knownAt: Timestamp?) {
      self.period = period
      self.knownAt = knownAt
      current = BoardSnapshot.Fold(asOf: period.asOf, alsoAsOf: period.previousEnd)
      previous = BoardSnapshot.Fold(asOf: period.previousEnd)
      window = RestatementWindow(after: period.previousEnd, upTo: period.asOf)
    }

    public var reads: EventReads { current.reads }

    public mutating func apply(_ event: RecordedEvent) {
      switch event.type {
      case .volumeReported:
        window.note(event, before: current.volumes)
        current.apply(event)
      case .kpiReported:
        current.apply(event)
      default:
        current.apply(event)
        if event.effectiveDate.map({ $0 <= period.previousEnd }) ?? true { previous.apply(event) }
      }
    }

    /// The snapshots' folds at the report's date and at the previous quarter's end.
    var snapshots: (current: BoardSnapshot.Fold, previous: BoardSnapshot.Fold) {
      (current, previous.taking(volumesOf: current))
    }

    /// Notes every valid event of the log, in force or not.
    public mutating func observe(_ event: RecordedEvent) {
      if firstRecorded.map({ event.at < $0 }) ?? true { firstRecorded = event.at }
      if knownAt.map({ event.at <= $0 }) ?? true, recordedUpTo.map({ event.at > $0 }) ?? true {
        recordedUpTo = event.at
      }
    }

    /// Restatements found by the fold and by the lookback, in replay order.
    static func merged(_ first: [Restatement], _ second: [Restatement]) -> [Restatement] {
      (first + second).sorted(by: Restatement.inReplayOrder)
    }
  }

  /// The report for `period` from the ledger in `folder`, as known at `knownAt`, through the
  /// replay engine: one streamed pass, and a second only when a report recorded in the quarter
  /// restates a figure the first pass no longer held.
  /// - Returns: the report, the log's invalid lines, and when its first event was recorded.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public static func replay(
    _ folder: LedgerFolder, period: ReportPeriod, knownAt: Timestamp?,
    people: PeopleFile = PeopleFile(), reader: LogFileReader = LogFileReader()
  ) throws(LedgerError) -> (
    report: BoardReport, problems: [LedgerProblem], firstRecorded: Timestamp?
  ) {
    let (fold, problems) = try folder.fold(
      Fold(period: period, knownAt: knownAt), asOf: period.asOf, knownAt: knownAt,
      reader: reader, every: { $0.observe($1) })
    var restatements = fold.window.found
    if !fold.window.unresolved.isEmpty {
      let lookback = try folder.fold(
        RestatementLookback(fold.window), asOf: period.asOf, knownAt: knownAt, reader: reader)
      restatements = Fold.merged(restatements, lookback.fold.found)
    }
    let report = BoardReport(
      fold, restatements: restatements, invalidLines: problems.count, people: people)
    return (report, problems, fold.firstRecorded)
  }
}
