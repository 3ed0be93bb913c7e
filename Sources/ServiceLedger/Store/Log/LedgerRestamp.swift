#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ledger restamp --base BASE`: gives the lines not yet in the base new `at` stamps, later
/// than every `at` in the base, in their replay order, so that a branch's events land as
/// recorded when they land (the `backdated` rule of `ledger check --base`).
///
/// Under the folder's exclusive lock: every file of the base must be in the ledger, and each
/// must begin with its base copy (to its last `\n`) byte for byte (lines of the base are never
/// touched); when any line after those is stamped no later than the base's latest, all of
/// them are put in replay order, stamped (`KnowledgeTime`: the clock to the microsecond, or a
/// microsecond after the one before), written back in their places in the writer's layout,
/// and the whole log is checked before any file is replaced. Every file's new bytes are written
/// and synced beside it before any replaces its file (each by a rename), so a write that fails
/// (a full disk) leaves every file as it was: files restamped and not would put a branch's
/// lines out of their order across files. A note (`RestampJournal`) written before the first
/// rename lets the next write, restamp or repair finish the renames of a restamp killed
/// between them.
public struct LedgerRestamp: Sendable {
  public let folder: LedgerFolder
  /// The test hook that fails or kills a write or sync (`FaultInjection`); nil in use.
  public var faults: FaultInjection?
  /// Where the lines of an append cut off earlier, rolled back before restamping, are told,
  /// for the command to report (as a writer's are); nil to keep no account.
  public var settledBatches: SettledBatches?

  public init(folder: LedgerFolder, faults: FaultInjection? = nil) {
    self.folder = folder
    self.faults = faults
  }

  /// Restamps the new lines, when any of them is backdated: those of every file not yet in the
  /// base, or with a base of one file, those of the ledger's file of its name (`LedgerBase`).
  /// - Parameters:
  ///   - ledgerBase: the ledger as merged.
  ///   - now: the clock.
  /// - Returns: how many lines got a new stamp, by file name (none when none was backdated).
  /// - Throws: `LedgerError.io` when the base cannot be read; `LedgerError.rejected` when a
  ///   file of the base is missing or does not begin with its base copy, a line is invalid, or
  ///   the log would be invalid after restamping; nothing is changed then.
  public func restamp(from ledgerBase: LedgerBase, now: Timestamp) throws(LedgerError)
    -> [String: Int]
  {
    let base = try ledgerBase.files()
    let latest = try ledgerBase.latestAt()
    guard folder.exists else { throw folder.absence() }
    let lock = try FileLock(path: folder.path, create: false)
    defer { lock.unlock() }
    var writer = LedgerWriter(folder: folder)
    writer.settledBatches = settledBatches
    try writer.settle(lock: lock)
    let reader = LogFileReader()
    var contents: [String: LogFileReader.FileContents] = [:]
    var current: [String: [UInt8]] = [:]
    let names = try folder.fileNames()
    if let only = ledgerBase.fileName, !names.contains(only) {
      throw LedgerError.rejected(
        source: ledgerBase.path, line: 0,
        reason: "the ledger has no file named \(only): a base given as one file is compared "
          + "with the ledger's file of the same name; give the copy that file's name, or give "
          + "the base's folder")
    }
    // A file of the base the ledger lacks is check's `append-only` error: its lines may be
    // in another file now, where restamping would rewrite stamps the base holds.
    if let gone = base.keys.sorted().first(where: { !names.contains($0) }) {
      throw LedgerError.rejected(
        source: folder.path(of: gone), line: 0,
        reason: "\(gone) is in the base but not in the ledger; restamp rewrites only lines not "
          + "yet in the base (`ledger check --base \(Format.shellPath(ledgerBase.path))` shows "
          + "what changed)")
    }
    let compared = Set(ledgerBase.compared(names))
    for name in names {
      let bytes = try folder.bytes(of: name)
      guard bytes.last == nil || bytes.last == UInt8(ascii: "\n") else {
        throw LedgerError.rejected(
          source: folder.path(of: name), line: 0,
          reason: "ends in a torn line; run `ledger repair` first")
      }
      // A file the base does not cover keeps its lines as they are.
      guard compared.contains(name) else {
        contents[name] = reader.read(bytes, name: name)
        continue
      }
      let old = Self.complete(base[name] ?? [])
      guard bytes.count >= old.count, bytes[..<old.count].elementsEqual(old) else {
        throw LedgerError.rejected(
          source: folder.path(of: name), line: 0,
          reason: "does not begin with its copy in the base; restamp rewrites only lines not "
            + "yet in the base (`ledger check --base \(Format.shellPath(ledgerBase.path))` "
            + "shows what changed)")
      }
      current[name] = bytes
      var read = reader.read(old, name: name)
      read.lineCount = NewLines.lineCount(bytes)
      contents[name] = read
    }
    let new = NewLines.events(current: current, base: base.mapValues(Self.complete))
    if let problem = new.problems.first {
      throw LedgerError.rejected(
        source: folder.path(of: problem.file), line: problem.line, reason: problem.message)
    }
    var fresh = new.events
    // Only what check calls `backdated` needs new stamps: none when the base has no `at`, or
    // when every new line is already later than the base's (restamped before, say).
    guard let latest, fresh.contains(where: { $0.at <= latest }) else { return [:] }
    fresh.sort(by: Ledger.replayOrder)
    var batches: [LedgerWriter.Batch] = [
      (
        "",
        fresh.map { event in
          var event = event
          event.at = .unstamped
          return event
        }
      )
    ]
    try KnowledgeTime(now: now).stamp(&batches, after: latest, isEmpty: false, source: "restamp")
    var output: [String: [(line: Int, text: String)]] = [:]
    for event in batches[0].events {
      guard let location = event.location else { continue }
      contents[location.file]?.events.append(event)
      output[location.file, default: []].append((location.line, event.line))
    }
    for name in contents.keys {
      contents[name]?.events.sort { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
    }
    if let problem = Ledger(files: contents).problems.first {
      // A line restamp leaves as it is was not valid before it either.
      let kind: String
      if current[problem.file] == nil {
        kind = "a line of a file the base does not cover is not valid: "
      } else if problem.line <= NewLines.lineCount(Self.complete(base[problem.file] ?? [])) {
        kind = "a line of the base is not valid: "
      } else {
        kind = "after restamping: "
      }
      throw LedgerError.rejected(
        source: folder.path(of: problem.file), line: problem.line, reason: kind + problem.message)
    }
    var files: [(name: String, bytes: [UInt8])] = []
    for (name, lines) in output.sorted(by: { $0.key < $1.key }) {
      var bytes = Self.complete(base[name] ?? [])
      for (_, text) in lines.sorted(by: { $0.line < $1.line }) { bytes += Array(text.utf8) + [10] }
      files.append((name, bytes))
    }
    let journal = RestampJournal(files.map { ($0.name, current[$0.name] ?? [], $0.bytes) })
    try replace(files, journal: journal, lock: lock)
    ReplayCache.remove(from: folder)
    return output.mapValues(\.count)
  }

  /// Writes and syncs each file's bytes to a temporary file beside it, then `journal` (synced
  /// with the folder), then renames each over its file and removes the journal; the temporary
  /// files and the journal are removed when any write before the first rename fails.
  private func replace(
    _ files: [(name: String, bytes: [UInt8])], journal: RestampJournal, lock: FileLock
  ) throws(LedgerError) {
    var staged: [(temporary: String, path: String)] = []
    let journalPath = folder.path(of: RestampJournal.fileName)
    var renamed = false
    defer {
      if !renamed {
        for file in staged { unlink(file.temporary) }
        unlink(journalPath)
      }
    }
    do throws(LedgerError) {
      for (name, bytes) in files {
        let path = folder.path(of: name)
        let temporary = try AtomicFile.temporaryPath(for: path, suffix: "restamp")
        staged.append((temporary, path))
        try write(bytes, to: temporary)
      }
      try write(Array(journal.text.utf8), to: journalPath)
      guard lock.sync() else { throw FileIO.error(folder.path) }
    } catch {
      // No file was replaced yet: the ledger is as it was (a full disk, most likely).
      throw error.adding("nothing was written")
    }
    renamed = true
    // From here on, a cut leaves the journal for the next writer to finish the renames by.
    do throws(LedgerError) {
      for file in staged {
        try faults.step(file.path)
        guard rename(file.temporary, file.path) == 0 else {
          throw FileIO.error(file.path, action: "cannot replace it")
        }
      }
      guard lock.sync() else { throw FileIO.error(folder.path) }
    } catch {
      throw error.adding(
        "the restamp is half done: the next write or `ledger repair` finishes it "
          + "(\(RestampJournal.fileName) names its files)")
    }
    try faults.step(journalPath)
    try FileIO.remove(journalPath)
    guard lock.sync() else { throw FileIO.error(folder.path) }
  }

  /// Writes `bytes` to a new file at `path` and syncs it (each a fault-injection point).
  private func write(_ bytes: [UInt8], to path: String) throws(LedgerError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileIO.error(path) }
    defer { close(descriptor) }
    try faults.write(bytes, to: descriptor, path: path)
    try faults.sync(descriptor, path: path)
  }

  /// A base file's lines up to its last `\n`: a last line without one is a torn write, never
  /// part of the log (as `append-only` reads it); the ledger may have it completed, as new.
  static func complete(_ bytes: [UInt8]) -> [UInt8] {
    Array(bytes[..<((bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1)])
  }
}
