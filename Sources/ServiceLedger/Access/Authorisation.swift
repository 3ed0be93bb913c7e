/// Which actor may record which event, by the folder's `roles.json`.
///
/// An event about a service needs that service (or `*`); strategy, action, milestone, costs and
/// barrier events need `*`; a retraction needs what the retracted event needed.
public struct Authorisation: Sendable {
  /// The grants in force.
  public var roles: Roles
  /// What refusals call the file the grants come from: `roles.json`, or `the base's
  /// roles.json` when `ledger check --base` holds a change that removed the ledger's to the
  /// base's.
  public var rolesName: String

  public init(roles: Roles, rolesName: String = Roles.fileName) {
    self.roles = roles
    self.rolesName = rolesName
  }

  /// What recording `event` needs.
  /// - Parameters:
  ///   - event: the payload.
  ///   - lookup: the payload of an earlier event by id, for retractions; when it returns nil
  ///     a retraction needs `*`.
  /// - Returns: the service the event is about, or everything.
  public static func scope(of event: Event, lookup: (EventID) -> Event?) -> Roles.Scope {
    if case .eventRetracted(let retraction) = event {
      return lookup(retraction.event)?.service.map(Roles.Scope.service) ?? .everything
    }
    return event.service.map(Roles.Scope.service) ?? .everything
  }

  /// Why `event`'s actor may not record it, or nil when they may.
  /// - Parameters:
  ///   - event: the event, with its actor.
  ///   - lookup: the payload of an earlier event by id, for retractions.
  /// - Returns: the message refusing it, or nil.
  public func refusal(_ event: RecordedEvent, lookup: (EventID) -> Event?) -> String? {
    let scope = Self.scope(of: event.event, lookup: lookup)
    guard !roles.allows(event.by, scope) else { return nil }
    let what: String
    switch scope {
    case .service(let service): what = "\(event.type.rawValue) about \(service)"
    case .everything: what = "\(event.type.rawValue), which needs \"*\""
    }
    let has =
      roles.grants[event.by] == nil
      ? "\(event.by) is not in \(rolesName)"
      : "\(rolesName) gives \(event.by): \(roles.describeGrants(of: event.by))"
    return "\(event.by) may not record \(what): \(has); "
      + "ask whoever keeps \(Roles.fileName) to grant it, or record it as someone who may"
  }

  /// Checks every new event of `batches` against the roles.
  /// - Parameters:
  ///   - batches: the new events, in input order.
  ///   - source: what to call the input in error messages.
  ///   - lookup: the payload of an event already in the log by id, to see what a retraction
  ///     withdraws.
  /// - Throws: `LedgerError.rejected` for the first event whose actor may not record it.
  func check(
    _ batches: [LedgerWriter.Batch], source: String, lookup: (EventID) -> Event?
  ) throws(LedgerError) {
    var added: [EventID: Event] = [:]
    let single = batches.map(\.events.count).reduce(0, +) == 1
    var inputLine = 0
    for batch in batches {
      for event in batch.events {
        inputLine += 1
        if let reason = refusal(event, lookup: { added[$0] ?? lookup($0) }) {
          throw LedgerError.rejected(
            source: source,
            line: LedgerWriter.inputLine(event, position: inputLine, single: single),
            reason: reason)
        }
        added[event.id] = event.event
      }
    }
  }
}
