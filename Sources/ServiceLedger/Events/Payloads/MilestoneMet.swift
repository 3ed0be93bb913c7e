/// `milestone.met`: a strategy milestone was achieved.
public struct MilestoneMet: EventPayload {
  public static let type = EventType.milestoneMet
  public var asEvent: Event { .milestoneMet(self) }
  public static let fields: [FieldSpec] = [
    .required("strategy", .slug), .required("milestone", .slug), .required("on", .date),
    .optional("evidence", .url),
  ]

  public var strategy: StrategyID
  public var milestone: MilestoneID
  public var on: CivilDate
  public var evidence: String?

  public init(strategy: StrategyID, milestone: MilestoneID, on: CivilDate, evidence: String? = nil)
  {
    self.strategy = strategy
    self.milestone = milestone
    self.on = on
    self.evidence = evidence
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    strategy = try decoder.identifier("strategy")
    milestone = try decoder.identifier("milestone")
    on = try decoder.date("on")
    evidence = try decoder.optionalURL("evidence")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("strategy", strategy)
    encoder.encode("milestone", milestone)
    encoder.encode("on", on)
    encoder.encode("evidence", evidence)
  }
}
