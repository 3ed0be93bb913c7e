import Foundation
import Testing

@testable import ServiceLedger

@Suite("Strategy actions and milestones")
struct StrategyProgressTests {
  static let strategy = StrategyID(unchecked: "moj-2012")

  static var ledger: FixtureLedger {
    var ledger = FixtureLedger()
    ledger.add(
      .strategyPublished(
        StrategyPublished(
          strategy: strategy, title: "Strategy", published: date("2012-12-20"),
          themes: [.init(number: 1, title: "One"), .init(number: 2, title: "Two")])))
    ledger.add(
      .actionDefined(
        ActionDefined(strategy: strategy, action: 2, theme: 1, title: "B", due: date("2013-04-30")))
    )
    ledger.add(.actionDefined(ActionDefined(strategy: strategy, action: 1, theme: 1, title: "A")))
    ledger.add(
      .actionDefined(
        ActionDefined(strategy: strategy, action: 3, theme: 2, title: "C", due: date("2013-12-31")))
    )
    ledger.add(
      .milestoneDefined(
        MilestoneDefined(
          strategy: strategy, action: 2, milestone: MilestoneID(unchecked: "m"), title: "M",
          due: date("2013-03-31"))))
    ledger.add(progressed(2, .inProgress, "2013-01-01"))
    ledger.add(progressed(2, .done, "2013-05-01"))
    // Recorded later but dated earlier: does not replace `done`.
    ledger.add(progressed(2, .atRisk, "2013-04-01"))
    ledger.add(progressed(3, .blocked, "2013-06-01"))
    ledger.add(
      .milestoneMet(
        MilestoneMet(
          strategy: strategy, milestone: MilestoneID(unchecked: "m"), on: date("2013-04-15"))))
    return ledger
  }

  static func progressed(_ action: Int, _ status: ActionStatus, _ on: String) -> Event {
    .actionProgressed(
      ActionProgressed(strategy: strategy, action: action, status: status, on: date(on)))
  }

  static func actions(_ asOf: String) -> [StrategyProgress.Action] {
    StrategyProgress(ledger.timeline(asOf)).strategies.flatMap { $0.themes.flatMap(\.actions) }
  }

  @Test("actions by theme and number, each with its latest status by date")
  func statuses() {
    let progress = StrategyProgress(Self.ledger.timeline("2014-01-01"))
    #expect(progress.strategies.first?.themes.map(\.title) == ["One", "Two"])
    let actions = Self.actions("2014-01-01")
    #expect(actions.map(\.definition.action) == [1, 2, 3])
    #expect(actions.map { $0.progress?.status } == [nil, .done, .blocked])
    #expect(Self.actions("2013-04-20").map { $0.progress?.status } == [nil, .atRisk, nil])
  }

  @Test("past due: late when recorded unfinished, no-progress-recorded when nothing is")
  func pastDue() {
    let early = Self.actions("2013-04-10")
    #expect(early.map(\.standing) == [.open, .open, .open])
    // Action 2 was at-risk on 2013-04-01, after its milestone fell due on 2013-03-31.
    #expect(early[1].milestones.first?.standing == .late)
    let may = Self.actions("2013-05-01")
    #expect(may[1].standing == .done)
    #expect(may[1].milestones.first?.met?.on == date("2013-04-15"))
    #expect(may[1].milestones.first?.standing == .met)
    // On its due date it is not past due yet.
    #expect(Self.actions("2013-04-30")[1].isPastDue == false)
    let blocked = Self.actions("2014-01-01")
    #expect(blocked.map(\.standing) == [.open, .done, .late])
  }

  @Test("before the strategy's publication there is nothing to show")
  func beforePublication() {
    let progress = StrategyProgress(Self.ledger.timeline("2012-12-19"))
    #expect(progress.strategies.isEmpty)
    var out = ""
    ActionsView.output(progress).render(.table, into: &out)
    #expect(out == "no strategy published as of 2012-12-19\n")
  }

  @Test(
    "real: at 2015-03-31 actions 6 and 7 and 9 of 10 milestones are past due with no progress recorded, none late"
  )
  func shipped() throws {
    let progress = StrategyProgress(try shippedTimeline("2015-03-31"))
    let actions = progress.strategies.flatMap { $0.themes.flatMap(\.actions) }
    #expect(actions.count == 20)
    #expect(progress.strategies.first?.themes.map { $0.actions.count } == [5, 6, 5, 4])
    #expect(
      actions.filter { $0.standing == .noProgressRecorded }.map(\.definition.action) == [6, 7])
    #expect(!actions.contains { $0.standing == .late })
    let milestones = actions.flatMap(\.milestones)
    #expect(milestones.count == 10)
    #expect(milestones.filter { $0.standing == .noProgressRecorded }.count == 9)
    #expect(!milestones.contains { $0.standing == .late })
  }
}
