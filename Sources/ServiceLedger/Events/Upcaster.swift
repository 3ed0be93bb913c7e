/// The one place where payloads written by older schema versions become current ones.
///
/// Version 1 is the only version so far, so there is nothing to convert yet; a future v2 of a
/// type adds a case here that rewrites v1 `data` into v2 shape, and every reader gets it.
public enum Upcaster {
  /// Converts `data` of `type` at `version` into the current version's shape.
  /// - Throws: `EventError` for a version this code does not know.
  public static func upcast(type: EventType, version: Int, data: [JSONMember])
    throws(EventError) -> [JSONMember]
  {
    switch version {
    case RecordedEvent.currentVersion:
      return data
    case ..<1:
      throw EventError(field: "v", "version \(version) does not exist; versions start at 1")
    default:
      throw EventError(
        field: "v",
        "\(type.rawValue) version \(version) was written by a newer ledger tool; "
          + "this one reads up to version \(RecordedEvent.currentVersion): upgrade ledger")
    }
  }
}
