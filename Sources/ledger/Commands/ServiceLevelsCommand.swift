import ServiceLedger

/// `ledger service-levels`: each service's maturity level and channels.
struct ServiceLevelsCommand: Command {
  static let name = "service-levels"
  static let summary = "each service's online maturity level (1-4) and its channels"
  static let usage =
    "ledger service-levels [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    The services with a channel (service.channel-offered) or a maturity level
    (service.maturity-set) recorded by the date: the latest target level with its due date and
    the level as printed, the latest level reached, and the channels through which the service
    is delivered and through which its users get help, each in use, planned or being phased
    out, with the partners who run it. Levels: 1 information online, 2 forms to download, 3
    submitted and handled online, 4 fully online including payment and the result.
    """

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let levels = try view.fold(ServiceLevels(asOf: view.asOf), context)
    return view.write(ServiceLevelsView.output(levels), context)
  }
}
