/// `exemplar.designated`: a service becomes one of a strategy's exemplars, due by a date.
public struct ExemplarDesignated: EventPayload {
  public static let type = EventType.exemplarDesignated
  public var asEvent: Event { .exemplarDesignated(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("strategy", .slug), .required("due", .date),
    .optional("on", .date),
  ]

  public var service: ServiceID
  public var strategy: StrategyID
  public var due: CivilDate
  public var on: CivilDate?

  public init(service: ServiceID, strategy: StrategyID, due: CivilDate, on: CivilDate? = nil) {
    self.service = service
    self.strategy = strategy
    self.due = due
    self.on = on
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    strategy = try decoder.identifier("strategy")
    due = try decoder.date("due")
    on = try decoder.optionalDate("on")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("strategy", strategy)
    encoder.encode("due", due)
    encoder.encode("on", on)
  }
}
