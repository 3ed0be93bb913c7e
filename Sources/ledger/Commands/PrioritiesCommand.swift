import ServiceLedger

/// `ledger priorities`: each service's priority and annual volume.
struct PrioritiesCommand: Command {
  static let name = "priorities"
  static let summary = "services by priority: exemplar, high-volume, standard, no-data"
  static let usage =
    "ledger priorities [--threshold N] [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = [ViewOptions.thresholdSpec] + ViewOptions.specs
  static let discussion = """
    Every service that counts on the date gets a priority: exemplar when designated; else
    no-data without an annual volume; else high-volume when its annual volume is over the
    threshold; else standard. Sorted by priority, then annual volume (largest first), then id.

    The annual volume follows the contract's five-step rule: a 12-month report ending at the
    latest report date, else quarters summed over those 12 months, else the latest earlier
    12-month report, else what there is annualised (basis 12-month, summed, annualised).

    --format json gives {"asOf","threshold","services":[{"service","name","organisation",
    "priority","annualVolume","basis","from","to","digitalTakeUp","phase","managers"}]} in
    that key order; digitalTakeUp is a number rounded to 4 decimals (0.0021), and unknown
    values are null.

    Example: ledger priorities --as-of 2014-03-31 --format json
    """

  let view: ViewOptions
  let threshold: Int

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
    threshold = try ViewOptions.threshold(arguments, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let (catalogue, volumes) = try view.catalogueAndVolumes(context)
    let priorities = Priorities(
      asOf: view.asOf, catalogue: catalogue, volumes: volumes, threshold: threshold)
    return view.write(PrioritiesView.output(priorities), context)
  }
}
