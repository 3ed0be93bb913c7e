/// `ledger exemplars`: how the exemplar services stand against their due dates.
struct ExemplarsCommand: Command {
  static let name = "exemplars"
  static let summary = "exemplar services: phase, due date, days left, take-up, status"
  static let usage = "ledger exemplars [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    Each exemplar designated on or before the date: its phase, due date, days left (negative
    when overdue), latest take-up and its change from the previous report, and its status:
    live when in phase live, late when past its due date and not live, else on-track.
    """

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let timeline = try view.timeline(context)
    let progress = ExemplarProgress(
      asOf: view.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
    return view.write(ExemplarsView.output(progress), context)
  }
}
