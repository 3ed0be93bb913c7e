import ServiceLedger

/// `ledger check`: the log's data rules and the service standard, for CI.
struct CheckCommand: Command {
  static let name = "check"
  static let summary = "check the log and the service standard; exit 1 on any error finding"
  static let usage =
    "ledger check [--as-of DATE] [--known-at TIMESTAMP] [--base DIR_OR_FILE] [--rule ID]... "
    + "[--ignore ID]... [--severity error|warning] [--format text|json|github|junit]"
  static let formats = ["text", "json", "github", "junit"]
  static let options: [OptionSpec] = [
    .ledger, .asOf, .knownAt,
    OptionSpec(
      "base", value: "DIR_OR_FILE",
      help: "the ledger as it was (e.g. the target branch's copy): fail on any line of it "
        + "changed, removed or reordered; a file is compared with the ledger's file of its name "
        + "alone"),
    OptionSpec("rule", value: "ID", help: "check only this rule (repeatable)", isRepeatable: true),
    OptionSpec("ignore", value: "ID", help: "skip this rule (repeatable)", isRepeatable: true),
    OptionSpec(
      "severity", value: "LEVEL", help: "error: report errors only; warning: all (default)"),
    .format(formats),
  ]
  static var discussion: String {
    let width = CheckRule.allCases.map(\.rawValue.count).max() ?? 0
    let rules = CheckRule.allCases.map { rule in
      "  " + rule.rawValue.padding(to: width) + "  " + rule.severity.rawValue.padding(to: 7)
        + "  " + rule.summary
    }
    return """
      Data rules look at every line of the log; standard rules at the state as of --as-of
      (default today), citing the service standard in force then (26 points before
      2015-06-01, 18 points from then, 14 points from 2019-06-30). Exit 1 when any error is
      reported, else 0; 64 for usage errors. Example, in CI against the target branch's copy
      of the ledger:
        ledger check --base /tmp/base-events --format github

      Rules:
      \(rules.joined(separator: "\n"))
      """
  }

  let arguments: ParsedArguments
  let check: LedgerCheck
  let base: LedgerBase?
  let format: String

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("check takes no arguments, only options", command: Self.name)
    }
    let rules = try CheckRule.selection(
      only: arguments.values("rule"), ignoring: arguments.values("ignore"))
    let base = arguments.value("base").map(LedgerBase.init)
    if base == nil, arguments.values("rule").contains(CheckRule.appendOnly.rawValue) {
      throw UsageError(
        "--rule append-only compares with a base: give --base DIR_OR_FILE", command: Self.name)
    }
    var severity = Finding.Severity.warning
    if let text = arguments.value("severity") {
      guard let level = Finding.Severity(rawValue: text) else {
        throw UsageError(
          "--severity \(Format.userText(text)) is not a level; use error or warning",
          command: Self.name)
      }
      severity = level
    }
    self.arguments = arguments
    self.base = base
    check = LedgerCheck(
      asOf: try context.asOf(arguments), knownAt: try context.knownAt(arguments), rules: rules,
      minimumSeverity: severity)
    format = try context.format(arguments, Self.formats, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    if let base, !base.exists {
      throw UsageError(
        "--base \(Format.userText(base.path)): no such file or folder", command: Self.name)
    }
    let folder = context.folder(arguments)
    let report = try check.run(folder, base: base).naming(context.suggestions)
    var out = ""
    switch format {
    case "json": out = report.json.serialized() + "\n"
    case "github": report.renderGitHub(folder: folder.path, into: &out)
    case "junit": report.renderJUnit(folder: folder.path, into: &out)
    default: report.renderText(folder: folder.path, into: &out)
    }
    context.write(out)
    return report.errors > 0 ? LedgerCLI.failure : LedgerCLI.success
  }
}
