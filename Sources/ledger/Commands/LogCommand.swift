import ServiceLedger

/// `ledger log`: the events, filterable.
struct LogCommand: Command {
  static let name = "log"
  static let summary = "list the events, oldest first, filtered by service, type or date"
  static let usage =
    "ledger log [--service ID]... [--type TYPE]... [--since DATE] [--as-of DATE] "
    + "[--known-at TIMESTAMP] [--format table|json|csv|markdown]"
  static let options: [OptionSpec] = [
    .ledger,
    OptionSpec("service", value: "ID", help: "only events about this service", isRepeatable: true),
    OptionSpec("type", value: "TYPE", help: "only events of this type", isRepeatable: true),
    OptionSpec("since", value: "DATE", help: "only events recorded on or after this date"),
    OptionSpec(
      "as-of", value: "DATE",
      help: "only events whose effective date is on or before this date, and undated ones "
        + "(default: every event)"),
    .knownAt, .format(ViewFormat.names),
  ]
  static let discussion = """
    Every valid event, in replay order (recorded time, then file, then line); --format json
    adds each one's file and line. A retracted event is listed as it was recorded, marked
    (retracted) in its detail (in JSON, retractedBy gives its retraction's id, else null); its
    retraction is an event of its own, whose subject is the id it withdraws, listed with
    --service for the service of the event it withdraws. Every other view leaves the
    withdrawn event out.
    """

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
        throw UsageError(
          "--service \(Format.userText(text)) is not \(ServiceID.syntax)", command: Self.name)
      }
      filter.services.insert(service)
    }
    for text in arguments.values("type") {
      guard let type = EventType(rawValue: text) else {
        throw UsageError(
          "--type \(Format.userText(text)) is not an event type; " + EventType.advice(for: text),
          command: Self.name)
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
    let folder = context.folder(arguments)
    let (gathered, problems) = try folder.fold(
      LogView.Gathered(filter: filter), asOf: nil, knownAt: nil, reader: context.logReader(),
      every: { $0.observe($1) })
    context.warn(about: problems, in: folder)
    try Self.checkServices(filter.services, known: gathered.services, folder: folder.path)
    let given = arguments.value("known-at").flatMap { text in filter.knownAt.map { (text, $0) } }
    context.writeView(
      LogView.output(gathered), format: format, knownAt: given, folder: folder.path
    ) { gathered.firstRecorded }
    return LedgerCLI.success
  }

  /// Fails for a `--service` that no event of the ledger is about (`known`, with registered
  /// names), suggesting near ones.
  /// - Throws: `LogError.unknownService`.
  static func checkServices(
    _ services: Set<ServiceID>, known: [ServiceID: String?], folder: String
  ) throws(LogError) {
    for service in services.sorted(by: { $0.rawValue < $1.rawValue }) where known[service] == nil {
      let candidates = known.map { (name: $0.key.rawValue, label: $0.value) }
      throw .unknownService(
        service.rawValue, folder: folder,
        suggestions: NearNames.suggestions(for: service.rawValue, among: candidates))
    }
  }
}

/// Why `ledger log` cannot show what was asked.
enum LogError: Error, CustomStringConvertible {
  /// `--service` names a service no event is about.
  case unknownService(String, folder: String, suggestions: [String])

  var description: String {
    switch self {
    case .unknownService(let service, let folder, let suggestions):
      return "no service \"\(service)\" in \(Format.userText(folder)) (no event is about it); "
        + (suggestions.isEmpty
          ? "`ledger services` lists the services"
          : "did you mean " + suggestions.joined(separator: ", or ") + "?")
    }
  }
}
