import Testing

@testable import ServiceLedger

/// Only items that expect progress can be late: a goal with a date is never `no progress
/// recorded` or overdue, in its row as in the plan's counts.
@Suite("Plan deadlines of items that expect no progress")
struct PlanDeadlineTests {
  @Test("a goal past its date reads as neither past due nor overdue; a task does")
  func goalNotLate() throws {
    let plan = PlanRegistryTests.plan
    func item(_ id: String) -> ItemID { PlanRegistryTests.item(id) }
    let registry = PlanRegistryTests.registry(
      [
        .itemDefined(
          ItemDefined(
            plan: plan, item: item("G1"), kind: .goal, title: "A goal", due: date("2020-01-01"))),
        .itemDefined(
          ItemDefined(
            plan: plan, item: item("G2"), kind: .objective, title: "An objective",
            due: date("2020-01-01"))),
        .itemProgressed(
          ItemProgressed(plan: plan, item: item("G2"), status: .inProgress, on: date("2019-06-01"))),
        .itemDefined(
          ItemDefined(
            plan: plan, item: item("T1"), kind: .task, title: "A task", due: date("2020-01-01"))),
      ], asOf: "2023-01-01")
    let found = try #require(registry.plan(withID: plan))
    func row(_ id: String) throws -> PlanRegistry.Item {
      try #require(found.items.first { $0.definition.item == item(id) })
    }
    #expect(try row("G1").isPastDueUnrecorded == false)
    #expect(try row("G2").isOverdue == false)
    #expect(try row("T1").isPastDueUnrecorded)
    #expect(PlanView.status(try row("G1")) == nil)
    #expect(PlanView.status(try row("G2")) == "in-progress")
    let pastDue = found.items.filter(\.isPastDueUnrecorded).map(\.definition.item.rawValue)
    // II.1 (due 2022-06-30, no progress) and T1; the plan's count says the same.
    #expect(pastDue == ["II.1", "T1"])
    #expect(found.pastDueUnrecorded == pastDue.count)
    #expect(found.overdue == found.items.filter(\.isOverdue).count)
  }
}
