import Foundation
import ServiceLedger

/// `ledger init [DIR]`: create an empty ledger folder.
struct InitCommand: Command {
  static let name = "init"
  static let summary = "create an empty ledger folder"
  static let usage = "ledger init [DIR]"
  static let options: [OptionSpec] = [.ledger]
  static let discussion = """
    Creates DIR (default: --ledger, $LEDGER_DIR, else ./events) with an empty ledger.jsonl.
    An existing ledger is left as it is. All or nothing: when the file cannot be made (a full
    disk), the folders made for it are removed again.
    """

  let folder: LedgerFolder

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("init takes one folder", command: Self.name)
    }
    if arguments.positionals.first == "" {
      throw UsageError("the folder is empty: give its name (`.` for the current folder)")
    }
    folder = arguments.positionals.first.map(LedgerFolder.init) ?? context.folder(arguments)
  }

  func run(context: CommandContext) throws -> Int32 {
    // The folder's name is the user's, and may hold anything a terminal acts on.
    let shown = Format.terminalSafe(folder.path)
    guard try folder.create(faults: try context.faults()) else {
      context.write("\(shown) is already a ledger; nothing changed\n")
      return LedgerCLI.success
    }
    context.write("created an empty ledger at \(shown)\n")
    return LedgerCLI.success
  }
}
