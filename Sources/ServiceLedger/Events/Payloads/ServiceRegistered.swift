/// `service.registered`: a service enters the catalogue.
public struct ServiceRegistered: EventPayload {
  public static let type = EventType.serviceRegistered
  public var asEvent: Event { .serviceRegistered(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("name", .text), .required("organisation", .text),
    .optional("department", .text), .optional("kind", .choice(ServiceKind.words)),
    .optional("category", .text), .optional("customers", .choice(Customers.words)),
    .optional("url", .url), .optional("description", .text), .optional("on", .date),
  ]

  public var service: ServiceID
  public var name: String
  public var organisation: String
  public var department: String?
  public var kind: ServiceKind?
  public var category: String?
  public var customers: Customers?
  public var url: String?
  public var description: String?
  public var on: CivilDate?

  public init(
    service: ServiceID, name: String, organisation: String, department: String? = nil,
    kind: ServiceKind? = nil, category: String? = nil, customers: Customers? = nil,
    url: String? = nil, description: String? = nil, on: CivilDate? = nil
  ) {
    self.service = service
    self.name = name
    self.organisation = organisation
    self.department = department
    self.kind = kind
    self.category = category
    self.customers = customers
    self.url = url
    self.description = description
    self.on = on
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    name = try decoder.text("name")
    organisation = try decoder.text("organisation")
    department = try decoder.optionalText("department")
    kind = try decoder.optionalChoice("kind")
    category = try decoder.optionalText("category")
    customers = try decoder.optionalChoice("customers")
    url = try decoder.optionalURL("url")
    description = try decoder.optionalText("description")
    on = try decoder.optionalDate("on")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("name", name)
    encoder.encode("organisation", organisation)
    encoder.encode("department", department)
    encoder.encode("kind", kind)
    encoder.encode("category", category)
    encoder.encode("customers", customers)
    encoder.encode("url", url)
    encoder.encode("description", description)
    encoder.encode("on", on)
  }
}
