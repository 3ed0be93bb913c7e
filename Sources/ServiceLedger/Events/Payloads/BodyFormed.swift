/// `body.formed`: a governance body of an organisation (its council, a steering committee, a
/// working group), with the composition it declares.
public struct BodyFormed: EventPayload {
  public static let type = EventType.bodyFormed
  public var asEvent: Event { .bodyFormed(self) }
  public static let fields: [FieldSpec] = [
    .required("body", .slug), .required("organisation", .slug), .required("name", .text),
    .required("kind", .choice(BodyKind.words)),
    .optional("composition", .choice(BodyComposition.words)), .optional("members", .count),
    .optional("selection", .text), .optional("on", .date), .optional("when", .text),
    .optional("source", .text),
  ]

  public var body: BodyID
  public var organisation: OrganisationID
  public var name: String
  public var kind: BodyKind
  /// The balance of members the source declares (`parity`: as many government as
  /// civil-society members); nil when it declares none.
  public var composition: BodyComposition?
  /// How many members the source says it has; nil when it does not say.
  public var members: Int?
  /// How members were chosen ("open call").
  public var selection: String?
  public var on: CivilDate?
  /// The date as the source prints it ("March 2022").
  public var when: String?
  public var source: String?

  public init(
    body: BodyID, organisation: OrganisationID, name: String, kind: BodyKind,
    composition: BodyComposition? = nil, members: Int? = nil, selection: String? = nil,
    on: CivilDate? = nil, when: String? = nil, source: String? = nil
  ) {
    self.body = body
    self.organisation = organisation
    self.name = name
    self.kind = kind
    self.composition = composition
    self.members = members
    self.selection = selection
    self.on = on
    self.when = when
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    body = try decoder.identifier("body")
    organisation = try decoder.identifier("organisation")
    name = try decoder.text("name")
    kind = try decoder.choice("kind")
    composition = try decoder.optionalChoice("composition")
    members = try decoder.optionalCount("members", minimum: 1)
    selection = try decoder.optionalText("selection")
    on = try decoder.optionalDate("on")
    when = try decoder.optionalText("when")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("body", body)
    encoder.encode("organisation", organisation)
    encoder.encode("name", name)
    encoder.encode("kind", kind)
    encoder.encode("composition", composition)
    encoder.encode("members", members)
    encoder.encode("selection", selection)
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("source", source)
  }
}
