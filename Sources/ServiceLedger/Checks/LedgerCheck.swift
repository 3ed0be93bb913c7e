/// `ledger check` as a library call: which rules to run, as of when, against which base.
public struct LedgerCheck: Sendable {
  /// Valid time of the standard rules (data rules look at every line whatever the date).
  public var asOf: CivilDate
  /// Knowledge time: events recorded later are left out of the standard rules.
  public var knownAt: Timestamp?
  /// The rules to run; `append-only` runs only when a base is given.
  public var rules: [CheckRule]
  /// The least severe findings reported: `.warning` reports all, `.error` errors only.
  public var minimumSeverity: Finding.Severity
  /// Annual volume over which a service is high-volume, hence a priority.
  public var threshold: Int

  public init(
    asOf: CivilDate, knownAt: Timestamp? = nil, rules: [CheckRule] = CheckRule.allCases,
    minimumSeverity: Finding.Severity = .warning, threshold: Int = Priority.defaultThreshold
  ) {
    self.asOf = asOf
    self.knownAt = knownAt
    self.rules = rules
    self.minimumSeverity = minimumSeverity
    self.threshold = threshold
  }

  /// Checks the ledger in `folder`, against `base` when given, in one streamed replay of the
  /// log (and, with a base, one block-by-block comparison of each file with the base's): it
  /// never holds either log, so memory stays bounded by what the rules keep.
  /// - Throws: `LedgerError` when a folder or file cannot be read; bad lines are findings.
  public func run(_ folder: LedgerFolder, base: LedgerBase? = nil) throws(LedgerError)
    -> CheckReport
  {
    let selected = Set(rules)
    let needsBase =
      selected.contains(.appendOnly) || selected.contains(.backdated)
      || selected.contains(.notAuthorised)
    let comparison = try base.flatMap { base throws(LedgerError) in
      needsBase ? try BaseComparison(folder, base: base) : nil
    }
    // The ledger's roles; when the change removed them, the base's are still those in force.
    let ledgerRoles =
      selected.contains(.notAuthorised) && base != nil ? try Roles.load(from: folder) : nil
    let rolesRemoved =
      ledgerRoles == nil && selected.contains(.notAuthorised) && base?.hasRoles == true
    let roles = rolesRemoved ? try base?.roles() : ledgerRoles
    var initial = CheckFold(
      facts: rules.contains { !$0.isDataRule } ? StandardFacts.Fold(asOf: asOf) : nil,
      comparison: comparison, authorising: roles != nil)
    if selected.contains(.personalData), folder.exists {
      initial.personal = PersonalDataScan(names: try PersonalDataRule.displayNames(in: folder))
    }
    let result = try folder.fold(
      initial, asOf: asOf, knownAt: knownAt,
      every: initial.observes ? { state, event in state.observe(event) } : nil)
    // The files compared with the base are those the replay read.
    try comparison?.checkUnchanged(folder)
    let state = result.fold
    var findings = DataRules.findings(result.problems, rules: selected)
    if selected.contains(.duplicateID) {
      findings += try RepeatedIDs.problems(folder, timeOrder: result.problems).map(Finding.init)
    }
    if base != nil, selected.contains(.appendOnly) { findings += comparison?.appendOnly ?? [] }
    if let fold = state.facts {
      let facts = StandardFacts(fold, asOf: asOf, threshold: threshold)
      findings += StandardRules.findings(facts, rules: rules)
    }
    var extra: [Finding] = []
    if let base, let comparison {
      if selected.contains(.backdated) {
        let latest = state.baseLatestAt(result.problems, comparison: comparison, base: base)
        extra += BackdatedRule.findings(comparison.newEvents, latest: latest)
      }
      if let roles {
        extra += state.notAuthorised(
          roles: roles,
          rolesName: rolesRemoved ? NotAuthorisedRule.baseRolesName : Roles.fileName)
      }
    }
    if rolesRemoved { extra.append(NotAuthorisedRule.rolesRemoved) }
    extra += try FolderRules.findings(folder, rules: selected)
    extra += state.personal?.findings ?? []
    let checked = rules.filter { $0 != .appendOnly || base != nil }
    let report = CheckReport(
      asOf: asOf, findings: findings.filter { $0.severity >= minimumSeverity }, rules: checked)
    return finished(report, extra: extra, hasBase: base != nil)
  }

  /// `report` with the findings of the rules outside it, and without the rules that need a
  /// base when there is none.
  private func finished(_ result: CheckReport, extra: [Finding], hasBase: Bool) -> CheckReport {
    CheckReport(
      asOf: result.asOf,
      findings: result.findings + extra.filter { $0.severity >= minimumSeverity },
      rules: result.rules.filter { ($0 != .notAuthorised && $0 != .backdated) || hasBase },
      listsWarnings: minimumSeverity <= .warning)
  }
}
