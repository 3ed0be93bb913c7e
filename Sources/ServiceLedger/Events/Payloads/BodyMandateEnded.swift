/// `body.mandate-ended`: a body's mandate ended, by an election, a dissolution or the end of
/// its term; plans it governs lose the mandate they were adopted under.
public struct BodyMandateEnded: EventPayload {
  public static let type = EventType.bodyMandateEnded
  public var asEvent: Event { .bodyMandateEnded(self) }
  public static let fields: [FieldSpec] = [
    .required("body", .slug), .required("cause", .choice(MandateEnd.words)),
    .required("on", .date), .optional("when", .text), .optional("note", .text),
    .optional("source", .text),
  ]

  public var body: BodyID
  public var cause: MandateEnd
  public var on: CivilDate
  public var when: String?
  public var note: String?
  public var source: String?

  public init(
    body: BodyID, cause: MandateEnd, on: CivilDate, when: String? = nil, note: String? = nil,
    source: String? = nil
  ) {
    self.body = body
    self.cause = cause
    self.on = on
    self.when = when
    self.note = note
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    body = try decoder.identifier("body")
    cause = try decoder.choice("cause")
    on = try decoder.date("on")
    when = try decoder.optionalText("when")
    note = try decoder.optionalText("note")
    source = try decoder.optionalText("source")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("body", body)
    encoder.encode("cause", cause)
    encoder.encode("on", on)
    encoder.encode("when", when)
    encoder.encode("note", note)
    encoder.encode("source", source)
  }
}
