/// `item.tracked`: an item of a plan is formally tracked with the plan's framework (OGP tracks
/// at most five commitments of a local action plan).
public struct ItemTracked: EventPayload {
  public static let type = EventType.itemTracked
  public var asEvent: Event { .itemTracked(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID), .optional("on", .date),
    .optional("when", .text), .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  public var on: CivilDate?
  public var when: String?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID, on: CivilDate? = nil, when: String? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.on = on
    self.when = when
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    on = try decoder.optionalDate("on")
    when = try decoder.optionalText("when")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("source", source)
  }
}
