import Foundation

extension Site {
  /// The most quarterly reports the archive holds: 250 years of them. An as-of date far past
  /// the log (a mistyped year: 9999 wrote some 32,000 reports and 5 GB) is refused instead.
  public static let archiveLimit = 1_000

  /// The first and last quarters with a board report: from the quarter of the earliest date
  /// in force to the last quarter that has ended by `asOf` (its last day included); nil when
  /// nothing is in force.
  private var archiveSpan: (first: Quarter, last: Quarter)? {
    guard let first = firstEffective else { return nil }
    let containing = Quarter(containing: asOf)
    return (
      Quarter(containing: first), containing.lastDay == asOf ? containing : containing.previous
    )
  }

  /// The quarters with a board report, in order (`archiveSpan`).
  var reportQuarters: [Quarter] {
    guard let (first, last) = archiveSpan else { return [] }
    var quarters: [Quarter] = []
    var quarter = first
    while quarter <= last {
      quarters.append(quarter)
      quarter = quarter.next
    }
    return quarters
  }

  /// Refuses an archive of more than `archiveLimit` quarters, before anything is written.
  /// - Throws: `SiteError.tooManyReports`, with the latest as-of date within the limit.
  func checkArchiveSize() throws(SiteError) {
    guard let (first, last) = archiveSpan else { return }
    let count = (last.year - first.year) * 4 + last.number - first.number + 1
    guard count > Self.archiveLimit else { return }
    var latest = first
    for _ in 1..<Self.archiveLimit { latest = latest.next }
    throw SiteError.tooManyReports(count, first: first, last: last, latestAsOf: latest.lastDay)
  }

  /// The board reports of `quarters` as the archive holds them: at the site's knowledge time,
  /// so that each is exactly what its own footer's `ledger report … --known-at` prints.
  /// One pass folds them all, and a second looks further back for their restatements when
  /// one needs it; the reports are built and rendered on every core, and only their HTML and
  /// headlines kept.
  /// - Throws: `LedgerError` when the log cannot be read.
  func archivedReports(_ quarters: [Quarter]) throws -> [(html: String, headlines: BoardHeadlines)]
  {
    var (quarterly, problems) = try source.fold(
      QuarterFold(quarters, knownAt: knownAt), asOf: asOf, knownAt: knownAt, every: nil)
    var folds = quarterly.finished()
    quarterly = QuarterFold([], knownAt: knownAt)
    // Every report notes the same events recorded, those known at the knowledge time.
    for index in folds.indices { folds[index].recordedUpTo = report.recordedUpTo }
    var restatements = folds.map(\.window.found)
    let unresolved = folds.indices.filter { !folds[$0].window.unresolved.isEmpty }
    if !unresolved.isEmpty {
      let lookback = try source.fold(
        LookbackFold(unresolved.map { folds[$0].window }), asOf: asOf, knownAt: knownAt,
        every: nil)
      for (index, found) in zip(unresolved, lookback.fold.lookbacks.map(\.found)) {
        restatements[index] = BoardReport.Fold.merged(restatements[index], found)
      }
    }
    // Read, never changed, by the threads below.
    nonisolated(unsafe) let finished = folds
    let found = restatements
    let invalidLines = problems.count
    let people = people
    return concurrentMap(finished.count) { index in
      let report = BoardReport(
        finished[index], restatements: found[index], invalidLines: invalidLines, people: people)
      return (report.html, report.headlines)
    }
  }

  /// The archive's index and every quarter's report, each exactly `ledger report --format
  /// html` with a line of links back into the site after `<body>`.
  ///
  /// The quarters are folded `quartersPerPass` at a time, each pass's reports rendered on
  /// every core and written before the next pass; only the reports' headlines are kept.
  /// - Throws: `SiteError` when a page cannot be written, `LedgerError` when the log cannot
  ///   be read.
  func writeReports<Sink: SiteSink>(into sink: inout CountingSink<Sink>) throws {
    let quarters = reportQuarters
    var headlines: [BoardHeadlines] = []
    for first in stride(from: 0, to: quarters.count, by: Self.quartersPerPass) {
      let range = first..<min(first + Self.quartersPerPass, quarters.count)
      let archived = try archivedReports(Array(quarters[range]))
      for (offset, report) in archived.enumerated() {
        let index = first + offset
        let quarter = quarters[index]
        let path = SitePath.report(quarter)
        var links = [
          SiteHTML.link("Home", to: SitePath.home, from: path),
          SiteHTML.link("All board reports", to: SitePath.reports, from: path),
        ]
        if index > 0 {
          links.append(
            SiteHTML.link(
              "Previous: \(quarters[index - 1])", to: SitePath.report(quarters[index - 1]),
              from: path))
        }
        if index + 1 < quarters.count {
          links.append(
            SiteHTML.link(
              "Next: \(quarters[index + 1])", to: SitePath.report(quarters[index + 1]),
              from: path))
        }
        try sink.write(
          SitePage(path: path, text: Self.withNavigation(report.html, links: links)))
        headlines.append(report.headlines)
      }
    }
    try sink.write(reportsIndex(quarters, headlines))
  }

  /// `html` with the site's one addition, a line of links after `<body>`: removing it gives
  /// back the report byte for byte (the report's own style fits narrow screens).
  static func withNavigation(_ html: String, links: [String]) -> String {
    guard let body = html.range(of: "<body>\n") else { return html }
    return String(html[..<body.upperBound]) + reportNavigation(links)
      + String(html[body.upperBound...])
  }

  /// The line of links at the top of an archived report.
  static func reportNavigation(_ links: [String]) -> String {
    "<nav aria-label=\"Site\" class=\"meta\" style=\"margin-bottom: 4mm\">"
      + links.joined(separator: " · ") + "</nav>\n"
  }

  /// The archive's index: one row per quarter, latest first, with its headline figures.
  func reportsIndex(_ quarters: [Quarter], _ headlines: [BoardHeadlines]) -> SitePage {
    let path = SitePath.reports
    var body = SiteHTML.note(
      "Each report is the board's quarterly report as of the quarter's last day, compared "
        + "with the quarter before, built from what was recorded up to "
        + "\(knownAt?.description ?? "now"). The command at the foot of each reproduces "
        + "it byte for byte, whatever is recorded later, but for the site's line of links at "
        + "its top. 12-month take-up is over the services "
        + "with a 12-month digital figure at each date, which change from quarter to quarter: "
        + "a service that leaves or joins them moves the figure as much as take-up does.")
    body += SiteHTML.table(
      "\(quarters.count) quarterly reports, latest first",
      [
        .init(title: "Quarter"), .init(title: "Services", isNumber: true),
        .init(title: "Transactions a year", isNumber: true),
        .init(title: "12-month take-up", isNumber: true), .init(title: "Exemplars live"),
        .init(title: "Actions past due: late, not recorded"),
      ],
      zip(quarters, headlines).reversed().map { quarter, now in
        return [
          SiteHTML.link(quarter.description, to: SitePath.report(quarter), from: path),
          Format.integer(now.services), Format.integer(now.transactions),
          now.takeUp.map {
            Format.percent($0)
              + " <span class=\"note\">over \(now.servicesWithTakeUp) services</span>"
          } ?? SiteHTML.notKnown,
          "\(now.exemplarsLive) of \(now.exemplars)",
          "\(now.actionsLate) late, \(now.actionsPastDueWithNoProgress) not recorded",
        ]
      })
    return document(
      path, title: "Board reports", section: .reports,
      lead: "Every quarter's board report, from the first quarter with data to \(asOf).",
      body: body)
  }
}
