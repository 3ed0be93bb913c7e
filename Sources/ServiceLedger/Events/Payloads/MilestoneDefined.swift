/// `milestone.defined`: a dated commitment under one action of a strategy.
public struct MilestoneDefined: EventPayload {
  public static let type = EventType.milestoneDefined
  public var asEvent: Event { .milestoneDefined(self) }
  public static let fields: [FieldSpec] = [
    .required("strategy", .slug), .required("action", .number), .required("milestone", .slug),
    .required("title", .text), .required("due", .date),
  ]

  public var strategy: StrategyID
  public var action: Int
  public var milestone: MilestoneID
  public var title: String
  public var due: CivilDate

  public init(
    strategy: StrategyID, action: Int, milestone: MilestoneID, title: String, due: CivilDate
  ) {
    self.strategy = strategy
    self.action = action
    self.milestone = milestone
    self.title = title
    self.due = due
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    strategy = try decoder.identifier("strategy")
    action = try decoder.count("action", minimum: 1)
    milestone = try decoder.identifier("milestone")
    title = try decoder.text("title")
    due = try decoder.date("due")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("strategy", strategy)
    encoder.encode("action", action)
    encoder.encode("milestone", milestone)
    encoder.encode("title", title)
    encoder.encode("due", due)
  }
}
