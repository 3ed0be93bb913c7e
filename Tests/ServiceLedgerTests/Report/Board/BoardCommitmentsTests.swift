import Testing

@testable import ServiceLedger

/// Given events, how the 2015-Q1 report words the exemplars and the strategy's actions and
/// milestones: what is not recorded is never shown as done or as late.
@Suite("Board report: exemplars and past-due commitments")
struct BoardCommitmentsTests {
  /// Two exemplars: civil claims (two services, one in beta, one with no phase) and visits
  /// (live), with a footnoted judgement; action 1 recorded in progress after its due date,
  /// action 2 with nothing recorded; one milestone of each action past due.
  static func fixture() -> BoardFixture {
    var f = BoardFixture()
    f.strategy()
    f.action(1, title: "Recorded action", due: "2014-06-30")
    f.action(2, title: "Silent action", due: "2014-06-30")
    for (action, id) in [(1, "recorded-milestone"), (2, "silent-milestone")] {
      f.add(
        .milestoneDefined(
          MilestoneDefined(
            strategy: BoardFixture.strategy, action: action, milestone: MilestoneID(unchecked: id),
            title: id, due: date("2014-03-31"))))
    }
    f.add(
      .actionProgressed(
        ActionProgressed(
          strategy: BoardFixture.strategy, action: 1, status: .inProgress, on: date("2014-09-01"))))
    for id in ["money", "possession", "visits"] { f.register(id) }
    for (id, exemplar, title, note) in [
      ("money", "civil-claims", "Civil claims", nil),
      ("possession", "civil-claims", nil, nil),
      ("visits", "visits", "Prison visits", "Linked by judgement."),
    ] {
      f.add(
        .exemplarDesignated(
          ExemplarDesignated(
            service: service(id), strategy: BoardFixture.strategy, due: date("2015-06-30"),
            on: date("2012-12-20"), exemplar: ExemplarID(unchecked: exemplar), title: title,
            note: note)))
    }
    f.add(
      .phaseEntered(PhaseEntered(service: service("money"), phase: .beta, on: date("2014-05-01"))))
    f.add(
      .phaseEntered(PhaseEntered(service: service("visits"), phase: .live, on: date("2014-05-01"))))
    return f
  }

  @Test("exemplars are counted as the strategy names them, with their services under each")
  func exemplars() throws {
    let report = Self.fixture().report()
    let now = report.headlines
    #expect(now.exemplars == 2 && now.exemplarServices == 3)
    #expect(now.exemplarsLive == 1 && now.exemplarsUnknown == 1 && now.exemplarsLate == 0)
    #expect(
      report.summary.first
        == "Exemplars: 1 of 2 live, covering 3 services; 1 unknown (no phase recorded); due "
        + "2015-06-30, 91 days after this report.")
    let table = report.exemplarTable
    #expect(table.rows.count == 3)
    #expect(table.rows.map { $0[0].text } == ["Civil claims", "", "Prison visits"])
    #expect(table.rows.map { $0[1].text } == ["unknown (no phase recorded)", "", "live"])
    #expect(table.rows[2][2].text == "Service visits [1]")
    let takeUp = report.exemplarTakeUpTable
    #expect(
      takeUp.rows.map { $0[0].text }
        == table.rows.map { $0[2].text.replacingOccurrences(of: " [1]", with: "") })
    #expect(takeUp.columns == ["Service"] + BoardReport.takeUpColumns)
    #expect(
      report.exemplarFootnotes == ["[1] Service visits under Prison visits. Linked by judgement."])
    #expect(report.markdown.contains("\n\\[1\\] Service visits under Prison visits."))
    #expect(report.html.contains("<p class=\"note\">[1] Service visits under Prison visits."))
    let json = report.json.serialized()
    #expect(json.contains(#""exemplars":2,"exemplarServices":3,"exemplarsLive":1"#))
    #expect(json.contains(#""note":"Linked by judgement.""#))
  }

  @Test("past due: recorded unfinished is late, nothing recorded is counted apart")
  func pastDue() throws {
    let report = Self.fixture().report()
    let now = report.headlines
    #expect(now.actionsLate == 1 && now.actionsPastDueWithNoProgress == 1)
    #expect(now.actionsWithNoProgress == 1 && now.actionsDone == 0)
    // Action 1 was in progress on 2014-09-01, after its milestone fell due: late. Action 2's
    // milestone has nothing recorded.
    #expect(now.milestonesLate == 1 && now.milestonesPastDueWithNoProgress == 1)
    #expect(
      report.summary.contains(
        "Strategy: 0 of 2 actions done, 1 recorded as late, 1 with no progress recorded (1 of "
          + "them past their due date); 0 of 2 milestones met, 1 recorded as late, 1 past their "
          + "due date with no progress recorded."))
    #expect(
      report.pastDueItems.contains(
        "Action: Silent action (action 2): no progress recorded (due 2014-06-30, 274 days "
          + "before this report)."))
    #expect(
      report.pastDueItems.contains(
        "Action: Recorded action (action 1): late: due 2014-06-30, 274 days ago; in-progress on "
          + "2014-09-01."))
    let markdown = report.markdown
    #expect(
      markdown.contains(
        "Action 2: Silent action. No progress recorded (due 2014-06-30); milestones 0 of 1 met, "
          + "1 past due with no progress recorded."))
    #expect(markdown.contains("Action 1: Recorded action. Due 2014-06-30, late; in-progress"))
    // Only the check rule keeps its id, `overdue`; nothing is called overdue.
    #expect(!markdown.replacingAll("| overdue |", with: "").lowercased().contains("overdue"))
    let overdue = report.current.findings.filter { $0.rule == "overdue" }.map(\.message)
    #expect(
      overdue.contains {
        $0.hasPrefix(
          "action 2 of moj-2012 “Silent action” has no progress recorded (due 2014-06-30, 274 "
            + "days before 2015-03-31)")
      })
    #expect(
      overdue.contains {
        $0.hasPrefix(
          "action 1 of moj-2012 “Recorded action” was due 2014-06-30 and its latest status is "
            + "in-progress (on 2014-09-01), 274 days late")
      })
    #expect(overdue.contains { $0.contains("silent-milestone") && $0.contains("no progress") })
    #expect(
      overdue.contains {
        $0.contains("recorded-milestone") && $0.contains("action 1 was still in-progress")
      })
  }

  @Test("the progress bars show what is simply unrecorded in grey")
  func bars() {
    let html = Self.fixture().report().html
    #expect(html.contains("fill=\"\(SVGBarChart.unrecordedFill)\""))
    #expect(html.contains("Exemplars live: 1 of 2; 1 unrecorded"))
    #expect(html.contains("Strategy actions done: 0 of 2; 1 unrecorded"))
  }
}
