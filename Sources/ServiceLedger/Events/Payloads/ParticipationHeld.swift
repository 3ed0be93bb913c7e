/// `participation.held`: a way the public or partners took part in a plan (an open call, a
/// consultation, a working group, an online window for comments), with how many took part.
public struct ParticipationHeld: EventPayload {
  public static let type = EventType.participationHeld
  public var asEvent: Event { .participationHeld(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .optional("item", .itemID),
    .required("kind", .choice(ParticipationKind.words)), .required("on", .date),
    .optional("from", .date), .optional("when", .text), .optional("participants", .count),
    .optional("organisations", .count), .optional("places", .count), .optional("note", .text),
    .optional("source", .text),
  ]

  public var plan: PlanID
  public var item: ItemID?
  public var kind: ParticipationKind
  /// The day it ended (or was held).
  public var on: CivilDate
  /// The day it opened, for a window.
  public var from: CivilDate?
  public var when: String?
  public var participants: Int?
  public var organisations: Int?
  /// Provinces, districts or sites covered.
  public var places: Int?
  public var note: String?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID? = nil, kind: ParticipationKind, on: CivilDate,
    from: CivilDate? = nil, when: String? = nil, participants: Int? = nil,
    organisations: Int? = nil, places: Int? = nil, note: String? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.kind = kind
    self.on = on
    self.from = from
    self.when = when
    self.participants = participants
    self.organisations = organisations
    self.places = places
    self.note = note
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.optionalIdentifier("item")
    kind = try decoder.choice("kind")
    on = try decoder.date("on")
    from = try decoder.optionalDate("from")
    if let from, from > on {
      throw EventError(field: "data.from", "\(from) is after the end, on=\(on)")
    }
    when = try decoder.optionalText("when")
    participants = try decoder.optionalCount("participants")
    organisations = try decoder.optionalCount("organisations")
    places = try decoder.optionalCount("places")
    note = try decoder.optionalText("note")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("kind", kind)
    encoder.encode("on", on)
    encoder.encode("from", from)
    encoder.encode("when", when)
    encoder.encode("participants", participants)
    encoder.encode("organisations", organisations)
    encoder.encode("places", places)
    encoder.encode("note", note)
    encoder.encode("source", source)
  }
}
