/// `barrier.removed`: a barrier no longer stands in the way.
public struct BarrierRemoved: EventPayload {
  public static let type = EventType.barrierRemoved
  public var asEvent: Event { .barrierRemoved(self) }
  public static let fields: [FieldSpec] = [
    .required("barrier", .slug), .required("on", .date), .optional("note", .text),
  ]

  public var barrier: BarrierID
  public var on: CivilDate
  public var note: String?

  public init(barrier: BarrierID, on: CivilDate, note: String? = nil) {
    self.barrier = barrier
    self.on = on
    self.note = note
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    barrier = try decoder.identifier("barrier")
    on = try decoder.date("on")
    note = try decoder.optionalText("note")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("barrier", barrier)
    encoder.encode("on", on)
    encoder.encode("note", note)
  }
}
