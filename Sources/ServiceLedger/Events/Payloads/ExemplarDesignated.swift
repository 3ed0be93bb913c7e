/// `exemplar.designated`: a service becomes part of one of a strategy's exemplars, due by a
/// date.
///
/// An exemplar is named by the strategy and may cover several services (the MoJ's "civil
/// claims" is money claims and possession claims): each of its services has a designation
/// naming the same `exemplar`. A line without `exemplar` (written before exemplars had ids)
/// is read by `Upcaster` as an exemplar of its one service, with the service's id as the
/// exemplar's.
public struct ExemplarDesignated: EventPayload {
  public static let type = EventType.exemplarDesignated
  public var asEvent: Event { .exemplarDesignated(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("strategy", .slug), .required("due", .date),
    .optional("on", .date),
    .optional(
      "exemplar", .slug,
      "the exemplar the service is part of (default: an exemplar of this service alone, "
        + "named by its id); designate each service of an exemplar with the same id"),
    .optional(
      "title", .text, "the exemplar's name as the strategy gives it (the latest given is used)"),
    .optional(
      "note", .text,
      "why the service stands for the exemplar, when that is a judgement rather than the "
        + "strategy's words (shown as a footnote)"),
  ]

  public var service: ServiceID
  public var strategy: StrategyID
  public var due: CivilDate
  public var on: CivilDate?
  /// The exemplar; the service's own id for a line written without one.
  public var exemplar: ExemplarID
  public var title: String?
  public var note: String?

  public init(
    service: ServiceID, strategy: StrategyID, due: CivilDate, on: CivilDate? = nil,
    exemplar: ExemplarID? = nil, title: String? = nil, note: String? = nil
  ) {
    self.service = service
    self.strategy = strategy
    self.due = due
    self.on = on
    self.exemplar = exemplar ?? ExemplarID(unchecked: service.rawValue)
    self.title = title
    self.note = note
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    strategy = try decoder.identifier("strategy")
    due = try decoder.date("due")
    on = try decoder.optionalDate("on")
    // Always present here: `Upcaster` gives a line without one its service's id.
    exemplar = try decoder.identifier("exemplar")
    title = try decoder.optionalText("title")
    note = try decoder.optionalText("note")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("strategy", strategy)
    encoder.encode("due", due)
    encoder.encode("on", on)
    // An exemplar of this service alone is the shape without the field (see `Upcaster`), so
    // such a designation is written as lines were before exemplars had ids.
    encoder.encode("exemplar", exemplar.rawValue == service.rawValue ? nil : exemplar)
    encoder.encode("title", title)
    encoder.encode("note", note)
  }
}
