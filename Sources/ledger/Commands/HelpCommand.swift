import ServiceLedger

/// `ledger help [COMMAND]`.
struct HelpCommand: Command {
  static let name = "help"
  static let summary = "show help for ledger or one of its commands"
  static let usage = "ledger help [COMMAND]"
  static let options: [OptionSpec] = []

  let topic: String?

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("help takes at most one command name", command: Self.name)
    }
    topic = arguments.positionals.first
  }

  func run(context: CommandContext) throws -> Int32 {
    guard let topic else {
      context.write(LedgerCLI.overview)
      return LedgerCLI.success
    }
    if let text = LedgerCLI.help(topic) {
      context.write(text)
      return LedgerCLI.success
    }
    throw UsageError(
      "no command \(Format.quoted(topic)); the commands are " + LedgerCLI.commandNames)
  }
}
