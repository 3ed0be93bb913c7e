import ServiceLedger

/// `ledger repair`: move what a cut-off write left aside, so the log is valid again.
struct RepairCommand: Command {
  static let name = "repair"
  static let summary = "move a torn last line or an unfinished batch to a side file"
  static let usage = "ledger repair [--ledger DIR]"
  static let options: [OptionSpec] = [.ledger]
  static let discussion = """
    A write cut off by a crash or a kill leaves a last line without a newline, or (for a
    batch) lines of an append that did not finish. `ledger check` reports them as torn-line,
    and appends are refused until they are gone. Under the ledger's lock, repair moves exactly
    those bytes to NAME.jsonl.torn-TIMESTAMP beside the file (not part of the log) and deletes
    nothing. To keep what was moved, fix it and add it again with `ledger append`. A restamp
    cut off between its files is finished first (each file it had not yet replaced gets the
    new stamps it had written), when every file is as restamp left it; when one has changed
    since, none is replaced and repair says to run restamp again. Prints "nothing to repair"
    when there is nothing to do.
    """

  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("repair takes no arguments, only options", command: Self.name)
    }
    self.arguments = arguments
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let outcome = try LedgerRepair(folder: folder).repair(now: try context.now())
    // The folder's name and the files' are the user's: each is shown escaped, so that a
    // newline in one cannot start a line, nothing in one can drive the terminal and no
    // backquote in one pairs with those of the `ledger append` below.
    func shown(_ name: String) -> String { Format.userText(folder.path(of: name)) }
    var out = outcome.finishedRestamp.map { $0 + "\n" } ?? ""
    for move in outcome.moves {
      let what =
        move.reason == .tornLine
        ? "the torn last line (\(move.byteCount) bytes)"
        : "an unfinished batch (\(move.lineCount) line(s), \(move.byteCount) bytes)"
      out +=
        "\(shown(move.file)):\(move.line): moved \(what) to \(shown(move.sideFile))\n"
    }
    if outcome.removedJournal {
      out += "removed \(shown(AppendJournal.fileName)), the note of a cut-off append\n"
    }
    if outcome.moves.isEmpty && !outcome.removedJournal && outcome.finishedRestamp == nil {
      out += "nothing to repair in \(Format.userText(folder.path))\n"
    } else if !outcome.moves.isEmpty {
      out += "nothing was deleted: to keep a moved line, fix it and add it with `ledger append`\n"
    }
    context.write(context.suggestions.naming(out))
    if !outcome.remainingProblems.isEmpty {
      context.writeError(
        "ledger repair: warning: \(outcome.remainingProblems.count) invalid line(s) remain, "
          + "which repair does not change; run `ledger check` to see them\n")
    }
    return LedgerCLI.success
  }
}
