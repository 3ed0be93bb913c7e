import Foundation
import ServiceLedger

/// What a command may use of the outside world: environment, clock, ids, input and output.
/// Tests build one with fixed values; `main` builds the real one.
struct CommandContext {
  /// Environment variables (`LEDGER_DIR`, `LEDGER_NOW`, `LEDGER_ACTOR`, `LEDGER_SEED`, `USER`).
  var environment: [String: String]
  /// The real clock, used when `LEDGER_NOW` is not set.
  var clock: @Sendable () -> Timestamp
  /// New event ids, used when `LEDGER_SEED` is not set.
  var makeID: @Sendable () -> EventID
  /// Reads all of standard input.
  var readInput: () throws -> [UInt8]
  /// Writes to standard output.
  var write: (String) -> Void
  /// Writes to standard error.
  var writeError: (String) -> Void
  /// Standard output's terminal, or nil when output goes to a pipe or a file (and in tests,
  /// unless they say otherwise). Tables fit a terminal's width and are full width otherwise.
  var terminal: OutputTerminal? = nil
  /// How the commands that messages suggest name the ledger; set by `suggesting(for:)` once a
  /// command's arguments are read. Until then nothing is named.
  var suggestions = SuggestedCommands(ledger: nil, commands: [])

  init(
    environment: [String: String], clock: @escaping @Sendable () -> Timestamp,
    makeID: @escaping @Sendable () -> EventID, readInput: @escaping () throws -> [UInt8],
    write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
  ) {
    self.environment = environment
    self.clock = clock
    self.makeID = makeID
    self.readInput = readInput
    self.write = write
    self.writeError = writeError
  }

  /// Now: `LEDGER_NOW` when set (a timestamp or a date), else the clock.
  /// - Throws: `UsageError` when `LEDGER_NOW` cannot be read.
  func now() throws(UsageError) -> Timestamp {
    guard let text = environment["LEDGER_NOW"], !text.isEmpty else { return clock() }
    guard let now = Self.timestamp(text) else {
      throw UsageError(
        "LEDGER_NOW=\(Format.userText(text)) is not an RFC 3339 UTC time like 2014-04-02T09:30:00Z")
    }
    return now
  }

  /// The id source: deterministic from `LEDGER_SEED` and the recording time when set
  /// (reproducible builds and tests), else `makeID`.
  func idSource() throws(UsageError) -> @Sendable () -> EventID {
    guard let text = environment["LEDGER_SEED"], !text.isEmpty else { return makeID }
    guard let seed = UInt64(text) else {
      throw UsageError("LEDGER_SEED=\(Format.userText(text)) is not a whole number")
    }
    // Mixed with the recording time, so that runs at different LEDGER_NOW values with the
    // same seed do not repeat ids, while the same seed and time always give the same ids.
    let now = try self.now()
    return SeededIDGenerator(seed: seed ^ UInt64(bitPattern: Int64(now.seconds))).next
  }

  /// The ledger folder: `--ledger`, else `LEDGER_DIR`, else `events`.
  func folder(_ arguments: ParsedArguments) -> LedgerFolder {
    LedgerFolder(path: namedLedger(arguments) ?? "events")
  }

  /// The ledger folder as the user named it, `--ledger` else `LEDGER_DIR`, or nil for the
  /// default ledger (`events`), the one a command reaches when neither is given.
  func namedLedger(_ arguments: ParsedArguments) -> String? {
    arguments.value("ledger") ?? environment["LEDGER_DIR"]
  }

  /// Refuses an empty ledger folder name (`--ledger ""`, `LEDGER_DIR=`): it names no folder,
  /// and taken as a path its files would be at the root of the file system.
  /// - Throws: `UsageError` saying what to give instead.
  func checkNamedLedger(_ arguments: ParsedArguments) throws(UsageError) {
    if arguments.value("ledger") == "" {
      throw UsageError("--ledger is empty: give the ledger folder (`.` for the current folder)")
    }
    if arguments.value("ledger") == nil, environment["LEDGER_DIR"] == "" {
      throw UsageError(
        "LEDGER_DIR is set but empty: set it to the ledger folder, or `unset LEDGER_DIR` for "
          + "the default, ./events")
    }
  }

  /// The actor: `--by`, else `LEDGER_ACTOR`, else `USER`.
  /// - Throws: `UsageError` when none is set or it breaks the actor syntax.
  func actor(_ arguments: ParsedArguments) throws(UsageError) -> ActorID {
    guard
      let text = arguments.value("by") ?? environment["LEDGER_ACTOR"] ?? environment["USER"]
    else {
      throw UsageError("who is recording this? give --by ACTOR or set LEDGER_ACTOR")
    }
    guard let actor = ActorID.validated(text) else {
      throw UsageError("actor \(Format.quoted(text)) is not \(ActorID.syntax); give --by ACTOR")
    }
    return actor
  }

  /// `--as-of DATE`, default today (from `now()`).
  /// - Throws: `UsageError` for a date that is not `YYYY-MM-DD`.
  func asOf(_ arguments: ParsedArguments) throws(UsageError) -> CivilDate {
    guard let text = arguments.value("as-of") else { return try now().date }
    return try Self.date(text, option: "--as-of")
  }

  /// `--known-at TIMESTAMP` (a date means the end of that day), or nil.
  /// - Throws: `UsageError` when it cannot be read.
  func knownAt(_ arguments: ParsedArguments) throws(UsageError) -> Timestamp? {
    guard let text = arguments.value("known-at") else { return nil }
    guard let timestamp = Self.timestamp(text) else {
      throw UsageError(
        "--known-at \(Format.userText(text)) is not a time like 2015-04-20T10:00:00Z or a date "
          + "like 2015-04-20")
    }
    // The machine's clock, not LEDGER_NOW: nothing can be recorded later than it (plus the
    // tolerance a writer allows), so a --known-at past that could still change.
    let now = clock()
    guard timestamp.seconds <= now.seconds + KnowledgeTime.tolerance else {
      throw UsageError(
        "--known-at \(Format.userText(text)) is in the future (it is now \(now)): what is "
          + "recorded before then could still change the output; give a time that has passed, "
          + "or leave --known-at out to see everything recorded so far")
    }
    return timestamp
  }

  /// `--format`, checked against `formats` (the first is the default).
  /// - Throws: `UsageError` for a format the command does not have.
  func format(_ arguments: ParsedArguments, _ formats: [String], command: String)
    throws(UsageError) -> String
  {
    guard let format = arguments.value("format") else { return formats.first ?? "" }
    guard formats.contains(format) else {
      throw UsageError(
        "\(command) has no format \(Format.quoted(format)); use one of "
          + formats.joined(separator: ", "), command: command)
    }
    return format
  }

  /// A strict `YYYY-MM-DD` date for an option.
  /// - Throws: `UsageError` naming the option.
  static func date(_ text: String, option: String) throws(UsageError) -> CivilDate {
    guard let date = CivilDate(text) else {
      throw UsageError("\(option) \(Format.userText(text)) is not a real date YYYY-MM-DD")
    }
    return date
  }

  /// A timestamp, or a date meaning the last second of that day.
  static func timestamp(_ text: String) -> Timestamp? {
    if let timestamp = Timestamp(text) { return timestamp }
    guard let date = CivilDate(text) else { return nil }
    return Timestamp(seconds: date.dayNumber * 86_400 + 86_399, nanoseconds: 999_999_999)
  }
}
