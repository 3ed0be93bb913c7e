/// `item.progressed`: the status of an item of a plan on a date.
public struct ItemProgressed: EventPayload {
  public static let type = EventType.itemProgressed
  public var asEvent: Event { .itemProgressed(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID),
    .required("status", .choice(ActionStatus.words)), .required("on", .date),
    .optional("when", .text), .optional("note", .text), .optional("evidence", .url),
    .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  public var status: ActionStatus
  public var on: CivilDate
  public var when: String?
  public var note: String?
  public var evidence: String?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID, status: ActionStatus, on: CivilDate, when: String? = nil,
    note: String? = nil, evidence: String? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.status = status
    self.on = on
    self.when = when
    self.note = note
    self.evidence = evidence
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    status = try decoder.choice("status")
    on = try decoder.date("on")
    when = try decoder.optionalText("when")
    note = try decoder.optionalText("note")
    evidence = try decoder.optionalURL("evidence")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("status", status)
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("note", note)
    encoder.encode("evidence", evidence)
    encoder.encode("source", source)
  }
}
