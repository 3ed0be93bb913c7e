/// The folder rules: what the ledger folder holds besides the log's lines.
///
/// A reader opens only regular `*.jsonl` files directly in the folder, so anything else is
/// left out of the log: these findings say so instead of staying silent.
/// - `not-a-file` (error): a `*.jsonl` entry that is a FIFO, a device, a folder, or a link to
///   nothing, or whose name is not UTF-8; the log is read without it.
/// - `ignored-file` (warning): a file that looks like part of the log but is never read: a
///   hidden `.x.jsonl`, another spelling of the extension (`x.JSONL`), or an editor's or
///   tool's copy (`*.bak`, `*~`, `*.orig`, `*.rej`, `*.swp`, `*.jsonl.tmp`).
/// - `stale-journal` (warning): the note of an append that was cut off
///   (`.ledger-append-in-progress`); readers leave that append's lines out, and the next
///   write or `ledger repair` rolls it back and removes the note. Lines a file gained by other
///   means since (a pull) are never the append's: they are read, and stay. Or the note of a
///   restamp cut off between its renames (`.ledger-restamp-in-progress`): some files have
///   their new stamps and others not yet, and the next write or `ledger repair` finishes it.
public enum FolderRules {
  /// The findings of the folder rules in `rules` for `folder`.
  /// - Throws: `LedgerError` when the folder cannot be listed.
  public static func findings(_ folder: LedgerFolder, rules: Set<CheckRule>) throws(LedgerError)
    -> [Finding]
  {
    var findings: [Finding] = []
    if rules.contains(.notAFile) {
      for (name, kind) in try folder.notLogFiles() {
        let shown = Format.userText(name)
        let message =
          kind == LedgerFolder.nameNotUTF8
          ? "\(shown) is \(kind), so it is not read as part of the log; rename it (`ls -b` "
            + "shows its bytes) to a name in letters, digits, '.', '_' and '-' ending .jsonl"
          : "\(shown) is \(kind), not a regular file, so it is not read as part of the log; "
            + "replace it with the file itself, or remove it"
        findings.append(
          Finding(.notAFile, message: message, at: EventLocation(file: name, line: 0)))
      }
    }
    if rules.contains(.ignoredFile) {
      for name in try folder.names().sorted() where isIgnoredLookalike(name) {
        findings.append(
          Finding(
            .ignoredFile,
            message:
              "\(Format.userText(name)) is never read as part of the log (only NAME.jsonl "
              + "files directly in the folder, not hidden, are); rename it to NAME.jsonl if its "
              + "lines belong in the log, or move it out of the folder",
            at: EventLocation(file: name, line: 0)))
      }
    }
    if rules.contains(.staleJournal), folder.hasFile(AppendJournal.fileName) {
      var isOlder = false
      // Whether any file ends with what the note leaves out: a note whose lengths no longer
      // fall where a file's lines end (the file was replaced, or is shorter) leaves nothing.
      var leavesOut = false
      if case .pending(let journal) = AppendJournal.state(in: folder) {
        isOlder = journal.isFromOlderVersion
        leavesOut = journal.lengths.keys.contains {
          journal.committedLength(of: $0, at: folder.path(of: $0)) != nil
        }
      }
      let leftOut =
        !leavesOut
        ? "it leaves nothing out of the log now (for each file it names, the length it gives "
          + "is at or past the file's end or inside a line, or what follows is not the "
          + "append's), and the next write or `ledger repair` moves nothing"
        : isOlder
          ? "it was left by an older version of ledger and names only each file's length, so "
            + "everything past it is left out of the log, lines a pull added since too; the "
            + "next write or `ledger repair` moves that to NAME.jsonl.torn-TIME beside the "
            + "file (add back any line that is not the batch's with `ledger append`)"
          : "its lines are left out of the log (lines a file gained since by other means, such "
            + "as a pull, are read), and the next write or `ledger repair` rolls it back"
      findings.append(
        Finding(
          .staleJournal,
          message: "\(AppendJournal.fileName) is the note of an append that was cut off; "
            + leftOut + " and removes the note",
          at: EventLocation(file: AppendJournal.fileName, line: 0)))
    }
    if rules.contains(.staleJournal), let finding = cutOffRestamp(folder) {
      findings.append(finding)
    }
    return findings.map { finding in
      var finding = finding
      finding.line = nil
      return finding
    }
  }

  /// The `stale-journal` finding for the note of a restamp cut off between its files
  /// (`RestampJournal`), when `folder` holds one: until the next write finishes it, every
  /// reader reads some of the branch's lines with their old stamps, so views warn of it too.
  public static func cutOffRestamp(_ folder: LedgerFolder) -> Finding? {
    guard folder.hasFile(RestampJournal.fileName) else { return nil }
    return Finding(
      .staleJournal,
      message: "\(RestampJournal.fileName) is the note of a restamp that was cut off: files it "
        + "had not yet replaced are read with their old stamps, so the branch's lines may "
        + "replay out of their order across files; the next write or `ledger repair` gives "
        + "them the stamps it had written when every file is as restamp left it, else says "
        + "which file changed and to run restamp again, and removes the note",
      at: EventLocation(file: RestampJournal.fileName, line: 0))
  }

  /// Whether `name` looks like a log file, or a copy of one, that the log never reads.
  static func isIgnoredLookalike(_ name: String) -> Bool {
    let lower = name.lowercased()
    if name.hasSuffix(".jsonl") && !name.hasPrefix(".") { return false }
    // The tool's own files and repair's side files are expected.
    if name.hasPrefix(".ledger-") || lower.contains(".jsonl.torn-") { return false }
    if lower.hasSuffix(".jsonl") { return true }
    let copies = [".bak", "~", ".orig", ".rej", ".swp", ".tmp", ".jsonl.old"]
    return copies.contains { lower.hasSuffix($0) }
  }
}
