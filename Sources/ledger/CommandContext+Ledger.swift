import ServiceLedger

extension CommandContext {
  /// This context for a command run with `arguments`: the commands its messages suggest name
  /// the ledger as the user did (`--ledger` or `LEDGER_DIR`; nothing for the default ledger),
  /// in everything it writes to stderr and wherever a command passes text through
  /// `suggestions`, so that a suggestion copied and run acts on the same ledger.
  func suggesting(for arguments: ParsedArguments) -> CommandContext {
    var context = self
    let suggestions = SuggestedCommands(
      ledger: namedLedger(arguments), commands: LedgerCLI.ledgerCommands)
    let writeError = self.writeError
    context.suggestions = suggestions
    context.writeError = { writeError(suggestions.naming($0)) }
    return context
  }

  /// Says on stderr which `*.jsonl` entries of the folder a view left out unread (`not-a-file`:
  /// a folder, a FIFO, a link to nothing: a whole file's events missing), whether a restamp
  /// was cut off between its files (some read with their old stamps), how many invalid lines
  /// it left out, and the first.
  func warn(about problems: [LedgerProblem], in folder: LedgerFolder) {
    // The folder's name is the user's, and may hold anything a terminal acts on.
    let path = Format.userText(folder.path)
    // The fold has just listed the folder; should a second listing fail, check says why.
    let findings =
      ((try? FolderRules.findings(folder, rules: [.notAFile])) ?? [])
      + [FolderRules.cutOffRestamp(folder)].compactMap { $0 }
    for finding in findings {
      writeError("ledger: warning: \(path): \(Format.terminalSafe(finding.message))\n")
    }
    guard let first = problems.first else { return }
    writeError(
      "ledger: warning: \(problems.count) invalid line(s) in \(path) left out, "
        + "first \(path)/\(Format.terminalSafe(first.description)); "
        + "run `ledger check` for all\n")
  }

  /// The log reader: the fast decoder unless `LEDGER_DECODER` names another path
  /// (`standard`: the full parser for every line; `foundation`: Foundation's JSONDecoder, the
  /// benchmark's baseline only, which accepts some lines the others refuse). `fast` and
  /// `standard` give the same events.
  func logReader() -> LogFileReader {
    var reader = LogFileReader()
    reader.path = environment["LEDGER_DECODER"].flatMap(DecodingPath.init(rawValue:)) ?? .fast
    return reader
  }

  /// `--format` for a view (`table`, `json`, `csv`, `markdown`).
  /// - Throws: `UsageError` for another format.
  func viewFormat(_ arguments: ParsedArguments, command: String) throws(UsageError)
    -> ViewFormat
  {
    ViewFormat(rawValue: try format(arguments, ViewFormat.names, command: command)) ?? .table
  }
}

extension CommandContext {
  /// The writer for `folder`: it stamps `at` with the recording clock (`LEDGER_NOW` or the
  /// real clock) under the folder's lock, and has the fault-injection test hook when
  /// `LEDGER_TEST_FAULT` (`fail:N` or `kill:N`) is set.
  /// - Throws: `UsageError` when `LEDGER_NOW` or `LEDGER_TEST_FAULT` cannot be read.
  func writer(for folder: LedgerFolder) throws(UsageError) -> LedgerWriter {
    var writer = LedgerWriter(folder: folder, faults: try faults(), clock: try recordingClock())
    writer.settledBatches = SettledBatches()
    return writer
  }

  /// The fault-injection test hook, when `LEDGER_TEST_FAULT` (`fail:N` or `kill:N`) is set.
  /// - Throws: `UsageError` when it cannot be read.
  func faults() throws(UsageError) -> FaultInjection? {
    guard let text = environment["LEDGER_TEST_FAULT"], !text.isEmpty else { return nil }
    guard let injection = FaultInjection(text) else {
      throw UsageError("LEDGER_TEST_FAULT=\(Format.userText(text)) is not fail:N or kill:N")
    }
    return injection
  }

  /// Tells the user (on stderr) what `writer` rolled back before writing.
  func report(settledBy writer: LedgerWriter) {
    for note in writer.settledBatches?.notes(in: writer.folder) ?? [] {
      writeError("ledger: note: " + Format.terminalSafe(note) + "\n")
    }
  }
}
