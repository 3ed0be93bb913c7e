/// `strategy.published`: a digital strategy and its themes.
public struct StrategyPublished: EventPayload {
  /// One theme of a strategy.
  public struct Theme: Sendable, Equatable {
    public var number: Int
    public var title: String
    public init(number: Int, title: String) {
      self.number = number
      self.title = title
    }
  }

  public static let type = EventType.strategyPublished
  public var asEvent: Event { .strategyPublished(self) }
  public static let fields: [FieldSpec] = [
    .required("strategy", .slug), .required("title", .text), .required("published", .date),
    .optional("organisation", .text), .required("themes", .themes),
  ]

  public var strategy: StrategyID
  public var title: String
  public var published: CivilDate
  public var organisation: String?
  public var themes: [Theme]

  public init(
    strategy: StrategyID, title: String, published: CivilDate, organisation: String? = nil,
    themes: [Theme]
  ) {
    self.strategy = strategy
    self.title = title
    self.published = published
    self.organisation = organisation
    self.themes = themes
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    strategy = try decoder.identifier("strategy")
    title = try decoder.text("title")
    published = try decoder.date("published")
    organisation = try decoder.optionalText("organisation")
    guard let items = try decoder.array("themes"), !items.isEmpty else {
      throw EventError(field: "data.themes", "must list at least one theme")
    }
    themes = []
    for (index, item) in items.enumerated() {
      let field = "data.themes[\(index)]"
      guard case .object(let members) = item else {
        throw EventError(field: field, #"must be an object {"number": 1, "title": "..."}"#)
      }
      let theme = try PayloadDecoder(
        members: members, fields: [.required("number", .number), .required("title", .text)],
        type: "a theme", normalising: false)
      let number = try theme.count("number", minimum: 1)
      guard !themes.contains(where: { $0.number == number }) else {
        throw EventError(field: field, "theme \(number) is listed twice")
      }
      themes.append(Theme(number: number, title: try theme.text("title")))
    }
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("strategy", strategy)
    encoder.encode("title", title)
    encoder.encode("published", published)
    encoder.encode("organisation", organisation)
    let items: [JSONValue] = themes.map {
      .object([
        JSONMember(key: "number", value: .number(JSONNumber($0.number))),
        JSONMember(key: "title", value: .string($0.title)),
      ])
    }
    encoder.encode("themes", json: .array(items))
  }
}
