import ServiceLedger

/// `ledger plans`: every plan with its organisation, form, period, status and item counts.
struct PlansCommand: Command {
  static let name = "plans"
  static let summary = "every plan: organisation, form, period, status, items done and overdue"
  static let usage = "ledger plans [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    Each plan registered by the date (plan.registered; strategies recorded with
    strategy.published count too): its organisation, form, period, its status at the date (the
    latest plan.status-changed, or the end of its governing body's mandate when that came
    later: a dissolution suspends it, an election or the end of a term pauses it), and how
    many of its items are done, overdue (a dated deadline passed and the status recorded is
    not done or dropped; what is not recorded is never late) or without progress recorded.
    `ledger plan ID` shows one plan's items.
    """

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let registry = try view.fold(PlanRegistry(asOf: view.asOf), context)
    return view.write(PlansView.output(registry), context)
  }
}
