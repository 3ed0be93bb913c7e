/// `item.assessed`: one side's view (government, civil society, an external reviewer) of
/// whether an item of a plan is on track, on a date.
public struct ItemAssessed: EventPayload {
  public static let type = EventType.itemAssessed
  public var asEvent: Event { .itemAssessed(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID),
    .required("perspective", .choice(Perspective.words)),
    .required("verdict", .choice(Assessment.words)), .required("on", .date),
    .optional("by", .slug), .optional("note", .text), .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  public var perspective: Perspective
  public var verdict: Assessment
  public var on: CivilDate
  /// The organisation that gave it.
  public var by: OrganisationID?
  public var note: String?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID, perspective: Perspective, verdict: Assessment, on: CivilDate,
    by: OrganisationID? = nil, note: String? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.perspective = perspective
    self.verdict = verdict
    self.on = on
    self.by = by
    self.note = note
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    perspective = try decoder.choice("perspective")
    verdict = try decoder.choice("verdict")
    on = try decoder.date("on")
    by = try decoder.optionalIdentifier("by")
    note = try decoder.optionalText("note")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("perspective", perspective)
    encoder.encode("verdict", verdict)
    encoder.encode("on", on)
    encoder.encode("by", by)
    encoder.encode("note", note)
    encoder.encode("source", source)
  }
}
