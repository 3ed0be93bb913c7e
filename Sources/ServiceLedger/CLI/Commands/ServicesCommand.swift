/// `ledger services`: the service catalogue at a date.
struct ServicesCommand: Command {
  static let name = "services"
  static let summary = "the service catalogue as of a date: name, organisation, phase, managers"
  static let usage = "ledger services [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = [.ledger, .asOf, .knownAt, .format(ViewFormat.names)]

  let arguments: ParsedArguments
  let asOf: CivilDate
  let knownAt: Timestamp?
  let format: ViewFormat

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("services takes no arguments, only options", command: Self.name)
    }
    self.arguments = arguments
    asOf = try context.asOf(arguments)
    knownAt = try context.knownAt(arguments)
    format = try context.viewFormat(arguments, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let (catalogue, problems) = try folder.replay(
      asOf: asOf, knownAt: knownAt, reader: context.logReader(), compactable: true,
      into: Catalogue()
    ) { $0.apply($1) }
    context.warn(about: problems, in: folder)
    var out = ""
    ServicesView.output(catalogue, asOf: asOf).render(format, into: &out)
    context.write(out)
    return LedgerCLI.success
  }
}
