/// `body.member-joined`: a member of a governance body, by the sector it sits for and the
/// groups it represents.
public struct BodyMemberJoined: EventPayload {
  public static let type = EventType.bodyMemberJoined
  public var asEvent: Event { .bodyMemberJoined(self) }
  public static let fields: [FieldSpec] = [
    .required("body", .slug), .required("member", .text),
    .required("sector", .choice(Sector.words)), .optional("organisation", .slug),
    .optional("represents", .choiceList(InclusionGroup.words)), .optional("on", .date),
    .optional("when", .text), .optional("source", .text),
  ]

  public var body: BodyID
  /// The member as the source describes it ("a women's association").
  public var member: String
  public var sector: Sector
  /// The member's organisation, when it is registered.
  public var organisation: OrganisationID?
  public var represents: [InclusionGroup]?
  public var on: CivilDate?
  public var when: String?
  public var source: String?

  public init(
    body: BodyID, member: String, sector: Sector, organisation: OrganisationID? = nil,
    represents: [InclusionGroup]? = nil, on: CivilDate? = nil, when: String? = nil,
    source: String? = nil
  ) {
    self.body = body
    self.member = member
    self.sector = sector
    self.organisation = organisation
    self.represents = represents
    self.on = on
    self.when = when
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    body = try decoder.identifier("body")
    member = try decoder.text("member")
    sector = try decoder.choice("sector")
    organisation = try decoder.optionalIdentifier("organisation")
    represents = decoder.contains("represents") ? try decoder.choices("represents") : nil
    on = try decoder.optionalDate("on")
    when = try decoder.optionalText("when")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("body", body)
    encoder.encode("member", member)
    encoder.encode("sector", sector)
    encoder.encode("organisation", organisation)
    encoder.encode("represents", represents?.map(\.rawValue))
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("source", source)
  }
}
