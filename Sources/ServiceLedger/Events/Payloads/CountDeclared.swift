/// `count.declared`: a source says how many there are of something it lists only in part:
/// items of one kind in a plan ("17 co-created commitments"), or plans of one form among an
/// organisation's members ("35 municipalities have a digitalisation strategy").
///
/// Exactly one of `plan` and `organisation` is given.
public struct CountDeclared: EventPayload {
  public static let type = EventType.countDeclared
  public var asEvent: Event { .countDeclared(self) }
  public static let fields: [FieldSpec] = [
    .optional("plan", .slug), .optional("organisation", .slug), .required("of", .slug),
    .required("count", .count), .optional("on", .date), .optional("source", .text),
  ]

  public var plan: PlanID?
  public var organisation: OrganisationID?
  /// What is counted: an item kind for a plan, a plan form for an organisation.
  public var of: String
  public var count: Int
  public var on: CivilDate?
  public var source: String?

  public init(
    plan: PlanID? = nil, organisation: OrganisationID? = nil, of: String, count: Int,
    on: CivilDate? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.organisation = organisation
    self.of = of
    self.count = count
    self.on = on
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.optionalIdentifier("plan")
    organisation = try decoder.optionalIdentifier("organisation")
    if plan == nil, organisation == nil {
      throw EventError(
        field: "data.plan",
        "names neither plan (items of a plan) nor organisation (plans); give one")
    }
    if plan != nil, organisation != nil {
      throw EventError(
        field: "data.plan", "give either plan (items of a plan) or organisation (plans), not both")
    }
    of = try decoder.text("of")
    if plan != nil, ItemKind(rawValue: of) == nil {
      throw EventError(
        field: "data.of",
        "\(Format.quoted(of)) is not an item kind; expected one of: "
          + ItemKind.words.joined(separator: ", "))
    }
    if organisation != nil, PlanForm(rawValue: of) == nil {
      throw EventError(
        field: "data.of",
        "\(Format.quoted(of)) is not a plan form; expected one of: "
          + PlanForm.words.joined(separator: ", "))
    }
    count = try decoder.count("count")
    on = try decoder.optionalDate("on")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("organisation", organisation)
    encoder.encode("of", of)
    encoder.encode("count", count)
    encoder.encode("on", on)
    encoder.encode("source", source)
  }
}
