#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The note `ledger restamp` leaves in the ledger folder while it replaces the files it
/// restamped: which files, and each one's length and hash before.
///
/// It makes a restamp of several files all-or-nothing even when restamp is killed or the
/// machine stops between two of its renames: every file's new bytes are written and synced
/// beside it (`.NAME.jsonl.tmp-restamp`), then the note, synced with the folder, then each
/// file is replaced by a rename, and the note is removed last. The next write, restamp or
/// `ledger repair` finishes what the note names (`finish(in:lock:)`): each file its rename did
/// not reach is replaced by its restamped copy, as long as it is still the file restamp read.
/// A file changed since (a `git pull`) keeps its lines; its copy is removed and the user is
/// told to run restamp again. Without the note, files restamped and not would put a branch's
/// lines out of their order across files, silently.
///
/// The note is text, a line per file (`NAME\tLENGTH\tHASH`, the hash `AppendJournal.lineHash`
/// of the whole file, in hex) and `end` last: a note without its end was cut off while it was
/// written, before any rename, and leaves every file as it is.
struct RestampJournal: Sendable, Equatable {
  /// The note's name in the ledger folder (hidden, and not `*.jsonl`: not part of the log).
  static let fileName = ".ledger-restamp-in-progress"

  /// One file restamp replaces, as it was before.
  struct File: Sendable, Equatable {
    var name: String
    var length: Int
    var hash: UInt64
  }

  var files: [File]

  /// The note for replacing the files named in `before`, each with its bytes then.
  init(before: [(name: String, bytes: [UInt8])]) {
    files = before.map {
      File(name: $0.name, length: $0.bytes.count, hash: AppendJournal.lineHash($0.bytes))
    }
  }

  init(files: [File]) { self.files = files }

  /// The note's text.
  var text: String {
    files.map { "\($0.name)\t\($0.length)\t\(String($0.hash, radix: 16))\n" }.joined() + "end\n"
  }

  /// What a folder holds.
  enum State: Sendable, Equatable {
    /// No note: no restamp was cut off.
    case none
    /// A note without its end: restamp stopped while writing it, before any rename.
    case incomplete
    /// A restamp cut off between its renames.
    case pending(RestampJournal)
  }

  /// The note in `folder`, if any.
  static func state(in folder: LedgerFolder) -> State {
    guard folder.hasFile(fileName) else { return .none }
    guard let bytes = try? folder.bytes(of: fileName) else { return .incomplete }
    return parse(String(decoding: bytes, as: UTF8.self)).map(State.pending) ?? .incomplete
  }

  /// The note of `text`, or nil when it does not end as a whole note does.
  static func parse(_ text: String) -> RestampJournal? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard text.hasSuffix("end\n"), lines.removeLast().isEmpty, lines.removeLast() == "end" else {
      return nil
    }
    var files: [File] = []
    for line in lines {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3, LedgerFolder.isValidFileName(String(fields[0])),
        let length = Int(fields[1]), length >= 0, let hash = UInt64(fields[2], radix: 16)
      else { return nil }
      files.append(File(name: String(fields[0]), length: length, hash: hash))
    }
    return RestampJournal(files: files)
  }

  /// What finishing a cut-off restamp did.
  struct Finished: Sendable, Equatable {
    /// The files replaced by their restamped copies now.
    var replaced: [String] = []
    /// The files changed since restamp read them: kept as they are, their copies removed.
    var changed: [String] = []
  }

  /// Finishes the restamp a note in `folder` names, if any, and removes the note; the caller
  /// holds the folder's exclusive `lock`.
  /// - Returns: what was done; nil when there was no note, or one cut off before any rename.
  /// - Throws: `LedgerError.io` when a file cannot be read, replaced or removed.
  static func finish(in folder: LedgerFolder, lock: FileLock) throws(LedgerError) -> Finished? {
    let state = state(in: folder)
    guard state != .none else { return nil }
    var finished: Finished?
    if case .pending(let journal) = state {
      var done = Finished()
      for file in journal.files {
        let path = folder.path(of: file.name)
        let copy = try AtomicFile.temporaryPath(for: path, suffix: "restamp")
        // Its rename was done before the cut.
        guard access(copy, F_OK) == 0 else { continue }
        let bytes = (try? folder.bytes(of: file.name)) ?? []
        if bytes.count == file.length, AppendJournal.lineHash(bytes) == file.hash {
          guard rename(copy, path) == 0 else {
            throw FileIO.error(path, action: "cannot replace it")
          }
          done.replaced.append(file.name)
        } else {
          try FileIO.remove(copy)
          done.changed.append(file.name)
        }
      }
      guard lock.sync() else { throw FileIO.error(folder.path) }
      finished = done
    }
    try FileIO.remove(folder.path(of: fileName))
    guard lock.sync() else { throw FileIO.error(folder.path) }
    return finished
  }

  /// What finishing a cut-off restamp did, in a line for the user.
  static func note(of finished: Finished, in folder: LedgerFolder) -> String {
    var note = "a restamp cut off earlier was finished first"
    if finished.replaced.isEmpty && finished.changed.isEmpty {
      note += ": its files were all replaced already, and its note is removed"
    }
    if !finished.replaced.isEmpty {
      note +=
        ": " + finished.replaced.map(folder.path(of:)).joined(separator: ", ")
        + " given the new stamps it had written"
    }
    if !finished.changed.isEmpty {
      note +=
        "; " + finished.changed.map(folder.path(of:)).joined(separator: ", ")
        + " changed since it read them and kept as they are: run `ledger restamp --base BASE` "
        + "again"
    }
    return note
  }
}
