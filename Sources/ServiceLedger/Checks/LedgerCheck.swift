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
    let ledger = try folder.read()
    var appendOnly: [Finding]?
    var extra: [Finding] = []
    if let base {
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
    }
    extra += try FolderRules.findings(folder, rules: Set(rules))
    if rules.contains(.personalData) {
      extra += PersonalDataRule.findings(
        ledger, names: try PersonalDataRule.displayNames(in: folder))
    }
    var result = report(ledger, appendOnly: appendOnly)
    result = CheckReport(
      asOf: result.asOf,
      findings: result.findings + extra.filter { $0.severity >= minimumSeverity },
      rules: result.rules.filter { ($0 != .notAuthorised && $0 != .backdated) || base != nil })
    return result
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
