import ServiceLedger

/// `ledger actions`: the strategies' actions and milestones.
struct ActionsCommand: Command {
  static let name = "actions"
  static let summary = "strategy actions by theme: status, due date, late or unrecorded"
  static let usage = "ledger actions [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    Each action of every strategy published by the date, by theme: its latest status
    (action.progressed; "not recorded" when there is none), due date, and its milestones
    met. Past its due date, an action or milestone is late only when the status recorded is
    not done or dropped; with no progress recorded it is counted apart (unrecorded), neither
    done nor late.
    """

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let progress = try view.fold(StrategyProgress(asOf: view.asOf), context)
    return view.write(ActionsView.output(progress), context)
  }
}
