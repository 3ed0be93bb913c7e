import ServiceLedger

/// `ledger assisted-digital`: assisted-digital coverage of the services in scope.
struct AssistedDigitalCommand: Command {
  static let name = "assisted-digital"
  static let summary = "assisted-digital coverage, and expected need against reported use"
  static let usage =
    "ledger assisted-digital [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = ViewOptions.specs
  static let discussion = """
    In scope: services that reported digital transactions in their latest 12 months of
    figures (any report ending in the 12 months up to their latest one), or in phase beta or
    live. Covered: assisted-digital provision in force on the date. Coverage is given by
    count and weighted by annual volume. Expected need is 18% of the annual volume (the share
    of adults rarely or never online, Digital Landscape Research 2012), against the
    assisted-digital transactions reported. Uncovered services come first.
    """

  let view: ViewOptions

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let (catalogue, volumes) = try view.catalogueAndVolumes(context)
    let coverage = AssistedDigitalCoverage(asOf: view.asOf, catalogue: catalogue, volumes: volumes)
    return view.write(AssistedDigitalView.output(coverage), context)
  }
}
