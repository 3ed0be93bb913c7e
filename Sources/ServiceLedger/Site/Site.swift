/// A static, browsable site of the ledger (`ledger site`): a home page, the services table,
/// one page per service, organisation and plan, every quarter's board report and downloads.
///
/// A pure function of the ledger, the as-of date, the knowledge time and the ledger's files:
/// the same inputs give the same bytes. Every figure comes from the projections and views the
/// other commands use (`BoardReport`'s snapshot holds them all at one date), so a page says
/// what `ledger priorities` or `ledger channel-shift` says at the same date. Pages link to
/// each other by relative paths only and load nothing, so the site works opened from disk or
/// from any static host.
public struct Site: Sendable {
  /// Valid time.
  public let asOf: CivilDate
  /// Knowledge time: the one asked for, else the latest `at` in the log, so that the site
  /// built now and the one `reproduction` builds later are the same bytes; nil only for an
  /// empty ledger.
  public let knownAt: Timestamp?
  /// The board report as of `asOf`: its snapshot is every view the site shows.
  let report: BoardReport
  /// The replayed log, for event histories and the quarterly reports.
  let ledger: Ledger
  let people: PeopleFile
  /// The ledger's files as they were at `knownAt` (as far as the replay read them, should a
  /// line have been appended since), by name.
  let files: [String: [UInt8]]
  /// Each organisation's page name (a slug unique within the site), by organisation.
  let organisationSlugs: [String: String]
  /// Each service's rows of `ledger priorities` and `ledger channel-shift` as of `asOf`.
  let priorityRows: [ServiceID: Priorities.Row]
  let shiftRows: [ServiceID: ChannelShift.Row]
  /// Each service's events known at `knownAt`, whatever their valid time, with the
  /// retractions of them, in replay order.
  let histories: [ServiceID: [RecordedEvent]]
  /// Which events are in force as of `asOf`: the views' own rule.
  let inForce: Timeline.Filter
  /// The events in force at `asOf` as known at `knownAt`.
  let timeline: Timeline
  /// Every current volume and KPI report of those events, for the service pages' tables
  /// (the board report keeps only those its figures and series use).
  let volumes: VolumeHistory

  /// Prepares the site of `ledger` as of `asOf`, as known at `knownAt`.
  /// - Parameters:
  ///   - ledger: the replayed log.
  ///   - asOf: valid time of every view.
  ///   - knownAt: leaves out events recorded after it; nil: everything recorded.
  ///   - people: names to show for people's ids.
  ///   - files: the ledger's own files (name and bytes) for the downloads page.
  public init(
    _ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp? = nil,
    people: PeopleFile = PeopleFile(), files: [String: [UInt8]] = [:]
  ) {
    let knownAt = knownAt ?? ledger.events.map(\.at).max()
    self.asOf = asOf
    self.knownAt = knownAt
    self.ledger = ledger
    self.people = people
    self.files = knownAt.map { Site.known(files, in: ledger, at: $0) } ?? files
    report = BoardReport(ledger, period: ReportPeriod(asOf: asOf), knownAt: knownAt, people: people)
    organisationSlugs = SitePath.slugs(
      for: Set(report.current.catalogue.services.map(\.organisation)).sorted())
    priorityRows = Dictionary(
      report.current.priorities.rows.map { ($0.service.id, $0) }, uniquingKeysWith: { a, _ in a })
    shiftRows = Dictionary(
      report.current.shift.rows.map { ($0.service.id, $0) }, uniquingKeysWith: { a, _ in a })
    histories = Site.histories(ledger, knownAt: knownAt)
    timeline = Timeline(ledger, asOf: asOf, knownAt: knownAt)
    volumes = VolumeHistory(timeline)
    inForce = Timeline.Filter(asOf: asOf, knownAt: knownAt, retracted: timeline.retracted)
  }

  /// Every file of the site, sorted by path.
  public func pages() -> [SitePage] {
    var pages = [homePage(), servicesPage(), organisationsPage(), plansPage()]
    pages += report.current.catalogue.services.map(servicePage)
    pages += organisationSlugs.keys.sorted().map(organisationPage)
    pages += report.current.progress.strategies.map(planPage)
    pages += reportPages()
    pages += downloadPages()
    return pages.sorted { $0.path < $1.path }
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

  /// Each service's events known at `knownAt`, and the retractions of them, in replay order.
  static func histories(_ ledger: Ledger, knownAt: Timestamp?) -> [ServiceID: [RecordedEvent]] {
    var histories: [ServiceID: [RecordedEvent]] = [:]
    var owners: [EventID: ServiceID] = [:]
    for event in ledger.events {
      if let knownAt, event.at > knownAt { continue }
      if let service = event.event.service {
        histories[service, default: []].append(event)
        owners[event.id] = service
      } else if case .eventRetracted(let retraction) = event.event,
        let service = owners[retraction.event]
      {
        histories[service, default: []].append(event)
      }
    }
    return histories
  }

  /// Each file cut to the lines recorded at or before `knownAt`: a writer never lets `at` go
  /// backwards within a file, so those lines are a prefix, the file as it was then.
  static func known(_ files: [String: [UInt8]], in ledger: Ledger, at knownAt: Timestamp)
    -> [String: [UInt8]]
  {
    var lastLine: [String: Int] = [:]
    for event in ledger.events where event.at <= knownAt {
      guard let location = event.location else { continue }
      lastLine[location.file] = max(lastLine[location.file] ?? 0, location.line)
    }
    return files.reduce(into: [:]) { cut, file in
      let keep = lastLine[file.key] ?? 0
      var lines = 0
      var end = 0
      for (index, byte) in file.value.enumerated() where lines < keep && byte == 0x0A {
        lines += 1
        end = index + 1
      }
      cut[file.key] = Array(file.value.prefix(end))
    }
  }
}
