/// `action.progressed`: the status of a strategy action changed.
public struct ActionProgressed: EventPayload {
  public static let type = EventType.actionProgressed
  public var asEvent: Event { .actionProgressed(self) }
  public static let fields: [FieldSpec] = [
    .required("strategy", .slug), .required("action", .number),
    .required("status", .choice(ActionStatus.words)), .required("on", .date),
    .optional("note", .text), .optional("evidence", .url),
  ]

  public var strategy: StrategyID
  public var action: Int
  public var status: ActionStatus
  public var on: CivilDate
  public var note: String?
  public var evidence: String?

  public init(
    strategy: StrategyID, action: Int, status: ActionStatus, on: CivilDate, note: String? = nil,
    evidence: String? = nil
  ) {
    self.strategy = strategy
    self.action = action
    self.status = status
    self.on = on
    self.note = note
    self.evidence = evidence
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    strategy = try decoder.identifier("strategy")
    action = try decoder.count("action", minimum: 1)
    status = try decoder.choice("status")
    on = try decoder.date("on")
    note = try decoder.optionalText("note")
    evidence = try decoder.optionalURL("evidence")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("strategy", strategy)
    encoder.encode("action", action)
    encoder.encode("status", status)
    encoder.encode("on", on)
    encoder.encode("note", note)
    encoder.encode("evidence", evidence)
  }
}
