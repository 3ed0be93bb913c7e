/// `item.defined`: one item of a plan (a goal, principle, theme, commitment, task, ...) under
/// the plan's own id, below its `parent`, with a deadline of one of several kinds.
public struct ItemDefined: EventPayload {
  public static let type = EventType.itemDefined
  public var asEvent: Event { .itemDefined(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("item", .itemID),
    .required("kind", .choice(ItemKind.words)),
    .required("title", .text), .optional("parent", .itemID), .optional("due", .date),
    .optional("dueFrom", .date), .optional("dueKind", .choice(DeadlineKind.words)),
    .optional("dueText", .text), .optional("relates", .textList), .optional("source", .text),
    .optional("after", .itemID), .optional("gate", .text),
  ]

  public var plan: PlanID
  public var item: ItemID
  public var kind: ItemKind
  public var title: String
  public var parent: ItemID?
  /// The deadline, or a range's end.
  public var due: CivilDate?
  /// A range's start.
  public var dueFrom: CivilDate?
  /// How the deadline is given; nil reads as `date` when `due` is given.
  public var dueKind: DeadlineKind?
  /// The deadline as printed ("on the day the application is submitted", "early 2023").
  public var dueText: String?
  /// What it relates to elsewhere (another plan's item numbers).
  public var relates: [String]?
  public var source: String?
  /// The item that must be finished before this one starts (a roll-out's previous stage).
  public var after: ItemID?
  /// What holds while the item is under way, or must hold before the next one starts ("only
  /// one user, admin, may work in the system at this stage").
  public var gate: String?

  public init(
    plan: PlanID, item: ItemID, kind: ItemKind, title: String, parent: ItemID? = nil,
    due: CivilDate? = nil, dueFrom: CivilDate? = nil, dueKind: DeadlineKind? = nil,
    dueText: String? = nil, relates: [String]? = nil, source: String? = nil,
    after: ItemID? = nil, gate: String? = nil
  ) {
    self.plan = plan
    self.item = item
    self.kind = kind
    self.title = title
    self.parent = parent
    self.due = due
    self.dueFrom = dueFrom
    self.dueKind = dueKind
    self.dueText = dueText
    self.relates = relates
    self.source = source
    self.after = after
    self.gate = gate
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    item = try decoder.identifier("item")
    kind = try decoder.choice("kind")
    title = try decoder.text("title")
    parent = try decoder.optionalIdentifier("parent")
    due = try decoder.optionalDate("due")
    dueFrom = try decoder.optionalDate("dueFrom")
    dueKind = try decoder.optionalChoice("dueKind")
    dueText = try decoder.optionalText("dueText")
    relates = try decoder.texts("relates")
    source = try decoder.optionalText("source")
    after = try decoder.optionalIdentifier("after")
    gate = try decoder.optionalText("gate")
    if after == item { throw EventError(field: "data.after", "an item cannot come after itself") }
    if parent == item { throw EventError(field: "data.parent", "an item cannot be its own parent") }
    if let dueFrom {
      guard let due, dueFrom <= due else {
        throw EventError(
          field: "data.dueFrom", "a range needs its end, due, on or after \(dueFrom)")
      }
    }
    if dueKind?.isDated == true, due == nil {
      throw EventError(
        field: "data.due", "is required for a deadline of kind \(dueKind?.rawValue ?? "")")
    }
  }

  /// The deadline's kind: as given, or `date` when only `due` is.
  public var deadlineKind: DeadlineKind? { dueKind ?? (due == nil ? nil : .date) }

  /// The date by which the item must be done, for a dated deadline.
  public var dueDate: CivilDate? { deadlineKind?.isDated == true ? due : nil }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("item", item)
    encoder.encode("kind", kind)
    encoder.encode("title", title)
    encoder.encode("parent", parent)
    encoder.encode("due", due)
    encoder.encode("dueFrom", dueFrom)
    encoder.encode("dueKind", dueKind)
    encoder.encode("dueText", dueText)
    encoder.encode("relates", relates)
    encoder.encode("source", source)
    encoder.encode("after", after)
    encoder.encode("gate", gate)
  }
}
