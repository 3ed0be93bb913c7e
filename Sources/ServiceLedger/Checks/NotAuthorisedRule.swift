/// `not-authorised` (error): new lines whose actor `roles.json` does not allow to record them.
///
/// A line is new when its event id is not in the base (the ledger the change is compared with,
/// as for `append-only`). The roles are those given, normally the current ledger's
/// `roles.json`; without one, anyone may record anything and there are no findings. The actor
/// is self-declared: docs/security.md shows how CI binds it to the commit author.
public enum NotAuthorisedRule {
  /// The rule id.
  public static let id = "not-authorised"

  /// The findings for the new lines of `current`.
  /// - Parameters:
  ///   - current: the ledger checked.
  ///   - base: the ledger it is compared with.
  ///   - roles: the roles in force, or nil when the ledger has no `roles.json`.
  /// - Returns: one error per new event its actor may not record, in replay order.
  public static func findings(_ current: Ledger, base: Ledger, roles: Roles?) -> [Finding] {
    guard let roles else { return [] }
    let old = Set(base.events.map(\.id))
    var known: [EventID: Event] = [:]
    for event in current.events { known[event.id] = event.event }
    return findings(current.events.filter { !old.contains($0.id) }, roles: roles) { known[$0] }
  }

  /// The findings for `new`, the new events in replay order; `lookup` gives the payload of
  /// an event a new retraction withdraws.
  static func findings(
    _ new: [RecordedEvent], roles: Roles, lookup: (EventID) -> Event?
  ) -> [Finding] {
    let authorisation = Authorisation(roles: roles)
    var findings: [Finding] = []
    for event in new {
      guard let reason = authorisation.refusal(event, lookup: lookup) else { continue }
      findings.append(
        Finding(
          rule: id, severity: .error, service: event.event.service, message: reason,
          file: event.location?.file, line: event.location?.line))
    }
    return findings
  }
}
