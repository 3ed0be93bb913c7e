/// `responsibility.assigned`: an organisation, government or not, made responsible for an item
/// of a plan in a role, by a named body at a dated meeting when the source says so.
public struct ResponsibilityAssigned: EventPayload {
  public static let type = EventType.responsibilityAssigned
  public var asEvent: Event { .responsibilityAssigned(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID), .required("party", .slug),
    .required("role", .choice(ResponsibilityRole.words)), .optional("post", .text),
    .optional("by", .slug), .optional("on", .date), .optional("when", .text),
    .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  /// The responsible organisation.
  public var party: OrganisationID
  public var role: ResponsibilityRole
  /// The post within it that carries the duty ("deputy director"), not a person.
  public var post: String?
  /// The body that assigned it.
  public var by: BodyID?
  public var on: CivilDate?
  public var when: String?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID, party: OrganisationID, role: ResponsibilityRole,
    post: String? = nil, by: BodyID? = nil, on: CivilDate? = nil, when: String? = nil,
    source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.party = party
    self.role = role
    self.post = post
    self.by = by
    self.on = on
    self.when = when
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    party = try decoder.identifier("party")
    role = try decoder.choice("role")
    post = try decoder.optionalText("post")
    by = try decoder.optionalIdentifier("by")
    on = try decoder.optionalDate("on")
    when = try decoder.optionalText("when")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("party", party)
    encoder.encode("role", role)
    encoder.encode("post", post)
    encoder.encode("by", by)
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("source", source)
  }
}
