/// `assisted-digital.withdrawn`: assisted-digital support stopped.
public struct AssistedDigitalWithdrawn: EventPayload {
  public static let type = EventType.assistedDigitalWithdrawn
  public var asEvent: Event { .assistedDigitalWithdrawn(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("on", .date), .optional("reason", .text),
  ]

  public var service: ServiceID
  public var on: CivilDate
  public var reason: String?

  public init(service: ServiceID, on: CivilDate, reason: String? = nil) {
    self.service = service
    self.on = on
    self.reason = reason
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    on = try decoder.date("on")
    reason = try decoder.optionalText("reason")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("on", on)
    encoder.encode("reason", reason)
  }
}
