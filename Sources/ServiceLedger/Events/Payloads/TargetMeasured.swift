/// `target.measured`: the value an item's target reached on a date.
public struct TargetMeasured: EventPayload {
  public static let type = EventType.targetMeasured
  public var asEvent: Event { .targetMeasured(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID), .required("value", .decimal),
    .required("on", .date), .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  public var value: Double
  public var on: CivilDate
  public var source: String?

  public init(plan: PlanID, item: ItemID, value: Double, on: CivilDate, source: String? = nil) {
    self.plan = plan
    self.item = item
    self.value = value
    self.on = on
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    guard let value = try decoder.optionalDecimal("value", in: 0...Double.infinity) else {
      throw EventError(field: "data.value", "is required")
    }
    self.value = value
    on = try decoder.date("on")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("value", value)
    encoder.encode("on", on)
    encoder.encode("source", source)
  }
}
