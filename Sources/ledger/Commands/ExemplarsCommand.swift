import ServiceLedger

/// `ledger exemplars`: how the exemplars and their services stand against their due dates.
struct ExemplarsCommand: Command {
  static let name = "exemplars"
  static let summary = "exemplars and their services: phase, due, days left, take-up, status"
  static let usage = "ledger exemplars [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    Each exemplar designated on or before the date, with the services it covers: their phase,
    due date, days left (negative when past), latest take-up and its change from the previous
    report. A service is live in phase live, unknown with no phase recorded, late when past
    its due date and not live, else on-track. An exemplar is live when all its services are,
    else late when one is late, else unknown when one has no phase recorded, else on-track.
    """

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let portfolio = try view.fold(PortfolioFold(), context)
    let progress = ExemplarProgress(
      asOf: view.asOf, catalogue: portfolio.catalogue, volumes: portfolio.volumes)
    return view.write(ExemplarsView.output(progress), context)
  }
}
