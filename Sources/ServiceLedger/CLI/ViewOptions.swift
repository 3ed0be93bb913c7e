/// The options every view shares (`--as-of`, `--known-at`, `--format`), read once.
struct ViewOptions {
  /// The options to list in a view's `options`, after its own.
  static let specs: [OptionSpec] = [.ledger, .asOf, .knownAt, .format(ViewFormat.names)]

  let arguments: ParsedArguments
  let asOf: CivilDate
  let knownAt: Timestamp?
  let format: ViewFormat

  /// Reads the shared options of the view `command`, which takes no positional arguments.
  /// - Throws: `UsageError` for positionals or a bad date, time or format.
  init(_ arguments: ParsedArguments, context: CommandContext, command: String)
    throws(UsageError)
  {
    guard arguments.positionals.isEmpty else {
      throw UsageError(
        "\(command) takes no arguments, only options; got \"\(arguments.positionals[0])\"",
        command: command)
    }
    self.arguments = arguments
    asOf = try context.asOf(arguments)
    knownAt = try context.knownAt(arguments)
    format = try context.viewFormat(arguments, command: command)
  }

  /// The ledger's events in force at `asOf` as known at `knownAt`.
  /// - Throws: `LedgerError` when the ledger cannot be read.
  func timeline(_ context: CommandContext) throws(LedgerError) -> Timeline {
    Timeline(try context.readLedger(arguments), asOf: asOf, knownAt: knownAt)
  }

  /// Folds the events in force at `asOf` as known at `knownAt` into `initial`, streaming the
  /// log so that memory stays bounded by the fold's state, not the log's size; a
  /// `compactable` fold (see `LedgerFolder.replay`) may be served from the replay cache.
  /// Invalid lines are left out with a warning on stderr, as `readLedger` does.
  /// - Throws: `LedgerError` when the ledger cannot be read.
  @inline(__always)  // so that the fold's closure reaches the replay loop as a direct call
  func replay<State>(
    _ context: CommandContext, compactable: Bool = false, into initial: State,
    _ apply: (inout State, RecordedEvent) -> Void
  ) throws(LedgerError) -> State {
    let folder = context.folder(arguments)
    let result = try folder.replay(
      asOf: asOf, knownAt: knownAt, reader: context.logReader(), compactable: compactable,
      into: initial, apply)
    context.warn(about: result.problems, in: folder)
    return result.state
  }

  /// The catalogue and the annual volumes at `asOf`, the fold the priority-based views share;
  /// only the reports the annual-volume rule can use are kept, so a long log replays in memory
  /// bounded by the number of services, and the replay cache can serve it.
  /// - Throws: `LedgerError` when the ledger cannot be read.
  func catalogueAndVolumes(_ context: CommandContext) throws(LedgerError)
    -> (catalogue: Catalogue, volumes: VolumeHistory)
  {
    let state = try replay(
      context, compactable: true, into: (Catalogue(), VolumeHistory(retention: .annualVolume))
    ) { state, event in
      state.0.apply(event)
      state.1.apply(event)
    }
    return (state.0, state.1)
  }

  /// Writes `output` in the chosen format, fitted to the terminal; an empty view that
  /// `--known-at` emptied says so (see `CommandContext.writeView`).
  func write(_ output: ViewOutput, _ context: CommandContext) -> Int32 {
    let given = arguments.value("known-at").flatMap { text in knownAt.map { (text, $0) } }
    context.writeView(
      output, format: format, knownAt: given, folder: context.folder(arguments).path
    ) {
      // Asked only for an empty view with --known-at: one more pass, over every event.
      let first = try? context.folder(arguments).replay(
        asOf: CivilDate(dayNumber: .max / 2), knownAt: nil, reader: context.logReader(),
        into: Timestamp?.none
      ) { first, event in
        if first.map({ event.at < $0 }) ?? true { first = event.at }
      }
      return first?.state
    }
    return LedgerCLI.success
  }

  /// `--threshold N`, default 100000.
  /// - Throws: `UsageError` when it is not a whole number ≥ 0.
  static func threshold(_ arguments: ParsedArguments, command: String) throws(UsageError) -> Int {
    guard let text = arguments.value("threshold") else { return Priority.defaultThreshold }
    guard let value = Int(text), value >= 0 else {
      throw UsageError(
        "--threshold \(text) is not a whole number of transactions a year, like 100000",
        command: command)
    }
    return value
  }

  /// `--threshold N`.
  static let thresholdSpec = OptionSpec(
    "threshold", value: "N",
    help: "high-volume means over N transactions a year (default: 100000)")
}
