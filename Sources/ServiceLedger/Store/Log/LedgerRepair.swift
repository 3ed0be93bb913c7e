#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ledger repair`: moves what a cut-off write left in the log to side files, deleting nothing.
///
/// Under the folder's exclusive lock it moves (1) the lines of a batch that an `AppendJournal`
/// shows did not finish, and (2) a torn last line (bytes after the last `\n`) of any file,
/// each to `NAME.jsonl.torn-TIMESTAMP` beside the file (not `*.jsonl`, so not part of the log).
/// The side file is written and `fsync`ed before the log file is truncated, so a crash during
/// repair can leave a fragment in both places but never in neither. Nothing else is touched.
public struct LedgerRepair: Sendable {
  /// Bytes moved out of a log file.
  public struct Move: Sendable, Equatable {
    /// Why they were moved.
    public enum Reason: String, Sendable {
      /// A last line without `\n`.
      case tornLine = "torn last line"
      /// Lines of a batch that was cut off before it finished.
      case unfinishedBatch = "unfinished batch"
    }
    /// The log file, by name in the folder.
    public var file: String
    /// The first line moved (1-based).
    public var line: Int
    /// How many lines were moved (a torn line counts as one).
    public var lineCount: Int
    /// How many bytes were moved.
    public var byteCount: Int
    /// The side file they were moved to, by name in the folder.
    public var sideFile: String
    public var reason: Reason
  }

  /// What a repair did.
  public struct Outcome: Sendable, Equatable {
    /// Every move, by file.
    public var moves: [Move]
    /// Whether an append journal was removed.
    public var removedJournal: Bool
    /// What finishing a restamp cut off between its renames did (`RestampJournal`), in a line
    /// for the user; nil when none was.
    public var finishedRestamp: String?
    /// The log's problems after the repair: not torn lines, but what `ledger check` reports.
    public var remainingProblems: [LedgerProblem]
  }

  /// The folder repaired.
  public let folder: LedgerFolder

  public init(folder: LedgerFolder) { self.folder = folder }

  /// Repairs the folder.
  /// - Parameter now: the time put in side files' names.
  /// - Returns: what was moved and what problems remain.
  /// - Throws: `LedgerError.noLedger`, or `LedgerError.io` when a file cannot be read or
  ///   written (the log is then as it was, or with a fragment also copied to a side file).
  public func repair(now: Timestamp) throws(LedgerError) -> Outcome {
    guard folder.exists else { throw folder.absence() }
    let lock = try FileLock(path: folder.path, create: false)
    defer { lock.unlock() }
    var outcome = Outcome(moves: [], removedJournal: false, remainingProblems: [])
    outcome.finishedRestamp = try RestampJournal.finish(in: folder, lock: lock).map {
      RestampJournal.note(of: $0, in: folder)
    }
    folder.removeStaleTemporaryFiles()
    let suffix = ".torn-" + now.description.filter { $0 != "-" && $0 != ":" }
    let settled = try settleJournal(lock: lock, suffix: suffix)
    outcome.moves = settled.moves
    outcome.removedJournal = settled.removedJournal
    for name in try folder.fileNames() {
      let tail = try FileTail(path: folder.path(of: name))
      defer { tail.closeFile() }
      guard tail.size > 0, try tail.byte(at: tail.size - 1) != UInt8(ascii: "\n") else {
        continue
      }
      outcome.moves.append(
        try moveAside(
          tail, from: try tail.lastLineStart(), of: name, suffix: suffix, lock: lock,
          reason: .tornLine))
    }
    outcome.remainingProblems =
      try folder.streamed(
        asOf: nil, knownAt: nil, reader: LogFileReader(), savingCache: false, into: ()
      ) { _, _ in }.summary.problems
    return outcome
  }

  /// Moves the lines of a batch that an `AppendJournal` shows did not finish to side files and
  /// removes the journal; the caller holds the folder's exclusive `lock`.
  /// - Parameters:
  ///   - lock: the folder's exclusive lock, held by the caller.
  ///   - suffix: added to a file's name to name its side file; nil for one from the time the
  ///     journal was written (for a writer, which has no clock of its own).
  /// - Returns: what was moved, and whether there was a journal to remove.
  /// - Throws: `LedgerError.io` when a file cannot be read or written.
  func settleJournal(lock: FileLock, suffix: String?) throws(LedgerError) -> (
    moves: [Move], removedJournal: Bool
  ) {
    let journalState = AppendJournal.state(in: folder)
    guard journalState != .none else { return ([], false) }
    let journalPath = folder.path(of: AppendJournal.fileName)
    try FileIO.refuseFolder(at: journalPath, for: "a cut-off append")
    let suffix = suffix ?? journalSuffix()
    var moves: [Move] = []
    if case .pending(let journal) = journalState {
      for name in journal.lengths.keys.sorted() {
        let path = folder.path(of: name)
        guard let committed = journal.committedLength(of: name, at: path) else { continue }
        let tail = try FileTail(path: path)
        defer { tail.closeFile() }
        moves.append(
          try moveAside(
            tail, from: committed, of: name, suffix: suffix, lock: lock,
            reason: .unfinishedBatch))
      }
    }
    try FileIO.remove(journalPath)
    guard lock.sync() else { throw FileIO.error(folder.path) }
    return (moves, true)
  }

  /// `.torn-TIME` from the journal's modification time: when the batch was cut off.
  private func journalSuffix() -> String {
    var status = stat()
    let seconds =
      stat(folder.path(of: AppendJournal.fileName), &status) == 0
      ? Int(status.st_mtim.tv_sec) : 0
    return ".torn-" + Timestamp(seconds: seconds).description.filter { $0 != "-" && $0 != ":" }
  }

  /// `NAME.jsonl` + `suffix`, with NAME cut short to fit the 255 bytes of a file name: a log
  /// file's name may be that long, and its side file must still be made. Log file names are
  /// ASCII, a byte a character.
  static func sideFileName(_ name: String, suffix: String) -> String {
    let tail = ".jsonl" + suffix
    let stem = name.hasSuffix(".jsonl") ? name.dropLast(6) : Substring(name)
    return String(stem.prefix(max(255 - tail.utf8.count, 1))) + tail
  }

  /// Copies the bytes of file `name` (open as `tail`) from `start` to a new side file, then
  /// truncates the file to `start`.
  private func moveAside(
    _ tail: FileTail, from start: Int, of name: String, suffix: String, lock: FileLock,
    reason: Move.Reason
  ) throws(LedgerError) -> Move {
    // Repair cuts the file: only one in the folder, as appends write only there.
    try folder.checkAppendTarget(name)
    let line = try tail.lineNumber(at: start)
    let fragment = try tail.bytes(from: start)
    var sideFile = Self.sideFileName(name, suffix: suffix)
    var attempt = 1
    do throws(LedgerError) {
      while try !FileIO.createNew(folder.path(of: sideFile), bytes: fragment) {
        attempt += 1
        sideFile = Self.sideFileName(name, suffix: suffix + "-\(attempt)")
      }
    } catch {
      // A full disk: the log is untouched, and the side file is gone again.
      guard case .io(_, let reason) = error else { throw error }
      // The system's words may already say what to do (a full disk, not a size limit).
      let advice =
        reason.hasSuffix(FileIO.roomAdvice) ? "" : ": make room on the disk, then try again"
      throw error.adding("nothing was moved" + advice)
    }
    guard lock.sync() else { throw FileIO.error(folder.path) }
    try FileIO.truncate(folder.path(of: name), to: start)
    let lineCount =
      fragment.filter { $0 == UInt8(ascii: "\n") }.count
      + (fragment.last == UInt8(ascii: "\n") ? 0 : 1)
    return Move(
      file: name, line: line, lineCount: lineCount, byteCount: fragment.count,
      sideFile: sideFile, reason: reason)
  }
}
