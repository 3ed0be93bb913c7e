/// `request-rule.defined`: how soon an organisation must answer a data subject's request of a
/// kind, as a plan (a regulation) sets it: the steps that must all be done within `days`
/// calendar days of the request ("access no later than 10 days from the request"; "within
/// three days make the corrections and notify the subject"). `ledger check`
/// (`subject-request-sla`) holds the request log against it.
public struct RequestRuleDefined: EventPayload {
  public static let type = EventType.requestRuleDefined
  public var asEvent: Event { .requestRuleDefined(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .optional("item", .itemID),
    .required("request", .choice(SubjectRequestKind.words)), .required("days", .number),
    .optional("requires", .choiceList(SubjectRequestStep.words)), .optional("source", .text),
  ]

  public var plan: PlanID
  /// The plan's item that states the rule.
  public var item: ItemID?
  public var request: SubjectRequestKind
  public var days: Int
  /// The steps that answer the request; when nil, the request kind's own step (access
  /// granted, correction made).
  public var requires: [SubjectRequestStep]?
  public var source: String?

  public init(
    plan: PlanID, item: ItemID? = nil, request: SubjectRequestKind, days: Int,
    requires: [SubjectRequestStep]? = nil, source: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.request = request
    self.days = days
    self.requires = requires
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.optionalIdentifier("item")
    request = try decoder.choice("request")
    days = try decoder.count("days", minimum: 1)
    requires = decoder.contains("requires") ? try decoder.choices("requires") : nil
    source = try decoder.optionalText("source")
  }

  /// The steps that must all be done in time.
  public var steps: [SubjectRequestStep] {
    requires ?? [request == .access ? .accessGranted : .correctionMade]
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("request", request)
    encoder.encode("days", days)
    encoder.encode("requires", requires?.map(\.rawValue))
    encoder.encode("source", source)
  }
}
