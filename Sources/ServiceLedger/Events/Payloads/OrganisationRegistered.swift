/// `organisation.registered`: an organisation of any kind that owns, runs or takes part in a
/// plan, under its parent (a school under its division, a municipality under its country's
/// association).
public struct OrganisationRegistered: EventPayload {
  public static let type = EventType.organisationRegistered
  public var asEvent: Event { .organisationRegistered(self) }
  public static let fields: [FieldSpec] = [
    .required("organisation", .slug), .required("name", .text),
    .required("kind", .choice(OrganisationKind.words)), .optional("parent", .slug),
    .optional("country", .text), .optional("on", .date), .optional("source", .text),
  ]

  public var organisation: OrganisationID
  public var name: String
  public var kind: OrganisationKind
  public var parent: OrganisationID?
  public var country: String?
  /// From when it exists; nil when the source does not say (it then holds at every date).
  public var on: CivilDate?
  /// The sentence of the source document it comes from.
  public var source: String?

  public init(
    organisation: OrganisationID, name: String, kind: OrganisationKind,
    parent: OrganisationID? = nil, country: String? = nil, on: CivilDate? = nil,
    source: String? = nil
  ) {
    self.organisation = organisation
    self.name = name
    self.kind = kind
    self.parent = parent
    self.country = country
    self.on = on
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    organisation = try decoder.identifier("organisation")
    name = try decoder.text("name")
    kind = try decoder.choice("kind")
    parent = try decoder.optionalIdentifier("parent")
    country = try decoder.optionalText("country")
    on = try decoder.optionalDate("on")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("organisation", organisation)
    encoder.encode("name", name)
    encoder.encode("kind", kind)
    encoder.encode("parent", parent)
    encoder.encode("country", country)
    encoder.encode("on", on)
    encoder.encode("source", source)
  }
}
