/// A static, browsable site of the ledger (`ledger site`): a home page, the services table,
/// one page per service, organisation and plan, every quarter's board report and downloads.
///
/// A pure function of the ledger, the as-of date, the knowledge time and the ledger's files:
/// the same inputs give the same bytes. Every figure comes from the projections and views the
/// other commands use (`BoardReport`'s snapshot holds them all at one date), so a page says
/// what `ledger priorities` or `ledger channel-shift` says at the same date. Pages link to
/// each other by relative paths only and load nothing, so the site works opened from disk or
/// from any static host.
///
/// The log is never held: one streamed pass folds what the pages show (`Site.Fold`), further
/// passes fold the quarterly reports a few quarters at a time while they are written, and the
/// ledger's files are copied a block at a time (`write(into:)`).
public struct Site: Sendable {
  /// How many events, volume reports and KPI reports a service page lists at most: the
  /// latest, with a line saying how many earlier ones there are and how to list them.
  public static let pageLimit = 100
  /// How many quarters' board reports are folded in one pass over the log.
  static let quartersPerPass = 8

  /// Valid time.
  public let asOf: CivilDate
  /// Knowledge time: the one asked for, else the latest `at` in the log, so that the site
  /// built now and the one `reproduction` builds later are the same bytes; nil only for an
  /// empty ledger.
  public let knownAt: Timestamp?
  /// The board report as of `asOf`: its snapshot is every view the site shows.
  let report: BoardReport
  let people: PeopleFile
  /// Where the quarterly reports are folded from and the ledger's files copied from.
  let source: any SiteSource
  /// How many events, reports and KPI reports a service page lists at most.
  let limit: Int
  /// Every plan at `asOf`, of any form (`ledger plans`), for the plans page: the registry the
  /// board report's snapshot folded for its strategies.
  var plans: PlanRegistry { report.current.progress.plans }
  /// Each organisation's page name (a slug unique within the site), by organisation.
  let organisationSlugs: [String: String]
  /// Each service's rows of `ledger priorities` and `ledger channel-shift` as of `asOf`.
  let priorityRows: [ServiceID: Priorities.Row]
  let shiftRows: [ServiceID: ChannelShift.Row]
  /// Each service's latest events known at `knownAt`, whatever their valid time, with the
  /// retractions of them, in replay order.
  let histories: [ServiceID: History]
  /// Each service's phases, managers, assessments, assisted digital and GOV.UK moves known at
  /// `knownAt`, in replay order.
  let standard: [ServiceID: [RecordedEvent]]
  /// Which events are in force as of `asOf`: the views' own rule.
  let inForce: InForce
  /// Each service's latest current volume and KPI reports, for the service pages' tables
  /// (the board report keeps only those its figures and series use).
  let volumes: Tables
  /// The earliest effective date in force: where the report archive starts.
  let firstEffective: CivilDate?
  /// Per ledger file, how many of its lines were recorded by `knownAt`.
  let knownLines: [String: Int]
  /// The log's invalid lines, left out.
  public let problems: [LedgerProblem]

  /// Prepares the site of the ledger in `folder` with one streamed pass over the log (and a
  /// second when the board report's restatements need a look further back).
  /// - Parameters:
  ///   - folder: the ledger.
  ///   - asOf: valid time of every view.
  ///   - knownAt: leaves out events recorded after it; nil: everything recorded.
  ///   - people: names to show for people's ids.
  ///   - reader: how lines are decoded.
  ///   - limit: how many events and reports a service page lists at most.
  /// - Returns: the site, ready to `write(into:)`; its `problems` are the log's invalid lines.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public static func replay(
    _ folder: LedgerFolder, asOf: CivilDate, knownAt: Timestamp? = nil,
    people: PeopleFile = PeopleFile(), reader: LogFileReader = LogFileReader(),
    limit: Int = pageLimit
  ) throws(LedgerError) -> Site {
    try Site(
      source: FolderSource(folder: folder, reader: reader), asOf: asOf, knownAt: knownAt,
      people: people, limit: limit)
  }

  /// Folds what the pages show from `source`: one pass (two when a retraction was hidden from
  /// the pre-scan), and one more when the board report's restatements need a look further back.
  init<Source: SiteSource>(
    source: Source, asOf: CivilDate, knownAt: Timestamp?, people: PeopleFile, limit: Int
  ) throws(Source.Failure) {
    var targets = try source.retractionTargets(knownAt: knownAt)
    var (fold, problems) = try source.fold(
      Fold(asOf: asOf, knownAt: knownAt, limit: limit, targets: targets), asOf: asOf,
      knownAt: knownAt, every: { $0.observe($1) })
    if !fold.retracted.isSubset(of: targets) {
      // A retraction the pre-scan did not see (its type written with escapes, say): its entry
      // in a history needs the service of what it withdraws, met before it. Once more,
      // knowing it.
      targets.formUnion(fold.retracted)
      (fold, problems) = try source.fold(
        Fold(asOf: asOf, knownAt: knownAt, limit: limit, targets: targets), asOf: asOf,
        knownAt: knownAt, every: { $0.observe($1) })
    }
    let knownAt = knownAt ?? fold.latestAt
    fold.board.knownAt = knownAt
    var restatements = fold.board.window.found
    if !fold.board.window.unresolved.isEmpty {
      let lookback = try source.fold(
        LookbackFold([fold.board.window]), asOf: asOf, knownAt: knownAt, every: nil)
      restatements = BoardReport.Fold.merged(restatements, lookback.fold.lookbacks[0].found)
    }
    self.asOf = asOf
    self.knownAt = knownAt
    self.people = people
    self.source = source
    self.limit = limit
    report = BoardReport(
      fold.board, restatements: restatements, invalidLines: problems.count, people: people)
    organisationSlugs = SitePath.slugs(
      for: Set(report.current.catalogue.services.map(\.organisation)).sorted())
    priorityRows = Dictionary(
      report.current.priorities.rows.map { ($0.service.id, $0) }, uniquingKeysWith: { a, _ in a })
    shiftRows = Dictionary(
      report.current.shift.rows.map { ($0.service.id, $0) }, uniquingKeysWith: { a, _ in a })
    histories = fold.histories
    standard = fold.standard
    volumes = fold.tables.trimmed()
    firstEffective = fold.firstEffective
    knownLines = fold.lastLine
    inForce = InForce(asOf: asOf, knownAt: knownAt, retracted: fold.retracted)
    self.problems = problems
  }

  /// Renders every file of the site into `sink`, one at a time: the pages, each quarter's
  /// board report (folded a few quarters a pass) and the ledger's files (copied a block at a
  /// time, each cut to the lines recorded by `knownAt`).
  /// - Returns: how many HTML pages and other files were written.
  /// - Throws: `SiteError` when a file cannot be written or the report archive would hold
  ///   more than `archiveLimit` quarters (before anything is written), `LedgerError` when the
  ///   log cannot be read.
  @discardableResult
  public func write(into sink: some SiteSink) throws -> (pages: Int, downloads: Int) {
    try checkArchiveSize()
    var counted = CountingSink(sink)
    try counted.write(homePage())
    try counted.write(servicesPage())
    try counted.write(organisationsPage())
    try counted.write(plansPage())
    for service in report.current.catalogue.services { try counted.write(servicePage(service)) }
    for organisation in organisationSlugs.keys.sorted() {
      try counted.write(organisationPage(organisation))
    }
    for strategy in report.current.progress.strategies { try counted.write(planPage(strategy)) }
    try writeReports(into: &counted)
    try writeDownloads(into: &counted)
    return (counted.pages, counted.downloads)
  }

  /// Every file of the site, sorted by path (the ledger's files read whole).
  public func pages() throws -> [SitePage] {
    let sink = SitePages()
    try write(into: sink)
    return sink.pages.sorted { $0.path < $1.path }
  }

  /// The snapshot of every view as of `asOf`.
  var snapshot: BoardSnapshot { report.current }

  /// What the site is about: the published strategies' titles, or `Digital strategy`.
  var subject: String { report.subject }

  /// The command that rebuilds exactly this site (without `--ledger` and `--out`).
  var reproduction: String? {
    guard let at = knownAt else { return nil }
    return "ledger site --as-of \(asOf) --known-at \(at)"
  }
}

/// A sink that counts the HTML pages and the other files written to it.
struct CountingSink<Sink: SiteSink> {
  let sink: Sink
  private(set) var pages = 0
  private(set) var downloads = 0

  init(_ sink: Sink) { self.sink = sink }

  mutating func write(_ page: SitePage) throws(SiteError) {
    try sink.write(page)
    if page.isHTML { pages += 1 } else { downloads += 1 }
  }

  mutating func copy(_ source: String, to path: String, lines: Int?) throws(SiteError) -> (
    lines: Int, bytes: Int
  ) {
    downloads += 1
    return try sink.copy(source, to: path, lines: lines)
  }
}
