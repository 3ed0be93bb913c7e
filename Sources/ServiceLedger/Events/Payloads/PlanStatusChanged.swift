/// `plan.status-changed`: a step in a plan's life (drafted, endorsed, accepted, reaffirmed,
/// expired, ...) on a date.
public struct PlanStatusChanged: EventPayload {
  public static let type = EventType.planStatusChanged
  public var asEvent: Event { .planStatusChanged(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("status", .choice(PlanStatus.words)),
    .required("on", .date), .optional("when", .text), .optional("by", .slug),
    .optional("note", .text), .optional("source", .text),
  ]

  public var plan: PlanID
  public var status: PlanStatus
  public var on: CivilDate
  /// The date as the source prints it ("February 2022").
  public var when: String?
  /// The organisation that took the step (the framework that accepted the plan).
  public var by: OrganisationID?
  public var note: String?
  public var source: String?

  public init(
    plan: PlanID, status: PlanStatus, on: CivilDate, when: String? = nil,
    by: OrganisationID? = nil, note: String? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.status = status
    self.on = on
    self.when = when
    self.by = by
    self.note = note
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    status = try decoder.choice("status")
    on = try decoder.date("on")
    when = try decoder.optionalText("when")
    by = try decoder.optionalIdentifier("by")
    note = try decoder.optionalText("note")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("status", status)
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("by", by)
    encoder.encode("note", note)
    encoder.encode("source", source)
  }
}
