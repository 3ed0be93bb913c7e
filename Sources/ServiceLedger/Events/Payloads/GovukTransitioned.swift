/// `govuk.transitioned`: a service's start page moved to GOV.UK.
public struct GovukTransitioned: EventPayload {
  public static let type = EventType.govukTransitioned
  public var asEvent: Event { .govukTransitioned(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("on", .date), .optional("url", .url),
  ]

  public var service: ServiceID
  public var on: CivilDate
  public var url: String?

  public init(service: ServiceID, on: CivilDate, url: String? = nil) {
    self.service = service
    self.on = on
    self.url = url
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    on = try decoder.date("on")
    url = try decoder.optionalURL("url")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("on", on)
    encoder.encode("url", url)
  }
}
