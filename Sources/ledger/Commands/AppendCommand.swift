import ServiceLedger

/// `ledger append [FILE]`: append JSON-lines events, all or nothing.
struct AppendCommand: Command {
  static let name = "append"
  static let summary = "append JSON-lines events from a file or stdin, all or nothing"
  static let usage =
    "ledger append [FILE] [--ledger DIR] [--file NAME.jsonl] [--by ACTOR] [--history]"
  static let options: [OptionSpec] = [
    .ledger, .file, .by,
    OptionSpec(
      "history", value: nil,
      help: "import a past ledger with its original at times (into an empty ledger only)"),
  ]
  static let discussion = """
    Each input line is an event object; `id`, `at` and `by` may be left out and are filled in.
    Either every line is valid and written, or nothing is. Blank input lines are skipped.
    `at` is when the event was recorded: left out, it is stamped under the ledger's lock, later
    than every `at` in the ledger; given, it must be later than all of them and not in the
    future. --history takes each line's own `at`, into an empty ledger only.
    Example:
      echo '{"type":"phase.entered","data":{"service":"moj-prison-visit-booking",
        "phase":"beta","on":"2014-03-01"}}' | ledger append
    """

  let input: String?
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("append reads one FILE (or stdin)", command: Self.name)
    }
    input = arguments.positionals.first
    self.arguments = arguments
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let file = arguments.value("file") ?? LedgerFolder.defaultFile
    // `-` is standard input, and is called that, as with no FILE.
    let path = input == "-" ? nil : input
    let source = path ?? "stdin"
    let bytes: [UInt8]
    if let path {
      bytes = try BoundedInput.read(path: path, lineLimit: LogFileReader.maximumLineLength)
    } else {
      bytes = try context.readInput()
    }
    var writer = try context.writer(for: folder)
    if arguments.flag("history") { writer.mode = .history }
    defer { context.report(settledBy: writer) }
    let makeID = try context.idSource()
    let actor = try context.actor(arguments)
    var count = 0
    // Decoded under the lock, so that `at` left to the tool is read from the clock there.
    _ = try writer.appendEvents(source: source, validation: .cached) { () throws(LedgerError) in
      let decoder = EnvelopeDecoder(defaults: .init(id: makeID, at: .unstamped, by: actor))
      let events = try InputLines.events(bytes, decoder: decoder, source: source)
      count = events.count
      return [(file, events)]
    }
    guard count > 0 else {
      context.write("nothing to append: \(Format.terminalSafe(source)) has no events\n")
      return LedgerCLI.success
    }
    context.write("appended \(count) event(s) to \(Format.terminalSafe(folder.path(of: file)))\n")
    return LedgerCLI.success
  }
}

/// Reads input for `append`: one JSON object per line.
enum InputLines {
  /// Decodes every non-blank line.
  /// - Throws: `LedgerError.rejected` naming the first line (and column) that is wrong.
  static func events(_ bytes: [UInt8], decoder: EnvelopeDecoder, source: String)
    throws(LedgerError) -> [RecordedEvent]
  {
    var events: [RecordedEvent] = []
    // The input line of each id, for an id given twice (the log's ids are the writer's).
    var lines: [EventID: Int] = [:]
    var lineNumber = 0
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
      if trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
      guard trimmed.count <= LogFileReader.maximumLineLength else {
        throw LedgerError.rejected(
          source: source, line: lineNumber, reason: "line is longer than the 1 MiB limit")
      }
      if let offset = UTF8Check.firstInvalidOffset(ArraySlice(trimmed)) {
        throw LedgerError.rejected(
          source: "\(source):\(lineNumber)", line: offset + 1,
          reason: "invalid UTF-8; save the input as UTF-8 text")
      }
      let parsed = trimmed.withUnsafeBytes { raw in
        Result<JSONValue, JSONSyntaxError> { () throws(JSONSyntaxError) in
          try JSONParser.parse(raw)
        }
      }
      let value: JSONValue
      switch parsed {
      case .success(let parsedValue): value = parsedValue
      case .failure(let error):
        throw LedgerError.rejected(
          source: "\(source):\(lineNumber)", line: error.column, reason: error.reason)
      }
      let event: RecordedEvent
      do throws(EventError) {
        // The input line goes with the event, for the writer's refusals to name.
        event = try decoder.decode(value, location: EventLocation(file: source, line: lineNumber))
      } catch {
        throw LedgerError.rejected(source: source, line: lineNumber, reason: error.description)
      }
      if let first = lines.updateValue(lineNumber, forKey: event.id) {
        throw LedgerError.rejected(
          source: source, line: lineNumber,
          reason:
            "id: \(event.id) is also the id of line \(first) of \(Format.userText(source)): "
            + "each event needs its own id; leave id out to have one made")
      }
      events.append(event)
    }
    return events
  }
}
