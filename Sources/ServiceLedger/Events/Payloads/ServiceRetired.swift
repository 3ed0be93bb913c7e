/// `service.retired`: a service leaves the catalogue, possibly split into others.
public struct ServiceRetired: EventPayload {
  public static let type = EventType.serviceRetired
  public var asEvent: Event { .serviceRetired(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("on", .date), .optional("reason", .text),
    .optional("replacedBy", .slugList),
  ]

  public var service: ServiceID
  public var on: CivilDate
  public var reason: String?
  public var replacedBy: [ServiceID]?

  public init(
    service: ServiceID, on: CivilDate, reason: String? = nil, replacedBy: [ServiceID]? = nil
  ) {
    self.service = service
    self.on = on
    self.reason = reason
    self.replacedBy = replacedBy
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    on = try decoder.date("on")
    reason = try decoder.optionalText("reason")
    replacedBy = try decoder.identifiers("replacedBy")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("on", on)
    encoder.encode("reason", reason)
    encoder.encode("replacedBy", replacedBy?.map(\.rawValue))
  }
}
