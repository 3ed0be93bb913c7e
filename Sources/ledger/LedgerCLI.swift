import ServiceLedger

/// The `ledger` command line: the table of commands and the mapping of errors to exit codes.
enum LedgerCLI {
  /// Every command, in the order `ledger help` lists them.
  static let commands: [CommandEntry] = [
    CommandEntry(InitCommand.self), CommandEntry(RecordCommand.self),
    CommandEntry(AppendCommand.self), CommandEntry(ImportCommand.self),
    CommandEntry(LogCommand.self),
    CommandEntry(ServicesCommand.self), CommandEntry(ServiceLevelsCommand.self),
    CommandEntry(PrioritiesCommand.self),
    CommandEntry(ChannelShiftCommand.self), CommandEntry(AssistedDigitalCommand.self),
    CommandEntry(ManagersCommand.self), CommandEntry(ExemplarsCommand.self),
    CommandEntry(ActionsCommand.self), CommandEntry(PlansCommand.self),
    CommandEntry(PlanCommand.self), CommandEntry(DutiesCommand.self),
    CommandEntry(RegistryCommand.self), CommandEntry(ReportCommand.self),
    CommandEntry(SiteCommand.self),
    CommandEntry(CheckCommand.self), CommandEntry(RestampCommand.self),
    CommandEntry(RepairCommand.self),
    CommandEntry(GenerateCommand.self),
    CommandEntry(HelpCommand.self),
  ]

  /// The commands that take `--ledger`: the ones a suggested command names the ledger for.
  static let ledgerCommands = Set(commands.filter(\.takesLedger).map(\.name))

  /// The names of all commands, comma-separated.
  static var commandNames: String { commands.map { $0.name }.joined(separator: ", ") }

  /// The help of the command named `name`, or nil when there is none.
  static func help(_ name: String) -> String? {
    for command in commands where command.name == name { return command.help(ParsedArguments()) }
    return nil
  }

  /// Exit codes.
  static let success: Int32 = 0
  static let failure: Int32 = 1
  static let usage: Int32 = 64

  /// Runs `ledger` with `arguments` (without the program name).
  /// - Returns: the exit code: 0 success, 1 failure or error findings, 64 usage error.
  static func run(_ arguments: [String], context: CommandContext) -> Int32 {
    guard let name = arguments.first else {
      // No command is a usage error: the help goes to stderr, so nothing lands in a pipe.
      context.writeError(overview)
      return usage
    }
    if name == "--help" || name == "-h" {
      context.write(overview)
      return success
    }
    if name == "--version" {
      context.write("ledger \(version)\n")
      return success
    }
    for command in commands where command.name == name {
      return command.run(Array(arguments.dropFirst()), context)
    }
    context.writeError(
      "ledger: error: unknown command \(Format.quoted(name)); the commands are \(commandNames)\n"
        + "run `ledger help` for usage\n")
    return usage
  }

  static func run<C: Command>(_ command: C.Type, _ arguments: [String], context: CommandContext)
    -> Int32
  {
    var context = context
    do {
      let parsed = try ParsedArguments(arguments, specs: C.options, command: C.name)
      context = context.suggesting(for: parsed)
      if parsed.flag("help") {
        context.write(CommandHelp.text(C.self, parsed))
        return success
      }
      if C.options.contains(where: { $0.name == OptionSpec.ledger.name }) {
        try context.checkNamedLedger(parsed)
      }
      return try C(parsed, context: context).run(context: context)
    } catch var error as UsageError {
      // A value the command could not read (a date, LEDGER_NOW): its help is the one to read.
      if error.command == nil { error.command = C.name }
      context.writeError("ledger \(C.name): usage error: \(Format.terminalSafeLines("\(error)"))\n")
      return usage
    } catch {
      // Errors quote input (a bad value, a line of someone else's file): never let it drive
      // the terminal.
      context.writeError("ledger \(C.name): error: \(Format.terminalSafeLines("\(error)"))\n")
      return failure
    }
  }

  /// The tool's version.
  static let version = "0.1.0"

  /// `ledger help` with no command.
  static var overview: String {
    let width = commands.map { $0.name.count }.max() ?? 0
    var text = """
      ledger: an event-sourced ledger of a department's move to digital by default.

      Usage: ledger <command> [options]

      Commands:

      """
    for command in commands {
      text += "  " + command.name.padding(to: width) + "  " + command.summary + "\n"
    }
    text += """

      Common options: --ledger DIR (default $LEDGER_DIR, else ./events), --as-of DATE,
      --known-at TIMESTAMP, --format table|json|csv|markdown.
      Run `ledger help <command>` or `ledger <command> --help` for a command's options.

      """
    return text
  }
}

/// A command in the table, with its type erased behind closures.
struct CommandEntry: Sendable {
  let name: String
  let summary: String
  /// Whether it takes `--ledger`.
  let takesLedger: Bool
  let help: @Sendable (ParsedArguments) -> String
  let run: @Sendable ([String], CommandContext) -> Int32

  init<C: Command>(_ command: C.Type) {
    name = C.name
    summary = C.summary
    takesLedger = C.options.contains(.ledger)
    help = { CommandHelp.text(C.self, $0) }
    run = { LedgerCLI.run(C.self, $0, context: $1) }
  }
}
