/// `not-authorised` (error): new lines whose actor `roles.json` does not allow to record them.
///
/// A line is new when its event id is not in the base (the ledger the change is compared with,
/// as for `append-only`). The roles are those given, normally the current ledger's
/// `roles.json`; without one, anyone may record anything and there are no findings. The actor
/// is self-declared: docs/security.md shows how CI binds it to the commit author.
public enum NotAuthorisedRule {
  /// The rule id.
  public static let id = "not-authorised"

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
