import Foundation
import ServiceLedger

/// `ledger import transactions-explorer CSV`.
struct ImportCommand: Command {
  static let name = "import"
  static let summary = "import the Transactions Explorer CSV as services and volume reports"
  static let usage =
    "ledger import transactions-explorer CSV [--file NAME.jsonl | --file-per-organisation] "
    + "[--by ACTOR]"
  static let options: [OptionSpec] = [
    .ledger, .file,
    OptionSpec(
      "file-per-organisation", value: nil,
      help: "write each organisation's events to its own file (hmcts.jsonl, opg.jsonl, ...)"),
    .by,
  ]
  static let discussion = """
    Registers each service not yet in the ledger and appends a volume.reported (and a
    kpi.reported where the row has KPIs) for each row that gives a volume, with `source`
    naming the row's origin; a row without one is skipped, and counted in the summary.
    Re-running it adds nothing; a row whose figures differ from the ledger's for the same
    service and period is appended as a restatement. All or nothing.
    """

  let path: String
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count == 2, arguments.positionals[0] == "transactions-explorer"
    else {
      throw UsageError(
        "usage: \(Self.usage) (the only format is transactions-explorer)", command: Self.name)
    }
    if arguments.flag("file-per-organisation"), arguments.value("file") != nil {
      throw UsageError("give --file or --file-per-organisation, not both", command: Self.name)
    }
    path = arguments.positionals[1]
    self.arguments = arguments
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let bytes = try BoundedInput.read(path: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImportError(file: path, line: 0, message: "is not UTF-8 text")
    }
    let actor = try context.actor(arguments)
    let makeID = try context.idSource()
    let files: TransactionsExplorerImport.FileChoice =
      arguments.flag("file-per-organisation")
      ? .perOrganisation : .single(arguments.value("file") ?? LedgerFolder.defaultFile)
    let importer = TransactionsExplorerImport(
      at: .unstamped, by: actor, makeID: makeID, files: files)
    let rows = try importer.rows(csv: text, name: path)
    var summary: TransactionsExplorerImport.Summary?
    // Planned under the lock against the log as it is then, so that two imports at once
    // cannot both add the same rows.
    let writer = try context.writer(for: folder)
    defer { context.report(settledBy: writer) }
    try writer.appendBuilt(
      source: path, gathering: KnownFacts(services: rows.services)
    ) { known throws(LedgerError) in
      let plan = importer.plan(rows, known: known)
      summary = plan.summary
      return plan.batches
    }
    guard let summary else { return LedgerCLI.failure }
    context.write(
      "imported \(Format.terminalSafe(path)) into \(Format.terminalSafe(folder.path)): \(summary)\n"
    )
    return LedgerCLI.success
  }
}
