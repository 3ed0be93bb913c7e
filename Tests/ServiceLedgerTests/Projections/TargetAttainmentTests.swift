import Testing

@testable import ServiceLedger

/// How far a measure has come towards its target, as `ledger plan` shows it: a target of 0 is
/// where a wrong figure hides.
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
}
