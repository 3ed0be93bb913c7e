import ServiceLedger

/// `ledger services`: the service catalogue at a date.
struct ServicesCommand: Command {
  static let name = "services"
  static let summary = "the service catalogue as of a date: name, organisation, phase, managers"
  static let usage = "ledger services [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let catalogue = try view.fold(Catalogue(), context)
    return view.write(ServicesView.output(catalogue, asOf: view.asOf), context)
  }
}
