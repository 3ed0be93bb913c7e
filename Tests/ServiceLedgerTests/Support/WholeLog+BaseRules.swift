@testable import ServiceLedger

// The whole-log forms of the `--base` rules, which the streamed check is compared with
// (`BaseCheckDifferentialTests`): each reads both logs whole.

extension BackdatedRule {
  /// The findings for the lines of `current` past each base file's lines.
  /// - Parameters:
  ///   - current: the ledger's files as they are now, by name.
  ///   - base: the base's files by name.
  ///   - latest: the latest `at` in the base.
  /// - Returns: one error finding per new line stamped at or before `latest`, by file and line;
  ///   a line past the base's length that is an event of its file's base copy is not new.
  static func findings(
    current: [String: [UInt8]], base: [String: [UInt8]], latest: Timestamp?
  ) -> [Finding] {
    let reader = LogFileReader()
    let old = base.mapValues { Set(reader.read($0, name: "").events.map(\.id)) }
    let new = NewLines.events(current: current, base: base).events.filter { event in
      !(old[event.location?.file ?? ""]?.contains(event.id) ?? false)
    }
    return findings(new, latest: latest)
  }
}

extension NotAuthorisedRule {
  /// The findings for the new lines of `current`.
  /// - Parameters:
  ///   - current: the ledger checked.
  ///   - base: the ledger it is compared with.
  ///   - roles: the roles in force, or nil when the ledger has no `roles.json`.
  ///   - rolesName: what refusals call the file the roles come from.
  /// - Returns: one error per new event its actor may not record, in replay order.
  static func findings(
    _ current: Ledger, base: Ledger, roles: Roles?, rolesName: String = Roles.fileName
  ) -> [Finding] {
    guard let roles else { return [] }
    let old = Set(base.events.map(\.id))
    var known: [EventID: Event] = [:]
    for event in current.events { known[event.id] = event.event }
    return findings(
      current.events.filter { !old.contains($0.id) }, roles: roles, rolesName: rolesName
    ) { known[$0] }
  }
}
