/// `barrier.identified`: something in the way of digital transformation.
public struct BarrierIdentified: EventPayload {
  public static let type = EventType.barrierIdentified
  public var asEvent: Event { .barrierIdentified(self) }
  public static let fields: [FieldSpec] = [
    .required("barrier", .slug), .required("title", .text),
    .required("kind", .choice(BarrierKind.words)), .optional("services", .slugList),
    .required("on", .date),
  ]

  public var barrier: BarrierID
  public var title: String
  public var kind: BarrierKind
  public var services: [ServiceID]?
  public var on: CivilDate

  public init(
    barrier: BarrierID, title: String, kind: BarrierKind, services: [ServiceID]? = nil,
    on: CivilDate
  ) {
    self.barrier = barrier
    self.title = title
    self.kind = kind
    self.services = services
    self.on = on
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    barrier = try decoder.identifier("barrier")
    title = try decoder.text("title")
    kind = try decoder.choice("kind")
    services = try decoder.identifiers("services")
    on = try decoder.date("on")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("barrier", barrier)
    encoder.encode("title", title)
    encoder.encode("kind", kind)
    encoder.encode("services", services?.map(\.rawValue))
    encoder.encode("on", on)
  }
}
