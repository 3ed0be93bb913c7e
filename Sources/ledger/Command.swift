import ServiceLedger

/// A subcommand of `ledger`: parsing (`init`) is separate from running (`run`).
protocol Command: SendableMetatype {
  /// The word after `ledger`.
  static var name: String { get }
  /// One line for `ledger help`.
  static var summary: String { get }
  /// The synopsis, e.g. `ledger log [--service ID]... [--type TYPE]...`.
  static var usage: String { get }
  /// The options it accepts.
  static var options: [OptionSpec] { get }
  /// More help: what it does, examples.
  static var discussion: String { get }

  /// Help that depends on the arguments (`ledger record TYPE --help` lists TYPE's fields).
  static func extraHelp(_ arguments: ParsedArguments) -> String

  /// Reads the parsed arguments.
  /// - Throws: `UsageError` when they do not make sense for this command.
  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError)

  /// Does the work, writing results through `context`.
  /// - Returns: the exit code (0, or 1 for a failing check).
  /// - Throws: any error, which `LedgerCLI` reports with exit code 1 (64 for `UsageError`).
  func run(context: CommandContext) throws -> Int32
}

extension Command {
  static var discussion: String { "" }
  static func extraHelp(_ arguments: ParsedArguments) -> String { "" }
}

/// The help text of commands.
enum CommandHelp {
  /// The full help of `command`, with anything the arguments add.
  static func text<C: Command>(_ command: C.Type, _ arguments: ParsedArguments = .init()) -> String
  {
    var text = "\(command.usage)\n\n\(command.summary)\n"
    if !command.discussion.isEmpty { text += "\n\(command.discussion)\n" }
    let extra = command.extraHelp(arguments)
    if !extra.isEmpty { text += "\n\(extra)" }
    let all = command.options + [OptionSpec("help", value: nil, help: "show this help")]
    text += "\nOptions:\n"
    let labels = all.map { "--" + $0.name + ($0.value.map { " " + $0 } ?? "") }
    let width = labels.map(\.count).max() ?? 0
    for (label, spec) in zip(labels, all) {
      text += "  " + label.padding(to: width) + "  " + spec.help + "\n"
    }
    return text
  }
}

extension String {
  /// The string padded with spaces on the right to `width` characters.
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
