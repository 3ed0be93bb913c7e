/// The result of `ledger check`: the rules checked and every finding, ordered by file, line and
/// rule. Renderers: `json` here, text, GitHub annotations and JUnit XML in extensions.
public struct CheckReport: Sendable, Equatable {
  public var asOf: CivilDate
  /// The rules that were checked, in catalogue order (for reports that list passing rules).
  public var rules: [CheckRule]
  public var findings: [Finding]
  /// Whether warnings are listed: false when only errors were asked for (`--severity error`),
  /// so that the summary does not read as if there were none.
  public var listsWarnings: Bool

  /// A report of `findings` from checking `rules` (default: every rule) as of `asOf`;
  /// `listsWarnings` false when warnings were left out.
  public init(
    asOf: CivilDate, findings: [Finding], rules: [CheckRule] = CheckRule.allCases,
    listsWarnings: Bool = true
  ) {
    self.asOf = asOf
    self.listsWarnings = listsWarnings
    self.rules = rules.sorted()
    self.findings = findings.sorted { lhs, rhs in
      let left = (lhs.file ?? "\u{10FFFF}", lhs.line ?? 0, lhs.rule, lhs.service?.rawValue ?? "")
      let right = (rhs.file ?? "\u{10FFFF}", rhs.line ?? 0, rhs.rule, rhs.service?.rawValue ?? "")
      return left < right
    }
  }

  /// This report with the ledger named, by `suggestions`, in the commands its findings suggest
  /// (`ledger record ... --ledger L`); every renderer then shows the same messages.
  public func naming(_ suggestions: SuggestedCommands) -> CheckReport {
    var report = self
    for index in report.findings.indices {
      report.findings[index].message = suggestions.naming(report.findings[index].message)
    }
    return report
  }

  public var errors: Int { findings.filter { $0.severity == .error }.count }
  public var warnings: Int { findings.filter { $0.severity == .warning }.count }

  /// The exact JSON documented in docs/ledger-format.md ("JSON outputs").
  public var json: JSONValue {
    .members([
      "asOf": .date(asOf), "errors": .integer(errors), "warnings": .integer(warnings),
      "findings": .array(
        findings.map { finding in
          .members([
            "rule": .string(finding.rule), "severity": .string(finding.severity.rawValue),
            "service": .string(finding.service?.rawValue), "message": .string(finding.message),
            "file": .string(finding.file), "line": .integer(finding.line),
          ])
        }),
    ])
  }

  /// Where a finding is, for people: `events/hmcts.jsonl:12:3`, or the folder when it has no
  /// file.
  /// - Parameters:
  ///   - finding: the finding to place.
  ///   - folder: the ledger folder's path, put before file names.
  /// - Returns: the path, line and column joined by `:`.
  static func place(of finding: Finding, folder: String) -> String {
    // A file's name is anyone's bytes (`ignored-file` reports names no rule wrote).
    var place = Format.terminalSafe(finding.file.map { path(folder, $0) } ?? folder)
    if let line = finding.line { place += ":\(line)" }
    if let column = finding.column { place += ":\(column)" }
    return place
  }

  /// `folder/file`, without a leading `./` (CI annotations want paths from the repository root).
  static func path(_ folder: String, _ file: String) -> String {
    var path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }

  /// `events: 1 error(s), 0 warning(s) as of 2015-03-31`, with `; ok` when there is no error;
  /// `events: 1 error(s) as of 2015-03-31 (warnings not listed: --severity error)` when
  /// warnings were left out.
  func summary(folder: String) -> String {
    let counts =
      listsWarnings
      ? "\(errors) error(s), \(warnings) warning(s) as of \(asOf)"
      : "\(errors) error(s) as of \(asOf) (warnings not listed: --severity error)"
    // The folder's name is the user's: escaped, it cannot start a line of its own (a GitHub
    // workflow command) or drive the terminal.
    return "\(Format.terminalSafe(folder)): \(counts)" + (errors == 0 ? "; ok" : "")
  }
}
