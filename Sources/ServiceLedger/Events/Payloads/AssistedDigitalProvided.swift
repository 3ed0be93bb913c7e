/// `assisted-digital.provided`: support for people who cannot use the digital service alone.
public struct AssistedDigitalProvided: EventPayload {
  public static let type = EventType.assistedDigitalProvided
  public var asEvent: Event { .assistedDigitalProvided(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("on", .date),
    .required("routes", .choiceList(AssistedRoute.words)), .optional("provider", .text),
    .optional("note", .text),
  ]

  public var service: ServiceID
  public var on: CivilDate
  public var routes: [AssistedRoute]
  public var provider: String?
  public var note: String?

  public init(
    service: ServiceID, on: CivilDate, routes: [AssistedRoute], provider: String? = nil,
    note: String? = nil
  ) {
    self.service = service
    self.on = on
    self.routes = routes
    self.provider = provider
    self.note = note
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    on = try decoder.date("on")
    routes = try decoder.choices("routes")
    provider = try decoder.optionalText("provider")
    note = try decoder.optionalText("note")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("on", on)
    encoder.encode("routes", routes.map(\.rawValue))
    encoder.encode("provider", provider)
    encoder.encode("note", note)
  }
}
