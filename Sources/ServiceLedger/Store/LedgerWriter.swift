#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends events to a ledger folder, all-or-nothing, under an exclusive lock.
///
/// The folder is locked for the whole append, so validation sees every other writer's events
/// and two writers cannot both register the same service. Each event is written as one
/// complete line with a single `write`, then the file is `fsync`ed. If anything fails after
/// the first byte is written, every touched file is truncated back to its old length: a
/// rejected append leaves the files byte-for-byte as they were.
public struct LedgerWriter: Sendable {
  /// The folder written to.
  public let folder: LedgerFolder

  public init(folder: LedgerFolder) { self.folder = folder }

  /// Validates `events` against the log as it is now and writes them to `file`.
  ///
  /// - Parameters:
  ///   - events: new events in order; their `location` is ignored.
  ///   - file: the file name inside the folder (`NAME.jsonl`).
  ///   - source: what to call the input in error messages (`stdin`, a file name, `record`).
  /// - Returns: the ledger after the append.
  /// - Throws: `LedgerError.rejected` naming the input line at fault; nothing is written.
  @discardableResult
  public func append(_ events: [RecordedEvent], to file: String, source: String) throws(LedgerError)
    -> Ledger
  {
    try append([(file, events)], source: source)
  }

  /// Validates and writes several files' events as one all-or-nothing batch.
  /// - Parameters:
  ///   - batches: per file name, its new events in order.
  ///   - source: what to call the input in error messages.
  /// - Returns: the ledger after the append.
  /// - Throws: `LedgerError.rejected`; nothing is written.
  @discardableResult
  public func append(_ batches: [(file: String, events: [RecordedEvent])], source: String)
    throws(LedgerError) -> Ledger
  {
    for batch in batches where !LedgerFolder.isValidFileName(batch.file) {
      throw LedgerError.invalidFileName(batch.file)
    }
    guard folder.exists else { throw LedgerError.noLedger(path: folder.path) }
    let folderLock = try FileLock(path: folder.path, create: false)
    defer { folderLock.unlock() }
    let current = try folder.readValid()
    let placed = try place(batches, after: current, source: source)
    let candidate = Ledger(files: placed.contents)
    if let problem = candidate.problems.first {
      let single = batches.map(\.events.count).reduce(0, +) == 1
      guard let inputLine = placed.inputLines[EventLocation(file: problem.file, line: problem.line)]
      else {
        throw LedgerError.rejected(
          source: source, line: 0,
          reason: "it would make \(problem.file):\(problem.line) invalid: \(problem.message)")
      }
      throw LedgerError.rejected(source: source, line: single ? 0 : inputLine, reason: problem.message)
    }
    var written: [(descriptor: Int32, path: String, length: off_t)] = []
    defer { for file in written { close(file.descriptor) } }
    do throws(LedgerError) {
      for batch in batches where !batch.events.isEmpty {
        let path = folder.path(of: batch.file)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ioError(path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
          close(descriptor)
          throw ioError(path)
        }
        written.append((descriptor, path, status.st_size))
        guard flock(descriptor, LOCK_EX) == 0 else { throw ioError(path) }
        for event in batch.events {
          try writeLine(event.line + "\n", to: descriptor, path: path)
        }
        guard fsync(descriptor) == 0 else { throw ioError(path) }
      }
    } catch {
      for file in written {
        _ = ftruncate(file.descriptor, file.length)
        _ = fsync(file.descriptor)
      }
      throw error
    }
    return candidate
  }

  /// The ledger's files with the new events added at their line numbers, and a map from each
  /// new event's place back to its input line.
  private func place(
    _ batches: [(file: String, events: [RecordedEvent])], after current: Ledger, source: String
  ) throws(LedgerError)
    -> (contents: [String: LogFileReader.FileContents], inputLines: [EventLocation: Int])
  {
    var contents: [String: LogFileReader.FileContents] = [:]
    for event in current.events {
      guard let file = event.location?.file else { continue }
      contents[file, default: LogFileReader.FileContents()].events.append(event)
    }
    for (name, state) in current.files {
      contents[name, default: LogFileReader.FileContents()].lineCount = state.lineCount
    }
    var inputLines: [EventLocation: Int] = [:]
    var inputLine = 0
    for batch in batches {
      var lastAt = current.files[batch.file]?.lastAt
      var lineCount = current.files[batch.file]?.lineCount ?? 0
      for var event in batch.events {
        inputLine += 1
        if let lastAt, event.at < lastAt {
          throw LedgerError.rejected(
            source: source, line: inputLine,
            reason: "at \(event.at) is earlier than \(lastAt), the latest in \(batch.file); "
              + "within a file, at never decreases (check the clock or LEDGER_NOW)")
        }
        lastAt = event.at
        lineCount += 1
        let location = EventLocation(file: batch.file, line: lineCount)
        event.location = location
        inputLines[location] = inputLine
        contents[batch.file, default: LogFileReader.FileContents()].events.append(event)
      }
      contents[batch.file, default: LogFileReader.FileContents()].lineCount = lineCount
    }
    return (contents, inputLines)
  }

  private func writeLine(_ line: String, to descriptor: Int32, path: String) throws(LedgerError) {
    let bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw ioError(path)
      }
      offset += count
    }
  }

  private func ioError(_ path: String) -> LedgerError {
    LedgerError.io(path: path, reason: String(cString: strerror(errno)))
  }
}
