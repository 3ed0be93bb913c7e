/// `request.received`: a data subject (a person, as an id only) asked an organisation to see or
/// to correct the information it holds about them, on a date.
public struct RequestReceived: EventPayload {
  public static let type = EventType.requestReceived
  public var asEvent: Event { .requestReceived(self) }
  public static let fields: [FieldSpec] = [
    .required("request", .slug), .required("person", .person),
    .required("kind", .choice(SubjectRequestKind.words)), .required("on", .date),
    .optional("organisation", .slug), .optional("plan", .slug),
  ]

  public var request: RequestID
  /// The data subject (or their legal representative), as an id; never a name.
  public var person: PersonID
  public var kind: SubjectRequestKind
  public var on: CivilDate
  /// The organisation asked (the school).
  public var organisation: OrganisationID?
  /// The plan whose rules apply; nil: every plan's rules for the kind.
  public var plan: PlanID?

  public init(
    request: RequestID, person: PersonID, kind: SubjectRequestKind, on: CivilDate,
    organisation: OrganisationID? = nil, plan: PlanID? = nil
  ) {
    self.request = request
    self.person = person
    self.kind = kind
    self.on = on
    self.organisation = organisation
    self.plan = plan
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    request = try decoder.identifier("request")
    person = try decoder.identifier("person")
    kind = try decoder.choice("kind")
    on = try decoder.date("on")
    organisation = try decoder.optionalIdentifier("organisation")
    plan = try decoder.optionalIdentifier("plan")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("request", request)
    encoder.encode("person", person)
    encoder.encode("kind", kind)
    encoder.encode("on", on)
    encoder.encode("organisation", organisation)
    encoder.encode("plan", plan)
  }
}
