/// The typed `data` of one event type.
public protocol EventPayload: Sendable, Equatable {
  /// The event type this payload belongs to.
  static var type: EventType { get }
  /// The fields in the order the writer emits them.
  static var fields: [FieldSpec] { get }
  /// The payload wrapped in its `Event` case.
  var asEvent: Event { get }
  /// Reads and validates the payload.
  /// - Throws: `EventError` naming the field that is wrong.
  init(from decoder: PayloadDecoder) throws(EventError)
  /// Writes the payload's fields in `fields` order.
  func encode(to encoder: inout PayloadEncoder)
}
