/// `target.set`: a numeric target for an item of a plan ("100% of pupils with internet access
/// by 2025, orientation 2030").
public struct TargetSet: EventPayload {
  public static let type = EventType.targetSet
  public var asEvent: Event { .targetSet(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID), .required("unit", .text),
    .required("value", .decimal), .optional("baseline", .decimal), .optional("deadline", .date),
    .optional("horizon", .date), .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  /// What `value` counts ("% of pupils").
  public var unit: String
  public var value: Double
  public var baseline: Double?
  public var deadline: CivilDate?
  /// A longer orientation date beyond the deadline.
  public var horizon: CivilDate?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID, unit: String, value: Double, baseline: Double? = nil,
    deadline: CivilDate? = nil, horizon: CivilDate? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.unit = unit
    self.value = value
    self.baseline = baseline
    self.deadline = deadline
    self.horizon = horizon
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    unit = try decoder.text("unit")
    guard let value = try decoder.optionalDecimal("value", in: 0...Double.infinity) else {
      throw EventError(field: "data.value", "is required")
    }
    self.value = value
    baseline = try decoder.optionalDecimal("baseline", in: 0...Double.infinity)
    deadline = try decoder.optionalDate("deadline")
    horizon = try decoder.optionalDate("horizon")
    if let deadline, let horizon, horizon < deadline {
      throw EventError(
        field: "data.horizon",
        "\(horizon) is before the deadline, \(deadline); the horizon is the longer orientation "
          + "date (a plan for 2022-2025 oriented to 2030 has deadline 2025-12-31, horizon "
          + "2030-12-31)")
    }
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("unit", unit)
    encoder.encode("value", value)
    encoder.encode("baseline", baseline)
    encoder.encode("deadline", deadline)
    encoder.encode("horizon", horizon)
    encoder.encode("source", source)
  }
}
