import ServiceLedger

/// `ledger managers`: service managers per service.
struct ManagersCommand: Command {
  static let name = "managers"
  static let summary = "service managers per service, priority services without one"
  static let usage =
    "ledger managers [--threshold N] [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] = [ViewOptions.thresholdSpec] + ViewOptions.specs
  static let discussion = """
    The current service managers of each service (role service-manager, appointed on or
    before the date and not departed since), the exemplar and high-volume services without
    one, and the people who manage several services. Names come from people.json in the
    ledger folder ({"p-0042": "A. Person"}) when it gives them; ids otherwise.
    """

  let view: ViewOptions
  let threshold: Int

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
    threshold = try ViewOptions.threshold(arguments, command: Self.name)
  }

  func run(context: CommandContext) throws -> Int32 {
    let (catalogue, volumes) = try view.catalogueAndVolumes(context)
    let people = try PeopleFile.read(from: context.folder(view.arguments))
    let roster = ManagerRoster(
      asOf: view.asOf, catalogue: catalogue, volumes: volumes, threshold: threshold)
    return view.write(ManagersView.output(roster, people: people), context)
  }
}
