/// `manager.departed`: a person stops managing a service.
public struct ManagerDeparted: EventPayload {
  public static let type = EventType.managerDeparted
  public var asEvent: Event { .managerDeparted(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("person", .person), .required("on", .date),
  ]

  public var service: ServiceID
  public var person: PersonID
  public var on: CivilDate

  public init(service: ServiceID, person: PersonID, on: CivilDate) {
    self.service = service
    self.person = person
    self.on = on
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    person = try decoder.identifier("person")
    on = try decoder.date("on")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("person", person)
    encoder.encode("on", on)
  }
}
