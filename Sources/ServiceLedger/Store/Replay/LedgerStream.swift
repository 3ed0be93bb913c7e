import Dispatch
import Foundation

/// Replays a ledger folder without holding it in memory: each file is read in blocks, the
/// blocks are decoded on every core, and the files' events are merged in replay order (`at`,
/// then file name, then line; each file is already in `at` order) and validated one by one.
///
/// It gives the same events and problems as `LedgerFolder.read()`, which keeps the whole log
/// in memory for the commands that need it.
public struct LedgerStream: Sendable {
  /// What a replay found besides its events.
  public struct Summary: Sendable {
    /// Every invalid line, by file and line.
    public var problems: [LedgerProblem] = []
    /// Per file name.
    public var files: [String: Ledger.FileState] = [:]
    /// The number of valid events replayed.
    public var events = 0
    /// The validator after the last event: what the replay cache keeps.
    var validator = ReferenceValidator()
  }

  public let folder: LedgerFolder
  /// How lines are decoded.
  public var reader = LogFileReader()
  /// Bytes read from a file at a time.
  public var blockSize = 1 << 19

  public init(folder: LedgerFolder, reader: LogFileReader = LogFileReader()) {
    self.folder = folder
    self.reader = reader
  }

  /// One file's decoded events waiting to be merged.
  private struct Queue {
    var events: [RecordedEvent] = []
    var next = 0
    var lastAt: Timestamp?
    var isDone = false
    var isEmpty: Bool { next >= events.count }
  }

  /// Calls `body` with every valid event in replay order.
  ///
  /// Each file's next block is read and decoded in the background while the current one is
  /// merged and folded, so decoding and folding run on both cores at once.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public func replay(_ body: (RecordedEvent) -> Void) throws(LedgerError) -> Summary {
    var feeds: [FileFeed] = []
    var bytes = 0
    for name in try folder.fileNames() {
      let path = folder.path(of: name)
      let cursor = try FileCursor(path: path, name: name, blockSize: blockSize)
      feeds.append(FileFeed(cursor: cursor, reader: reader))
      bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
    var queues = [Queue](repeating: Queue(), count: feeds.count)
    var summary = Summary()
    var validator = ReferenceValidator(expectedEvents: bytes / 256)
    while true {
      for index in queues.indices where queues[index].isEmpty && !queues[index].isDone {
        if let block = try feeds[index].take() {
          queues[index].events = block.events
          queues[index].next = 0
          summary.problems += block.problems
        } else {
          queues[index].events = []
          queues[index].isDone = true
        }
      }
      // The file whose next event comes first in replay order (names are sorted, so ties on
      // `at` go to the earlier name; lines within a file are in order).
      var best = -1
      var bestAt = Timestamp(seconds: .max)
      for index in queues.indices where !queues[index].isEmpty {
        let at = queues[index].events[queues[index].next].at
        if at < bestAt {
          best = index
          bestAt = at
        }
      }
      guard best >= 0 else { break }
      let next = queues[best].next
      queues[best].next += 1
      let lastAt = queues[best].lastAt
      let accepted = queues[best].events.withUnsafeBufferPointer { events in
        accept(events[next], after: lastAt, &validator, &summary, body)
      }
      if accepted { queues[best].lastAt = bestAt }
    }
    for (index, feed) in feeds.enumerated() {
      if let torn = feed.cursor.torn { summary.problems.append(torn) }
      summary.files[feed.cursor.name] = Ledger.FileState(
        lineCount: feed.cursor.nextLine - 1, isTorn: feed.cursor.torn != nil,
        lastAt: queues[index].lastAt)
    }
    summary.problems.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    summary.validator = validator
    return summary
  }

  /// Checks one event in replay order and, when it is valid, passes it to `body`.
  /// - Returns: whether it counts for its file's time order (false only when it breaks it).
  private func accept(
    _ event: RecordedEvent, after lastAt: Timestamp?, _ validator: inout ReferenceValidator,
    _ summary: inout Summary, _ body: (RecordedEvent) -> Void
  ) -> Bool {
    if let problem = reader.timeOrderProblem(event, after: lastAt) {
      summary.problems.append(problem)
      return false
    }
    do throws(EventError) {
      try validator.validate(event)
    } catch {
      let location = event.location ?? EventLocation(file: "", line: 0)
      summary.problems.append(
        LedgerProblem(
          rule: .init(error.kind), file: location.file, line: location.line,
          service: event.event.service, message: error.description))
      return true
    }
    summary.events += 1
    body(event)
    return true
  }
}

/// One file's blocks, each read and decoded in the background while the one before is merged.
private final class FileFeed: @unchecked Sendable {
  let cursor: FileCursor
  private let reader: LogFileReader
  private var result: Result<Decoded?, LedgerError>?
  private let ready = DispatchSemaphore(value: 0)

  typealias Decoded = (events: [RecordedEvent], problems: [LedgerProblem])

  init(cursor: FileCursor, reader: LogFileReader) {
    self.cursor = cursor
    self.reader = reader
    start()
  }

  /// The next block's events and problems, nil at the end of the file; starts on the block
  /// after it.
  func take() throws(LedgerError) -> Decoded? {
    ready.wait()
    let taken = result ?? .success(nil)
    result = nil
    if case .success(.some) = taken { start() }
    return try taken.get()
  }

  private func start() {
    DispatchQueue.global().async { [self] in
      result = Result { () throws(LedgerError) in try decodeNext() }
      ready.signal()
    }
  }

  private func decodeNext() throws(LedgerError) -> Decoded? {
    guard let block = try cursor.nextBlock() else { return nil }
    let chunks = Chunk.split(block.bytes, firstLine: block.firstLine, parts: 2)
    let results = ChunkResults(count: chunks.count)
    let reader = self.reader
    let name = cursor.name
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
      results.store(chunks[index].decode(reader, name: name), at: index)
    }
    var decoded: Decoded = ([], [])
    for index in chunks.indices {
      let part = results.take(index)
      if decoded.events.isEmpty {
        decoded.events = part.events
      } else {
        decoded.events += part.events
      }
      decoded.problems += part.problems
    }
    return decoded
  }
}

/// A run of whole lines of one block, decoded by one thread.
private struct Chunk: @unchecked Sendable {
  let bytes: ArraySlice<UInt8>
  let firstLine: Int

  /// `bytes` cut into about `parts` runs of whole lines.
  static func split(_ bytes: [UInt8], firstLine: Int, parts: Int) -> [Chunk] {
    var chunks: [Chunk] = []
    var start = 0
    var line = firstLine
    let size = max(bytes.count / parts, 1)
    while start < bytes.count {
      var end = min(start + size, bytes.count) - 1
      while end < bytes.count - 1, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let slice = bytes[start...end]
      chunks.append(Chunk(bytes: slice, firstLine: line))
      line += slice.withUnsafeBytes { Newlines.count($0) }
      start = end + 1
    }
    return chunks
  }

  func decode(_ reader: LogFileReader, name: String) -> (
    events: [RecordedEvent], problems: [LedgerProblem]
  ) {
    var events: [RecordedEvent] = []
    var problems: [LedgerProblem] = []
    events.reserveCapacity(bytes.count / 200)
    bytes.withUnsafeBytes { raw in
      _ = reader.forEachLine(raw, name: name, firstLine: firstLine) { outcome in
        switch outcome {
        case .event(let event): events.append(event)
        case .problem(let problem): problems.append(problem)
        }
      }
    }
    return (events, problems)
  }
}

/// Per-chunk results written by the decoding threads, each to its own slot.
private final class ChunkResults: @unchecked Sendable {
  private var slots: [(events: [RecordedEvent], problems: [LedgerProblem])]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: ([], []), count: count) }

  func store(_ result: (events: [RecordedEvent], problems: [LedgerProblem]), at index: Int) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  func take(_ index: Int) -> (events: [RecordedEvent], problems: [LedgerProblem]) {
    lock.lock()
    defer { lock.unlock() }
    let result = slots[index]
    slots[index] = ([], [])
    return result
  }
}
