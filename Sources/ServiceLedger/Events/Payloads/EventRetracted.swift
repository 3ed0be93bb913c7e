/// `event.retracted`: an earlier event was wrong; projections ignore it from now on.
public struct EventRetracted: EventPayload {
  public static let type = EventType.eventRetracted
  public var asEvent: Event { .eventRetracted(self) }
  public static let fields: [FieldSpec] = [
    .required("event", .eventID), .required("reason", .text),
  ]

  public var event: EventID
  public var reason: String

  public init(event: EventID, reason: String) {
    self.event = event
    self.reason = reason
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    event = try decoder.identifier("event")
    reason = try decoder.text("reason")
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("event", event)
    encoder.encode("reason", reason)
  }
}
