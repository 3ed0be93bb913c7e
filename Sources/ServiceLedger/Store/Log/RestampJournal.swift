#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The note `ledger restamp` leaves in the ledger folder while it replaces the files it
/// restamped: which files, and each one's length and hash before and after.
///
/// It makes a restamp of several files all-or-nothing even when restamp is killed or the
/// machine stops between two of its renames: every file's new bytes are written and synced
/// beside it (`.NAME.jsonl.tmp-restamp`), then the note, synced with the folder, then each
/// file is replaced by a rename, and the note is removed last. The next write, restamp or
/// `ledger repair` finishes what the note names (`finish(in:lock:)`): each file its rename did
/// not reach is replaced by its restamped copy, as long as the file is still the one restamp
/// read and the copy the one it wrote. When any file has changed since (a `git pull`), or any
/// copy has, none is replaced (so that none is left restamped while another is not): the
/// copies are removed and the user is told to run restamp again. Without the note, files
/// restamped and not would put a branch's lines out of their order across files, silently.
///
/// The note is text, a line per file (`NAME\tLENGTH\tHASH\tNEW_LENGTH\tNEW_HASH`, each hash
/// `AppendJournal.lineHash` of the whole file, in hex) and `end` last: a note without its end
/// was cut off while it was written, before any rename, and leaves every file as it is (as
/// does one damaged since; either is removed, and the user told).
struct RestampJournal: Sendable, Equatable {
  /// The note's name in the ledger folder (hidden, and not `*.jsonl`: not part of the log).
  static let fileName = ".ledger-restamp-in-progress"

  /// One file restamp replaces, as it was before and as its restamped copy is.
  struct File: Sendable, Equatable {
    var name: String
    var before: Bytes
    var after: Bytes
  }

  /// A file's length and hash.
  struct Bytes: Sendable, Equatable {
    var length: Int
    var hash: UInt64

    init(length: Int, hash: UInt64) {
      self.length = length
      self.hash = hash
    }

    init(of bytes: [UInt8]) {
      self.init(length: bytes.count, hash: AppendJournal.lineHash(bytes))
    }

    /// Whether `bytes` are these.
    func match(_ bytes: [UInt8]) -> Bool { self == Bytes(of: bytes) }
  }

  var files: [File]

  /// The note for replacing the files named in `files`, each with its bytes before and after.
  init(_ files: [(name: String, before: [UInt8], after: [UInt8])]) {
    self.files = files.map {
      File(name: $0.name, before: Bytes(of: $0.before), after: Bytes(of: $0.after))
    }
  }

  init(files: [File]) { self.files = files }

  /// The note's text.
  var text: String {
    files.map { file in
      [file.before, file.after].reduce(file.name) { line, bytes in
        line + "\t\(bytes.length)\t" + String(bytes.hash, radix: 16)
      } + "\n"
    }.joined() + "end\n"
  }

  /// What a folder holds.
  enum State: Sendable, Equatable {
    /// No note: no restamp was cut off.
    case none
    /// A note that does not read as a whole one: restamp stopped while writing it, before any
    /// rename, or it is not restamp's (damaged, not a regular file, too large to be one).
    case incomplete
    /// A note that cannot be read (its permissions, the disk): nothing can be said of it.
    case unreadable(LedgerError)
    /// A restamp cut off between its renames.
    case pending(RestampJournal)
  }

  /// The most bytes a note may have: a line of at most some 330 bytes per file restamped, for
  /// a ledger of tens of thousands of files. A larger one is not restamp's, and is not read.
  static let maximumSize = 16 << 20

  /// The note in `folder`, if any.
  static func state(in folder: LedgerFolder) -> State {
    var status = stat()
    let path = folder.path(of: fileName)
    guard lstat(path, &status) == 0 else { return .none }
    guard status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= maximumSize else {
      return .incomplete
    }
    let bytes: [UInt8]
    do throws(LedgerError) {
      bytes = try FileIO.readRegular(path)
    } catch {
      return .unreadable(error)
    }
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
      func bytes(at index: Int) -> Bytes? {
        guard let length = Int(fields[index]), length >= 0,
          let hash = UInt64(fields[index + 1], radix: 16)
        else { return nil }
        return Bytes(length: length, hash: hash)
      }
      guard fields.count == 5, LedgerFolder.isValidFileName(String(fields[0])),
        let before = bytes(at: 1), let after = bytes(at: 3)
      else { return nil }
      files.append(File(name: String(fields[0]), before: before, after: after))
    }
    return RestampJournal(files: files)
  }

  /// What finishing a cut-off restamp did.
  struct Finished: Sendable, Equatable {
    /// The files replaced by their restamped copies now.
    var replaced: [String] = []
    /// The files changed since restamp read them, or whose copies were: kept as they are,
    /// their copies removed.
    var changed: [String] = []
    /// The files whose copies were as restamp wrote them, kept with their old stamps all the
    /// same because another had changed.
    var withheld: [String] = []
    /// The files restamp itself had replaced before it was cut off: they keep their new stamps.
    var earlier: [String] = []
    /// Whether the note did not read as a whole one (`State.incomplete`), and was removed.
    var discarded = false
  }

  /// Finishes the restamp a note in `folder` names, if any, and removes the note; the caller
  /// holds the folder's exclusive `lock`.
  /// - Returns: what was done; nil when there was no note.
  /// - Throws: `LedgerError.io` when the note or a file cannot be read, replaced or removed,
  ///   or the note is a folder.
  static func finish(in folder: LedgerFolder, lock: FileLock) throws(LedgerError) -> Finished? {
    let notePath = folder.path(of: fileName)
    var done = Finished()
    switch state(in: folder) {
    case .none:
      return nil
    case .unreadable(let error):
      // Left as it is: it may name files half restamped, which only it can finish.
      guard case .io(let path, let reason) = error else { throw error }
      throw LedgerError.io(
        path: path,
        reason: reason + "; it is the note of a restamp that was cut off: make it readable, "
          + "then try again")
    case .incomplete:
      // A folder is not a note restamp wrote, and cannot be removed as one.
      try FileIO.refuseFolder(at: notePath, for: "a cut-off restamp")
      done.discarded = true
    case .pending(let journal):
      // Checked first, all of them: when any is not as restamp left it, none is replaced, so
      // that the files are never left some restamped and some not by this finish.
      var ready: [(name: String, copy: String, path: String)] = []
      for file in journal.files {
        let path = folder.path(of: file.name)
        let copyPath = try AtomicFile.temporaryPath(for: path, suffix: "restamp")
        let current = try folder.bytes(of: file.name)
        guard isRegularFile(copyPath) else {
          // Its rename was done before the cut, unless the file has changed since.
          if file.after.match(current) {
            done.earlier.append(file.name)
          } else {
            done.changed.append(file.name)
          }
          continue
        }
        let copy = try FileIO.readRegular(copyPath)
        if file.before.match(current), file.after.match(copy) {
          ready.append((file.name, copyPath, path))
        } else {
          try FileIO.remove(copyPath)
          done.changed.append(file.name)
        }
      }
      for file in ready {
        if done.changed.isEmpty {
          guard rename(file.copy, file.path) == 0 else {
            throw FileIO.error(file.path, action: "cannot replace it")
          }
          done.replaced.append(file.name)
        } else {
          try FileIO.remove(file.copy)
          done.withheld.append(file.name)
        }
      }
      guard lock.sync() else { throw FileIO.error(folder.path) }
    }
    try FileIO.remove(notePath)
    guard lock.sync() else { throw FileIO.error(folder.path) }
    return done
  }

  /// Whether `path` is a regular file (not a link, not missing).
  private static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  /// What finishing a cut-off restamp did, in a line for the user.
  static func note(of finished: Finished, in folder: LedgerFolder) -> String {
    func paths(_ names: [String]) -> String { names.map(folder.path(of:)).joined(separator: ", ") }
    let again =
      "run `ledger restamp --base BASE` again (BASE: the copy of the target branch's ledger it "
      + "was run with)"
    guard !finished.discarded else {
      return "removed \(folder.path(of: fileName)), which does not read as the whole note of a "
        + "restamp (cut off while it was written, damaged, or not restamp's), and the restamped "
        + "copies beside the files; a restamp may have been cut off with some files already "
        + "given their new stamps and others not: " + again
    }
    guard finished.changed.isEmpty else {
      var note =
        "a restamp cut off earlier could not be finished: \(paths(finished.changed)) changed "
        + "after restamp read it (or its restamped copy did), and keeps its lines as they are"
      if !finished.withheld.isEmpty {
        note += "; \(paths(finished.withheld)) keeps its old stamps too"
      }
      if !finished.earlier.isEmpty {
        note +=
          "; \(paths(finished.earlier)) already had its new stamps, and keeps them, so the "
          + "branch's lines are half restamped"
      }
      return note + ": " + again
    }
    guard !finished.replaced.isEmpty else {
      return "a restamp cut off earlier was finished first: its files were all replaced "
        + "already, and its note is removed"
    }
    return "a restamp cut off earlier was finished first: \(paths(finished.replaced)) given the "
      + "new stamps it had written"
  }
}
