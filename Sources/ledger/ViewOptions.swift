import ServiceLedger

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
        "\(command) takes no arguments, only options; got "
          + Format.quoted(arguments.positionals[0]),
        command: command)
    }
    self.arguments = arguments
    asOf = try context.asOf(arguments)
    knownAt = try context.knownAt(arguments)
    format = try context.viewFormat(arguments, command: command)
  }

  /// Folds the events in force at `asOf` as known at `knownAt` into `initial` through the
  /// replay engine (`LedgerFolder.fold`): streamed, so memory stays bounded by the fold's
  /// state, or served from the replay cache when it keeps what the fold reads. Invalid lines
  /// are left out with a warning on stderr (`CommandContext.warn(about:in:)`).
  /// - Throws: `LedgerError` when the ledger cannot be read.
  func fold<F: Fold>(_ initial: F, _ context: CommandContext) throws(LedgerError) -> F {
    let folder = context.folder(arguments)
    let result = try folder.fold(
      initial, asOf: asOf, knownAt: knownAt, reader: context.logReader())
    context.warn(about: result.problems, in: folder)
    return result.fold
  }

  /// The catalogue and the annual volumes at `asOf`, the fold the priority-based views share;
  /// only the reports the annual-volume rule can use are kept, so a long log replays in memory
  /// bounded by the number of services, and the replay cache (which keeps no KPI reports, and
  /// of volume reports those) can serve it.
  /// - Throws: `LedgerError` when the ledger cannot be read.
  func catalogueAndVolumes(_ context: CommandContext) throws(LedgerError)
    -> (catalogue: Catalogue, volumes: VolumeHistory)
  {
    let volumes = VolumeHistory(retention: .annualVolume, readsKPIs: false)
    let pair = try fold(FoldPair(Catalogue(), volumes), context)
    return (pair.first, pair.second)
  }

  /// Writes `output` in the chosen format, fitted to the terminal; an empty view that
  /// `--known-at` emptied says so (see `CommandContext.writeView`).
  func write(_ output: ViewOutput, _ context: CommandContext) -> Int32 {
    let given = arguments.value("known-at").flatMap { text in knownAt.map { (text, $0) } }
    context.writeView(
      output, format: format, knownAt: given, folder: context.folder(arguments).path
    ) {
      // Asked only for an empty view with --known-at: one more pass, over every event.
      try? context.folder(arguments).fold(
        FirstRecorded(), asOf: nil, knownAt: nil, reader: context.logReader()
      ).fold.at
    }
    return LedgerCLI.success
  }

  /// `--threshold N`, default 100000.
  /// - Throws: `UsageError` when it is not a whole number ≥ 0.
  static func threshold(_ arguments: ParsedArguments, command: String) throws(UsageError) -> Int {
    guard let text = arguments.value("threshold") else { return Priority.defaultThreshold }
    guard let value = Int(text), value >= 0 else {
      throw UsageError(
        "--threshold \(Format.userText(text)) is not a whole number of transactions a year, "
          + "like 100000",
        command: command)
    }
    return value
  }

  /// `--threshold N`.
  static let thresholdSpec = OptionSpec(
    "threshold", value: "N",
    help: "high-volume means over N transactions a year (default: 100000)")
}
