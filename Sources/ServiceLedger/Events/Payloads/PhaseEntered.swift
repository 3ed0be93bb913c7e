/// `phase.entered`: a service moved to a delivery phase.
public struct PhaseEntered: EventPayload {
  public static let type = EventType.phaseEntered
  public var asEvent: Event { .phaseEntered(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("phase", .choice(Phase.words)), .required("on", .date),
  ]

  public var service: ServiceID
  public var phase: Phase
  public var on: CivilDate

  public init(service: ServiceID, phase: Phase, on: CivilDate) {
    self.service = service
    self.phase = phase
    self.on = on
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    phase = try decoder.choice("phase")
    on = try decoder.date("on")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("phase", phase)
    encoder.encode("on", on)
  }
}
