import Foundation
import Testing

@testable import ServiceLedger

/// A measure recorded for an item that has no target is shown, not dropped.
@Suite("A plan item's measure without a target")
struct PlanMeasureViewTests {
  @Test("ledger plan shows the measure and says no target is set, in the table and in JSON")
  func measureWithoutTarget() throws {
    let item = PlanRegistryTests.item("II.1")
    let registry = PlanRegistryTests.registry(
      [
        .targetMeasured(
          TargetMeasured(
            plan: PlanRegistryTests.plan, item: item, value: 42, on: date("2022-05-01")))
      ], asOf: "2023-01-01")
    let plan = try #require(registry.plan(withID: PlanRegistryTests.plan))
    let row = try #require(plan.items.first { $0.definition.item == item })
    #expect(row.attainment == nil)
    #expect(PlanView.target(row) == "42 measured on 2022-05-01; no target set")
    let json = PlanView.output(plan, registry).json.serialized()
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let items = try #require(object?["items"] as? [[String: Any]])
    let target = try #require(
      items.first { $0["item"] as? String == "II.1" }?["target"] as? [String: Any])
    #expect(target["measured"] as? Double == 42)
    #expect(target["measuredOn"] as? String == "2022-05-01")
    #expect(target["value"] is NSNull)
    #expect(target["unit"] is NSNull)
    #expect(target["attainment"] is NSNull)
  }
}
