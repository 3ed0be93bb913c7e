/// The digital board's quarterly report (`ledger report`): every board view at one date, the
/// same at the previous quarter's end, what changed in between, the standard findings and the
/// quality of the data behind them.
///
/// A pure function of the ledger, the period and the knowledge time: with `knownAt` given,
/// events recorded later cannot change a byte of any rendering.
public struct BoardReport: Sendable {
  /// How many services the charts and mover lists show beside the exemplars.
  public static let topCount = 5

  public let period: ReportPeriod
  /// Knowledge time; nil means everything recorded.
  public let knownAt: Timestamp?
  /// The latest `at` of the events replayed (whatever their valid time), so that the report
  /// can say how to reproduce itself; nil for an empty ledger.
  public let recordedUpTo: Timestamp?
  /// The state as of the report's date, and at the previous quarter's end.
  public let current: BoardSnapshot
  public let previous: BoardSnapshot
  public let headlines: BoardHeadlines
  public let previousHeadlines: BoardHeadlines
  public let changes: BoardChanges
  public let quality: DataQuality
  /// Display names of people (`people.json`).
  public let people: PeopleFile
  /// The ledger folder as the user gave it (`--ledger`, `LEDGER_DIR` or the default), for
  /// `reproduction`; nil leaves `--ledger` out of it (the site's archived reports, whose
  /// rebuild command leaves it out too).
  public var ledger: String?
  /// How the commands the findings suggest name the ledger (in the JSON, which gives the
  /// findings whole): as `ledger check` on the same ledger names them.
  public var suggestions = SuggestedCommands(ledger: nil, commands: [])

  /// The report of a finished fold.
  /// - Parameters:
  ///   - fold: the log folded as of the period's two dates.
  ///   - restatements: those recorded in the quarter, in replay order.
  ///   - invalidLines: how many lines of the log are invalid (shown only without `knownAt`).
  ///   - people: names to show for service managers' ids.
  init(_ fold: Fold, restatements: [Restatement], invalidLines: Int, people: PeopleFile) {
    period = fold.period
    knownAt = fold.knownAt
    self.people = people
    recordedUpTo = fold.recordedUpTo
    // The two dates' views are independent: built side by side, one on each core (they were
    // half of the main thread's work after the replay).
    let snapshots = fold.snapshots
    let built = concurrentMap(2) { BoardSnapshot($0 == 0 ? snapshots.current : snapshots.previous) }
    current = built[0]
    previous = built[1]
    headlines = BoardHeadlines(current)
    previousHeadlines = BoardHeadlines(previous)
    changes = BoardChanges(from: previous, to: current, restatements: restatements)
    quality = DataQuality(current, invalidLines: knownAt == nil ? invalidLines : nil)
  }

  /// The report's title: `Board report: 2015-Q1`.
  public var title: String { "Board report: \(period.label)" }

  /// What the report is about: the published strategies' titles, or `Digital strategy`.
  public var subject: String {
    let titles = current.progress.strategies.map(\.publication.title)
    return titles.isEmpty ? "Digital strategy" : titles.joined(separator: "; ")
  }

  /// The name of `service` (or its id, for one the catalogue does not know).
  public func name(of service: ServiceID) -> String {
    current.catalogue.records[service]?.name ?? service.rawValue
  }

  /// The command that reproduces this report byte for byte (without `--format`): with
  /// `--ledger` and the folder as given (a relative path stays relative, quoted for the shell
  /// when it needs it), so that it reproduces the report from wherever it was made.
  public var reproduction: String? {
    guard let at = knownAt ?? recordedUpTo else { return nil }
    let folder = ledger.map { "--ledger \(Format.shellQuoted($0)) " } ?? ""
    let when = period.quarter.map { "--quarter \($0)" } ?? "--as-of \(period.asOf)"
    return "ledger report \(folder)\(when) --known-at \(at)"
  }

  /// The services charted beside the exemplars: the largest others (by annual volume) with at
  /// least two take-up figures, at most `topCount`.
  public var topServices: [ChannelShift.Row] {
    Array(
      current.shift.rows.filter { row in
        row.service.exemplar == nil && row.annual.volume != nil && row.series.points.count >= 2
      }.prefix(Self.topCount))
  }

  /// The take-up movements with a previous figure, largest first, at most `topCount`.
  public var largestMovers: [BoardChanges.TakeUpMovement] {
    Array(changes.takeUpMovements.filter { $0.change != nil }.prefix(Self.topCount))
  }

  /// The portfolio's transactions a year by channel (`VolumeReported.channelNames` order), over
  /// the services with an estimate.
  public var channelVolumes: [Double] {
    current.shift.estimated.compactMap(\.estimate).reduce(into: [Double](repeating: 0, count: 6)) {
      sum, estimate in
      for index in sum.indices { sum[index] += estimate.volumes[index] }
    }
  }

  /// Channel names for people, in `VolumeReported.channelNames` order.
  public static let channelTitles = [
    "Digital", "Assisted digital", "Phone", "Post", "Face to face", "Other",
  ]
}
