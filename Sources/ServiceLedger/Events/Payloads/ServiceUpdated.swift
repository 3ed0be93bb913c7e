/// `service.updated`: some of a service's descriptive fields changed.
public struct ServiceUpdated: EventPayload {
  public static let type = EventType.serviceUpdated
  public var asEvent: Event { .serviceUpdated(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("on", .date), .optional("name", .text),
    .optional("organisation", .text), .optional("category", .text),
    .optional("customers", .choice(Customers.words)), .optional("url", .url),
    .optional("description", .text),
  ]

  public var service: ServiceID
  public var on: CivilDate
  public var name: String?
  public var organisation: String?
  public var category: String?
  public var customers: Customers?
  public var url: String?
  public var description: String?

  public init(
    service: ServiceID, on: CivilDate, name: String? = nil, organisation: String? = nil,
    category: String? = nil, customers: Customers? = nil, url: String? = nil,
    description: String? = nil
  ) {
    self.service = service
    self.on = on
    self.name = name
    self.organisation = organisation
    self.category = category
    self.customers = customers
    self.url = url
    self.description = description
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    on = try decoder.date("on")
    name = try decoder.optionalText("name")
    organisation = try decoder.optionalText("organisation")
    category = try decoder.optionalText("category")
    customers = try decoder.optionalChoice("customers")
    url = try decoder.optionalURL("url")
    description = try decoder.optionalText("description")
    guard
      [name, organisation, category, customers?.rawValue, url, description]
        .contains(where: { $0 != nil })
    else {
      throw EventError(
        field: "data",
        "changes nothing; give at least one of name, organisation, category, "
          + "customers, url, description")
    }
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("on", on)
    encoder.encode("name", name)
    encoder.encode("organisation", organisation)
    encoder.encode("category", category)
    encoder.encode("customers", customers)
    encoder.encode("url", url)
    encoder.encode("description", description)
  }
}
