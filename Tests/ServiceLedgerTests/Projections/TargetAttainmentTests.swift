import Testing

@testable import ServiceLedger

/// How far a measure has come towards its target, as `ledger plan` shows it: a target of 0 and
/// a measure just short of a target are the cases a wrong figure hides in.
@Suite("Target attainment")
struct TargetAttainmentTests {
  /// Item I.1 of `PlanRegistryTests`' plan with a target and one measure, as of 2023.
  static func item(value: Double, baseline: Double? = nil, measured: Double) throws
    -> PlanRegistry.Item
  {
    let item = PlanRegistryTests.item("I.1")
    let registry = PlanRegistryTests.registry(
      [
        .targetSet(
          TargetSet(
            plan: PlanRegistryTests.plan, item: item, unit: "incidents", value: value,
            baseline: baseline)),
        .targetMeasured(
          TargetMeasured(
            plan: PlanRegistryTests.plan, item: item, value: measured, on: date("2022-05-01"))),
      ], asOf: "2023-01-01")
    let plan = try #require(registry.plan(withID: PlanRegistryTests.plan))
    return try #require(plan.items.first { $0.definition.item == item })
  }

  @Test(
    "a target of 0 is met only at 0; a target equal to its baseline is kept at or above it",
    arguments: [
      (0.0, nil, 0.0, 1.0), (0.0, nil, 4.0, 0.0), (0.0, 0.0, 0.5, 0.0),
      (50.0, 50.0, 50.0, 1.0), (50.0, 50.0, 60.0, 1.0), (50.0, 50.0, 40.0, 0.0),
    ] as [(Double, Double?, Double, Double)])
  func equalToBaseline(value: Double, baseline: Double?, measured: Double, expected: Double)
    throws
  {
    let item = try Self.item(value: value, baseline: baseline, measured: measured)
    #expect(item.attainment == expected)
  }

  @Test("a measure short of its target never reads 100%; one at or past it does")
  func percentShown() throws {
    let short = try Self.item(value: 100, measured: 99.996)
    #expect(PlanView.target(short) == "99.996 of 100 incidents (99%)")
    let met = try Self.item(value: 100, measured: 100)
    #expect(PlanView.target(met) == "100 of 100 incidents (100%)")
    let past = try Self.item(value: 100, measured: 100.4)
    #expect(PlanView.target(past) == "100.4 of 100 incidents (100%)")
    let missed = try Self.item(value: 0, measured: 4)
    #expect(PlanView.target(missed) == "4 of 0 incidents (0%)")
    let halfway = try Self.item(value: 10, baseline: 50, measured: 30)
    #expect(PlanView.target(halfway) == "30 of 10 incidents (50%)")
  }
}
