import Testing

@testable import ServiceLedger

@Suite("Strategy progress for the overdue check")
struct StrategyDeadlineTests {
  let strategy = StrategyID(unchecked: "s")

  func progress(_ events: [Event], asOf: String) -> StrategyProgress {
    var factory = EventFactory()
    let recorded = events.map { factory.make($0) }
    return StrategyProgress(Timeline(recorded, asOf: date(asOf)))
  }

  var definitions: [Event] {
    [
      .strategyPublished(
        StrategyPublished(
          strategy: strategy, title: "S", published: date("2013-01-01"), organisation: nil,
          themes: [StrategyPublished.Theme(number: 1, title: "T")])),
      .actionDefined(
        ActionDefined(
          strategy: strategy, action: 1, theme: 1, title: "A", due: date("2014-01-31"))),
      .milestoneDefined(
        MilestoneDefined(
          strategy: strategy, action: 1, milestone: MilestoneID(unchecked: "m"), title: "M",
          due: date("2013-06-30"))),
    ]
  }

  @Test("an action is overdue after its due date until done or dropped; the latest `on` wins")
  func actions() throws {
    let progressed =
      definitions + [
        .actionProgressed(
          ActionProgressed(strategy: strategy, action: 1, status: .done, on: date("2014-03-01"))),
        .actionProgressed(
          ActionProgressed(
            strategy: strategy, action: 1, status: .inProgress, on: date("2013-05-01"))),
      ]
    let before = try #require(progress(progressed, asOf: "2014-01-31").allActions.first)
    #expect(!before.isOverdue)
    let late = try #require(progress(progressed, asOf: "2014-02-01").allActions.first)
    #expect(late.progress?.status == .inProgress)
    #expect(late.isOverdue)
    let done = try #require(progress(progressed, asOf: "2014-03-01").allActions.first)
    #expect(done.progress?.status == .done)
    #expect(!done.isOverdue)
  }

  @Test("a milestone is overdue until met, unless its action was dropped")
  func milestones() throws {
    let met =
      definitions + [
        .milestoneMet(
          MilestoneMet(
            strategy: strategy, milestone: MilestoneID(unchecked: "m"), on: date("2013-08-01")))
      ]
    let late = progress(met, asOf: "2013-07-31")
    #expect(try #require(late.allMilestones.first).isOverdue)
    let done = progress(met, asOf: "2013-08-01")
    #expect(try !#require(done.allMilestones.first).isOverdue)
    let dropped = progress(
      definitions + [
        .actionProgressed(
          ActionProgressed(strategy: strategy, action: 1, status: .dropped, on: date("2013-05-01")))
      ], asOf: "2014-06-30")
    #expect(try !#require(dropped.allMilestones.first).isOverdue)
    #expect(dropped.titles[strategy] == "S")
  }
}
