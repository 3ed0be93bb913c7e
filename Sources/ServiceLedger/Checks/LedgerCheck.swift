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

  /// Reads the ledger in `folder`, and `base` when given, and checks them.
  /// - Throws: `LedgerError` when a folder or file cannot be read; bad lines are findings.
  public func run(_ folder: LedgerFolder, base: LedgerBase? = nil) throws(LedgerError)
    -> CheckReport
  {
    guard let base else { return try streamed(folder) }
    let ledger = try folder.read()
    var appendOnly: [Finding]?
    var extra: [Finding] = []
    let baseFiles = try base.files()
    var current: [String: [UInt8]] = [:]
    if rules.contains(.appendOnly) || rules.contains(.backdated) {
      for name in try folder.fileNames() { current[name] = try folder.bytes(of: name) }
    }
    if rules.contains(.appendOnly) {
      appendOnly = AppendOnlyRule.findings(base: baseFiles, current: current)
    }
    if rules.contains(.backdated) {
      extra += BackdatedRule.findings(
        current: current, base: baseFiles, latest: try base.latestAt(), basePath: base.path)
    }
    if rules.contains(.notAuthorised) {
      let reader = LogFileReader()
      var contents: [String: LogFileReader.FileContents] = [:]
      for (name, bytes) in baseFiles { contents[name] = reader.read(bytes, name: name) }
      let baseLedger = Ledger(files: contents)
      extra += NotAuthorisedRule.findings(
        ledger, base: baseLedger, roles: try Roles.load(from: folder))
    }
    extra += try FolderRules.findings(folder, rules: Set(rules))
    if rules.contains(.personalData) {
      extra += PersonalDataRule.findings(
        ledger, names: try PersonalDataRule.displayNames(in: folder))
    }
    return finished(report(ledger, appendOnly: appendOnly), extra: extra, hasBase: true)
  }

  /// `run` with no base: one streamed replay, never holding the log, feeds the data rules
  /// (its invalid lines), `personal-data` (every valid event) and the standard rules (the
  /// events in force), so memory stays bounded by what the rules keep.
  private func streamed(_ folder: LedgerFolder) throws(LedgerError) -> CheckReport {
    struct State {
      var personal: PersonalDataScan?
      var facts: StandardFacts.Fold?
    }
    let standard = rules.contains { !$0.isDataRule }
    let personal = rules.contains(.personalData)
    var initial = State(facts: standard ? StandardFacts.Fold(asOf: asOf) : nil)
    if personal, folder.exists {
      initial.personal = PersonalDataScan(names: try PersonalDataRule.displayNames(in: folder))
    }
    let result = try folder.replay(
      asOf: asOf, knownAt: knownAt, into: initial,
      every: personal ? { state, event in state.personal?.add(event) } : nil
    ) { state, event in
      state.facts?.apply(event)
    }
    var findings = DataRules.findings(result.problems, rules: Set(rules))
    if let fold = result.state.facts {
      let facts = StandardFacts(fold, asOf: asOf, threshold: threshold)
      findings += StandardRules.findings(facts, rules: rules)
    }
    var extra = try FolderRules.findings(folder, rules: Set(rules))
    extra += result.state.personal?.findings ?? []
    let checked = rules.filter { $0 != .appendOnly }
    let report = CheckReport(
      asOf: asOf, findings: findings.filter { $0.severity >= minimumSeverity }, rules: checked)
    return finished(report, extra: extra, hasBase: false)
  }

  /// `report` with the findings of the rules outside it, and without the rules that need a
  /// base when there is none.
  private func finished(_ result: CheckReport, extra: [Finding], hasBase: Bool) -> CheckReport {
    CheckReport(
      asOf: result.asOf,
      findings: result.findings + extra.filter { $0.severity >= minimumSeverity },
      rules: result.rules.filter { ($0 != .notAuthorised && $0 != .backdated) || hasBase })
  }

  /// The report for `ledger`, with the `append-only` findings of a base comparison (nil when
  /// there was no base, so that rule was not checked).
  public func report(_ ledger: Ledger, appendOnly: [Finding]?) -> CheckReport {
    let selected = Set(rules)
    var findings = DataRules.findings(ledger, rules: selected)
    if selected.contains(.appendOnly) { findings += appendOnly ?? [] }
    if rules.contains(where: { !$0.isDataRule }) {
      let facts = StandardFacts(ledger, asOf: asOf, knownAt: knownAt, threshold: threshold)
      findings += StandardRules.findings(facts, rules: rules)
    }
    let checked = rules.filter { $0 != .appendOnly || appendOnly != nil }
    return CheckReport(
      asOf: asOf, findings: findings.filter { $0.severity >= minimumSeverity }, rules: checked)
  }
}
