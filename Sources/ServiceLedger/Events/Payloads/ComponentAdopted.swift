/// `component.adopted`: a service started using a common component or platform.
public struct ComponentAdopted: EventPayload {
  public static let type = EventType.componentAdopted
  public var asEvent: Event { .componentAdopted(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("component", .slug), .required("on", .date),
  ]

  public var service: ServiceID
  public var component: ComponentID
  public var on: CivilDate

  public init(service: ServiceID, component: ComponentID, on: CivilDate) {
    self.service = service
    self.component = component
    self.on = on
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    component = try decoder.identifier("component")
    on = try decoder.date("on")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("component", component)
    encoder.encode("on", on)
  }
}
