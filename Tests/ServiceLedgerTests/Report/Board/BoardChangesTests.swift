import Testing

@testable import ServiceLedger

/// Given events, the changes the 2015-Q1 report finds since 2014-Q4.
@Suite("Board report: what changed since the previous quarter")
struct BoardChangesTests {
  /// A service `a` moving from alpha to beta in the quarter with rising take-up, a new service
  /// `b`, a retired one `c`, an action done and a milestone met in the quarter.
  static func fixture() -> BoardFixture {
    var f = BoardFixture()
    f.strategy()
    f.action(1, due: "2015-03-31")
    f.action(2, title: "Publish priorities", due: "2014-06-30")
    f.add(
      .milestoneDefined(
        MilestoneDefined(
          strategy: BoardFixture.strategy, action: 1,
          milestone: MilestoneID(unchecked: "first-beta"), title: "First beta",
          due: date("2014-12-01"))))
    f.register("a")
    f.register("b", on: "2015-02-01")
    f.register("c")
    f.add(.phaseEntered(PhaseEntered(service: service("a"), phase: .alpha, on: date("2014-06-01"))))
    f.add(.phaseEntered(PhaseEntered(service: service("a"), phase: .beta, on: date("2015-02-15"))))
    f.add(.serviceRetired(ServiceRetired(service: service("c"), on: date("2015-03-01"))))
    f.quarter("a", "2014-07-01", "2014-09-30", total: 1000, digital: 50)
    f.quarter("a", "2014-10-01", "2014-12-31", total: 1000, digital: 100)
    f.quarter("a", "2015-01-01", "2015-03-31", total: 1000, digital: 250)
    f.add(
      .actionProgressed(
        ActionProgressed(
          strategy: BoardFixture.strategy, action: 2, status: .done, on: date("2015-02-01"))))
    f.add(
      .milestoneMet(
        MilestoneMet(
          strategy: BoardFixture.strategy, milestone: MilestoneID(unchecked: "first-beta"),
          on: date("2015-01-20"))))
    f.add(
      .managerAppointed(
        ManagerAppointed(
          service: service("a"), person: PersonID(unchecked: "p-0042"), on: date("2015-01-10"))))
    return f
  }

  @Test("new and retired services, phase, manager, action and milestone changes")
  func changes() {
    let changes = Self.fixture().report().changes
    #expect(changes.newServices.map(\.id) == [service("b")])
    #expect(changes.retiredServices.map(\.id) == [service("c")])
    #expect(changes.retiredServices.first?.retiredOn == date("2015-03-01"))
    #expect(changes.phaseChanges.map { [$0.from, $0.to] } == [[.alpha, .beta]])
    #expect(changes.managerChanges.map(\.to) == [[PersonID(unchecked: "p-0042")]])
    #expect(changes.actionChanges.map(\.action.action) == [2])
    #expect(changes.actionChanges.first?.from == nil)
    #expect(changes.actionChanges.first?.to.status == .done)
    #expect(changes.milestonesMet.map(\.definition.title) == ["First beta"])
  }

  @Test("take-up moves from the latest figure at the previous quarter's end to the latest now")
  func takeUp() throws {
    let report = Self.fixture().report()
    let move = try #require(report.changes.takeUpMovements.first)
    #expect(move.previous?.takeUp == 0.1)
    #expect(move.current.takeUp == 0.25)
    #expect(abs((move.change ?? 0) - 0.15) < 1e-9)
    #expect(report.largestMovers.count == 1)
    #expect(
      report.changeSections.first { $0.title == "Take-up" }?.items
        == [
          "Service a, latest-quarter take-up: 10.0% (quarter to 2014-12-31) → 25.0% (quarter to "
            + "2015-03-31), +15.0 pp"
        ])
  }

  @Test(
    "what changed lists changes only: a new figure with the same take-up, a restatement with the same numbers, are left out"
  )
  func changesOnly() {
    var f = BoardFixture()
    f.strategy()
    for id in ["flat", "zero", "tiny", "moved"] { f.register(id) }
    f.quarter("flat", "2014-10-01", "2014-12-31", total: 1000, digital: 987)
    f.quarter("flat", "2015-01-01", "2015-03-31", total: 2000, digital: 1974)
    f.quarter("zero", "2014-10-01", "2014-12-31", total: 1000, digital: 0)
    f.quarter("zero", "2015-01-01", "2015-03-31", total: 900, digital: 0)
    // 10.00% → 10.04%: shown as 10.0% → 10.0%, 0.0 pp.
    f.quarter("tiny", "2014-10-01", "2014-12-31", total: 10_000, digital: 1000)
    f.quarter("tiny", "2015-01-01", "2015-03-31", total: 10_000, digital: 1004)
    f.quarter("moved", "2014-10-01", "2014-12-31", total: 1000, digital: 100)
    f.quarter("moved", "2015-01-01", "2015-03-31", total: 1000, digital: 101)
    // 2014-Q4 of `flat` recorded again in the quarter with the same numbers.
    f.quarter(
      "flat", "2014-10-01", "2014-12-31", total: 1000, digital: 987, at: "2015-02-02T10:00:00Z")
    let report = f.report()
    #expect(report.changes.takeUpMovements.map(\.service.id) == [service("moved")])
    #expect(
      report.changeSections.first { $0.title == "Take-up" }?.items
        == [
          "Service moved, latest-quarter take-up: 10.0% (quarter to 2014-12-31) → 10.1% (quarter "
            + "to 2015-03-31), +0.1 pp"
        ])
    #expect(report.changes.restatements.isEmpty)
    #expect(report.unchangedTopics.contains("restated figures"))
    let changed = report.changeSections.flatMap(\.items)
    #expect(!changed.contains { $0.contains("0.0 pp") || $0.contains("→ 0.0%") }, "\(changed)")
  }

  @Test("findings new in the quarter and resolved in it")
  func findings() {
    let changes = Self.fixture().report().changes
    // `a` entered beta without assisted digital or a beta assessment; action 2 and the
    // milestone were overdue at 2014-12-31 and were closed in the quarter.
    #expect(Set(changes.newFindings.map(\.rule)) == ["assisted-digital", "assessment"])
    #expect(changes.resolvedFindings.map(\.rule) == ["overdue", "overdue"])
  }

  @Test("a restatement counts as a change when recorded in the quarter, not before")
  func restatements() {
    var f = Self.fixture()
    // 2014-Q3 restated in November 2014 (before the previous quarter's end), 2014-Q4 restated
    // in February 2015 (in the quarter).
    f.quarter("a", "2014-07-01", "2014-09-30", total: 1100, digital: 55, at: "2014-11-20T10:00:00Z")
    f.quarter("a", "2014-10-01", "2014-12-31", total: 1200, digital: 90, at: "2015-02-02T10:00:00Z")
    let report = f.report()
    #expect(report.changes.restatements.map(\.after.to) == [date("2014-12-31")])
    #expect(report.changes.restatements.first?.before.total == 1000)
    #expect(
      report.changeSections.first { $0.title == "Restated figures" }?.items
        == [
          "Service a, 2014-10-01 to 2014-12-31: 1,000 → 1,200 transactions (digital 100 → 90), "
            + "recorded 2015-02-02"
        ])
    // Data quality lists every current report that was restated.
    #expect(report.quality.restated.map(\.to) == [date("2014-09-30"), date("2014-12-31")])
  }

  @Test("an unchanged quarter says so, topic by topic")
  func unchanged() {
    var f = BoardFixture()
    f.register("a")
    let report = f.report()
    #expect(report.changes.isEmpty)
    #expect(report.changeSections.isEmpty)
    #expect(report.unchangedTopics.first == "new services")
    #expect(report.unchangedTopics.count == 12)
  }
}

@Suite("Board report: periods and wording")
struct ReportPeriodTests {
  @Test("a quarter is as of its last day, compared with the previous quarter's last day")
  func quarter() throws {
    let period = ReportPeriod(quarter: try #require(Quarter("2015-Q1")))
    #expect(period.asOf == date("2015-03-31"))
    #expect(period.previousEnd == date("2014-12-31"))
    #expect(period.label == "2015-Q1")
    #expect(period.previousLabel == "2014-Q4")
  }

  @Test("a date inside a quarter compares with the end of the quarter before")
  func insideQuarter() {
    let period = ReportPeriod(asOf: date("2015-02-15"))
    #expect(period.quarter == nil)
    #expect(period.label == "2015-02-15")
    #expect(period.previousEnd == date("2014-12-31"))
    #expect(ReportPeriod(asOf: date("2015-06-30")).label == "2015-Q2")
  }

  @Test(
    "without a date: the last complete quarter before today",
    arguments: [
      ("2015-04-20", "2015-Q1"), ("2015-03-31", "2014-Q4"), ("2015-01-01", "2014-Q4"),
      ("2016-12-31", "2016-Q3"),
    ])
  func lastComplete(today: String, expected: String) {
    #expect(ReportPeriod.lastCompleteQuarter(before: date(today)).label == expected)
  }

  @Test("a finding's headline stops before the standard's citation, not inside a name")
  func headline() {
    let finding = Finding(
      rule: "assisted-digital", severity: .error, service: service("moj-court-fine-payments"),
      message: "moj-court-fine-payments (Court fines: payments) has been in beta since "
        + "2014-03-01 with no assisted-digital provision in force: point 10 of the standard; "
        + "record it with `ledger record …`")
    #expect(
      BoardReport.headline(of: finding)
        == "moj-court-fine-payments (Court fines: payments) has been in beta since 2014-03-01 "
        + "with no assisted-digital provision in force")
    let quoted = Finding(
      rule: "overdue", severity: .warning,
      message:
        "action 1 of moj-2012 \u{201C}Delivering by March 2015: four\u{2026}\u{201D} was due "
        + "2015-03-31: record its progress")
    #expect(BoardReport.headline(of: quoted).hasSuffix("was due 2015-03-31"))
  }

  @Test("titles are cut at a word with an ellipsis")
  func short() {
    #expect(BoardReport.short("Short title") == "Short title")
    let cut = BoardReport.short(String(repeating: "word ", count: 30), 40)
    #expect(cut.count <= 40 && cut.hasSuffix("…") && !cut.contains("  "))
  }
}
