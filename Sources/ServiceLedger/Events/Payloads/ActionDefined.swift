/// `action.defined`: one numbered action of a strategy.
public struct ActionDefined: EventPayload {
  public static let type = EventType.actionDefined
  public var asEvent: Event { .actionDefined(self) }
  public static let fields: [FieldSpec] = [
    .required("strategy", .slug), .required("action", .number), .required("theme", .number),
    .required("title", .text), .optional("due", .date), .optional("relates", .textList),
  ]

  public var strategy: StrategyID
  public var action: Int
  public var theme: Int
  public var title: String
  public var due: CivilDate?
  public var relates: [String]?

  public init(
    strategy: StrategyID, action: Int, theme: Int, title: String, due: CivilDate? = nil,
    relates: [String]? = nil
  ) {
    self.strategy = strategy
    self.action = action
    self.theme = theme
    self.title = title
    self.due = due
    self.relates = relates
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    strategy = try decoder.identifier("strategy")
    action = try decoder.count("action", minimum: 1)
    theme = try decoder.count("theme", minimum: 1)
    title = try decoder.text("title")
    due = try decoder.optionalDate("due")
    relates = try decoder.texts("relates")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("strategy", strategy)
    encoder.encode("action", action)
    encoder.encode("theme", theme)
    encoder.encode("title", title)
    encoder.encode("due", due)
    encoder.encode("relates", relates)
  }
}
