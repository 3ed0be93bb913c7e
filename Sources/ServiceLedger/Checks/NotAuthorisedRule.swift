/// `not-authorised` (error): new lines whose actor `roles.json` does not allow to record them.
///
/// A line is new when its event id is not in the base (the ledger the change is compared with,
/// as for `append-only`). The roles are those given, normally the current ledger's
/// `roles.json`; without one, anyone may record anything and there are no findings. The actor
/// is self-declared: docs/security.md shows how CI binds it to the commit author. A ledger
/// without `roles.json` whose base has one had it removed, which would turn the rule off for
/// the very change that removes it: that is a finding of its own (`rolesRemoved`), and the new
/// lines are checked against the base's `roles.json`, the roles in force for the change.
public enum NotAuthorisedRule {
  /// The rule id.
  public static let id = "not-authorised"

  /// What a refusal calls the base's `roles.json`, in force for a change that removed the
  /// ledger's.
  static let baseRolesName = "the base's " + Roles.fileName

  /// The finding for a ledger whose base has `roles.json` and which has none.
  static var rolesRemoved: Finding {
    Finding(
      rule: id, severity: .error,
      message: "the base has roles.json and the ledger does not: without it anyone may record "
        + "anything, so the new lines are checked against the base's roles.json, the roles in "
        + "force; restore it from the base (the target branch's copy); lifting the restrictions "
        + "is the digital board's decision, a change of its own that the board merges over this "
        + "finding",
      file: Roles.fileName)
  }

  /// The findings for `new`, the new events in replay order, under `roles` (from the file
  /// `rolesName` names); `lookup` gives the payload of an event a new retraction withdraws.
  static func findings(
    _ new: [RecordedEvent], roles: Roles, rolesName: String = Roles.fileName,
    lookup: (EventID) -> Event?
  ) -> [Finding] {
    let authorisation = Authorisation(roles: roles, rolesName: rolesName)
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
