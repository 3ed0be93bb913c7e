/// `service.maturity-set`: the online-service maturity level (1 to 4) a service aims at or has
/// reached: 1 information online, 2 forms to download, 3 applications submitted and handled
/// online, 4 fully online, payment and result included (the Vietnamese "mức độ" of online
/// public services). A service-level measure beside the volumes of the MoJ's services.
public struct ServiceMaturitySet: EventPayload {
  public static let type = EventType.serviceMaturitySet
  public var asEvent: Event { .serviceMaturitySet(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("level", .number),
    .required("kind", .choice(MaturityKind.words)), .optional("due", .date),
    .optional("on", .date), .optional("levelText", .text), .optional("source", .text),
  ]

  public static let levels = 1...4

  public var service: ServiceID
  public var level: Int
  public var kind: MaturityKind
  /// For a target: the date by which the level is to be reached.
  public var due: CivilDate?
  /// For a level reached: since when; for a target: when it was set.
  public var on: CivilDate?
  /// The level as printed ("mức độ 3, 4").
  public var levelText: String?
  public var source: String?

  public init(
    service: ServiceID, level: Int, kind: MaturityKind, due: CivilDate? = nil,
    on: CivilDate? = nil, levelText: String? = nil, source: String? = nil
  ) {
    self.service = service
    self.level = level
    self.kind = kind
    self.due = due
    self.on = on
    self.levelText = levelText
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    level = try decoder.count("level", minimum: 1)
    guard Self.levels.contains(level) else {
      throw EventError(field: "data.level", "\(level) is not a maturity level; use 1 to 4")
    }
    kind = try decoder.choice("kind")
    due = try decoder.optionalDate("due")
    on = try decoder.optionalDate("on")
    levelText = try decoder.optionalText("levelText")
    source = try decoder.optionalText("source")
    if kind == .reached, due != nil {
      throw EventError(field: "data.due", "a level reached has no due date; give on= instead")
    }
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("level", level)
    encoder.encode("kind", kind)
    encoder.encode("due", due)
    encoder.encode("on", on)
    encoder.encode("levelText", levelText)
    encoder.encode("source", source)
  }
}
