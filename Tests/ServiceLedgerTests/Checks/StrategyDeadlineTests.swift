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

  func progressed(_ status: ActionStatus, on day: String) -> Event {
    .actionProgressed(
      ActionProgressed(strategy: strategy, action: 1, status: status, on: date(day)))
  }

  @Test(
    "past its due date an action is late when a status is recorded, no-progress-recorded when none is; the latest `on` wins"
  )
  func actions() throws {
    let events =
      definitions + [
        progressed(.done, on: "2014-03-01"), progressed(.inProgress, on: "2013-05-01"),
      ]
    let before = try #require(progress(events, asOf: "2014-01-31").allActions.first)
    #expect(before.standing == .open)
    #expect(!before.isPastDue)
    let late = try #require(progress(events, asOf: "2014-02-01").allActions.first)
    #expect(late.progress?.status == .inProgress)
    #expect(late.standing == .late)
    #expect(late.isPastDue)
    let done = try #require(progress(events, asOf: "2014-03-01").allActions.first)
    #expect(done.progress?.status == .done)
    #expect(done.standing == .done)
    let silent = try #require(progress(definitions, asOf: "2014-02-01").allActions.first)
    #expect(silent.standing == .noProgressRecorded)
    #expect(silent.isPastDue)
    let dropped = progress(
      definitions + [progressed(.dropped, on: "2014-03-01")], asOf: "2015-01-01")
    #expect(dropped.allActions.first?.standing == .dropped)
  }

  @Test(
    "a milestone past due is late only when its action was recorded unfinished after it fell due"
  )
  func milestones() throws {
    let met =
      definitions + [
        .milestoneMet(
          MilestoneMet(
            strategy: strategy, milestone: MilestoneID(unchecked: "m"), on: date("2013-08-01")))
      ]
    func standing(_ events: [Event], _ asOf: String) -> StrategyProgress.Standing? {
      progress(events, asOf: asOf).allMilestones.first?.standing
    }
    #expect(standing(met, "2013-06-30") == .open)
    #expect(standing(met, "2013-07-31") == .noProgressRecorded)
    #expect(standing(met, "2013-08-01") == .met)
    // Reported on, unfinished, after the milestone fell due: late.
    #expect(standing(definitions + [progressed(.atRisk, on: "2013-07-15")], "2013-07-31") == .late)
    // Reported on only before it fell due, or reported done: nothing says it was missed.
    #expect(
      standing(definitions + [progressed(.inProgress, on: "2013-05-01")], "2013-07-31")
        == .noProgressRecorded)
    #expect(
      standing(definitions + [progressed(.done, on: "2013-07-15")], "2013-07-31")
        == .noProgressRecorded)
    let dropped = progress(
      definitions + [progressed(.dropped, on: "2013-05-01")], asOf: "2014-06-30")
    #expect(try #require(dropped.allMilestones.first).standing == .withdrawn)
    #expect(try !#require(dropped.allMilestones.first).isPastDue)
    #expect(dropped.titles[strategy] == "S")
  }
}
