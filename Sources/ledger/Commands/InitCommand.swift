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
    An existing ledger is left as it is.
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
    let file = folder.path(of: LedgerFolder.defaultFile)
    // The folder's name is the user's, and may hold anything a terminal acts on.
    let shown = Format.terminalSafe(folder.path)
    if folder.exists, try !folder.fileNames().isEmpty {
      context.write("\(shown) is already a ledger; nothing changed\n")
      return LedgerCLI.success
    }
    try FileIO.makeFolders(folder.path)
    do {
      try FileIO.createEmpty(file)
    } catch {
      // Another `ledger init` of the same folder made it since the look above.
      guard try !folder.fileNames().isEmpty else { throw error }
      context.write("\(shown) is already a ledger; nothing changed\n")
      return LedgerCLI.success
    }
    context.write("created an empty ledger at \(shown)\n")
    return LedgerCLI.success
  }
}
