/// `ledger check`: the log's data rules and the service standard, for CI.
struct CheckCommand: Command {
  static let name = "check"
  static let summary = "check the log and the service standard; exit 1 on any error finding"
  static let usage = "ledger check [--as-of DATE] [--format text|json]"
  static let options: [OptionSpec] = [.ledger, .asOf, .format(["text", "json"])]

  let arguments: ParsedArguments
  let asOf: CivilDate
  let format: String

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("check takes no arguments, only options", command: Self.name)
    }
    self.arguments = arguments
    asOf = try context.asOf(arguments)
    format = try context.format(arguments, ["text", "json"], command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let ledger = try folder.read()
    let report = CheckReport(asOf: asOf, findings: DataRules.findings(ledger))
    var out = ""
    if format == "json" {
      out = report.json.serialized() + "\n"
    } else {
      report.renderText(folder: folder.path, into: &out)
    }
    context.write(out)
    return report.errors > 0 ? LedgerCLI.failure : LedgerCLI.success
  }
}
