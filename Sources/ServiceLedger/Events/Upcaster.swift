/// The one place where payloads written by older schemas become current ones.
///
/// Every reader (the envelope decoder and the store's fast line decoder) passes `data` through
/// here before decoding it, so a payload type only ever sees the current shape.
///
/// Version 1 is the only version so far; a future v2 of a type adds a case here that rewrites
/// v1 `data` into v2 shape. Within version 1, fields are only ever added as optional ones;
/// where a new field has a default that depends on the rest of the line, it is filled in here:
/// - `exemplar.designated` without `exemplar` (lines written before exemplars had their own
///   ids) designates an exemplar of that one service, whose id is the service's.
public enum Upcaster {
  /// Converts `data` of `type` at `version` into the current version's shape.
  /// - Throws: `EventError` for a version this code does not know.
  public static func upcast(type: EventType, version: Int, data: [JSONMember])
    throws(EventError) -> [JSONMember]
  {
    switch version {
    case RecordedEvent.currentVersion:
      return type == .exemplarDesignated ? exemplarOfOneService(data) : data
    case ..<1:
      throw EventError(field: "v", "version \(version) does not exist; versions start at 1")
    default:
      throw EventError(
        field: "v",
        "\(type.rawValue) version \(version) was written by a newer ledger tool; "
          + "this one reads up to version \(RecordedEvent.currentVersion): upgrade ledger")
    }
  }

  /// `data` with `"exemplar"` set to the `service` value when it has none (or null). A line
  /// without `service` is left as it is, for the payload decoder to report.
  static func exemplarOfOneService(_ data: [JSONMember]) -> [JSONMember] {
    let given = data.contains { member in
      guard member.key == "exemplar" else { return false }
      if case .null = member.value { return false }
      return true
    }
    guard !given, let service = data.first(where: { $0.key == "service" }) else { return data }
    return data.filter { $0.key != "exemplar" }
      + [JSONMember(key: "exemplar", value: service.value)]
  }
}
