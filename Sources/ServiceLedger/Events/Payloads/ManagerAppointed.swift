/// `manager.appointed`: a person becomes accountable for a service.
public struct ManagerAppointed: EventPayload {
  public static let type = EventType.managerAppointed
  public var asEvent: Event { .managerAppointed(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("person", .person), .required("on", .date),
    .optional("role", .choice(ManagerRole.words)),
  ]

  public var service: ServiceID
  public var person: PersonID
  public var on: CivilDate
  /// As recorded; nil means `service-manager` (see `effectiveRole`).
  public var role: ManagerRole?

  /// The role, with the catalogue's default applied.
  public var effectiveRole: ManagerRole { role ?? .serviceManager }

  public init(service: ServiceID, person: PersonID, on: CivilDate, role: ManagerRole? = nil) {
    self.service = service
    self.person = person
    self.on = on
    self.role = role
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    person = try decoder.identifier("person")
    on = try decoder.date("on")
    role = try decoder.optionalChoice("role")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("person", person)
    encoder.encode("on", on)
    encoder.encode("role", role)
  }
}
