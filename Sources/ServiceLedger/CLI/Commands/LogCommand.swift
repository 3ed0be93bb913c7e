/// `ledger log`: the events, filterable.
struct LogCommand: Command {
  static let name = "log"
  static let summary = "list the events, oldest first, filtered by service, type or date"
  static let usage =
    "ledger log [--service ID]... [--type TYPE]... [--since DATE] [--format table|json|csv|markdown]"
  static let options: [OptionSpec] = [
    .ledger,
    OptionSpec("service", value: "ID", help: "only events about this service", isRepeatable: true),
    OptionSpec("type", value: "TYPE", help: "only events of this type", isRepeatable: true),
    OptionSpec("since", value: "DATE", help: "only events recorded on or after this date"),
    .asOf, .knownAt, .format(ViewFormat.names),
  ]

  let arguments: ParsedArguments
  let filter: LogView.Filter
  let format: ViewFormat

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("log takes no arguments, only options", command: Self.name)
    }
    var filter = LogView.Filter()
    for text in arguments.values("service") {
      guard let service = ServiceID.validated(text) else {
        throw UsageError("--service \(text) is not \(ServiceID.syntax)", command: Self.name)
      }
      filter.services.insert(service)
    }
    for text in arguments.values("type") {
      guard let type = EventType(rawValue: text) else {
        throw UsageError(
          "--type \(text) is not an event type; the types are "
            + EventType.allCases.map(\.rawValue).joined(separator: ", "), command: Self.name)
      }
      filter.types.insert(type)
    }
    filter.since = try arguments.value("since").map { text throws(UsageError) in
      try CommandContext.date(text, option: "--since")
    }
    if arguments.value("as-of") != nil { filter.asOf = try context.asOf(arguments) }
    filter.knownAt = try context.knownAt(arguments)
    self.filter = filter
    self.format = try context.viewFormat(arguments, command: Self.name)
    self.arguments = arguments
  }

  func run(context: CommandContext) throws -> Int32 {
    let ledger = try context.readLedger(arguments)
    var out = ""
    LogView.output(ledger, filter: filter).render(format, into: &out)
    context.write(out)
    return LedgerCLI.success
  }
}
