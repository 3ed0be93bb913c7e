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
  }

  public let folder: LedgerFolder
  /// How lines are decoded.
  public var reader = LogFileReader()
  /// Bytes read from a file at a time.
  public var blockSize = 2 << 20

  public init(folder: LedgerFolder, reader: LogFileReader = LogFileReader()) {
    self.folder = folder
    self.reader = reader
  }

  /// One file's decoded events waiting to be merged.
  private struct Queue {
    var events: [RecordedEvent] = []
    var next = 0
    var lastAt: Timestamp?
    var isEmpty: Bool { next >= events.count }
  }

  /// Calls `body` with every valid event in replay order.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public func replay(_ body: (RecordedEvent) -> Void) throws(LedgerError) -> Summary {
    var cursors: [FileCursor] = []
    var bytes = 0
    for name in try folder.fileNames() {
      let path = folder.path(of: name)
      cursors.append(try FileCursor(path: path, name: name, blockSize: blockSize))
      bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
    var queues = [Queue](repeating: Queue(), count: cursors.count)
    var summary = Summary()
    var validator = ReferenceValidator(expectedEvents: bytes / 256)
    while true {
      let empty = queues.indices.filter { queues[$0].isEmpty && !cursors[$0].atEnd }
      if !empty.isEmpty { try refill(empty, cursors, &queues, &summary) }
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
      let event = queues[best].events[queues[best].next]
      queues[best].next += 1
      if let problem = reader.timeOrderProblem(event, after: queues[best].lastAt) {
        summary.problems.append(problem)
        continue
      }
      queues[best].lastAt = event.at
      do throws(EventError) {
        try validator.validate(event)
      } catch {
        let location = event.location ?? EventLocation(file: cursors[best].name, line: 0)
        summary.problems.append(
          LedgerProblem(
            rule: .init(error.kind), file: location.file, line: location.line,
            service: event.event.service, message: error.description))
        continue
      }
      summary.events += 1
      body(event)
    }
    for (index, cursor) in cursors.enumerated() {
      if let torn = cursor.torn { summary.problems.append(torn) }
      summary.files[cursor.name] = Ledger.FileState(
        lineCount: cursor.nextLine - 1, isTorn: cursor.torn != nil, lastAt: queues[index].lastAt)
    }
    summary.problems.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    return summary
  }

  /// Reads the next block of each of the `files` and decodes them all, split across the cores.
  private func refill(
    _ files: [Int], _ cursors: [FileCursor], _ queues: inout [Queue], _ summary: inout Summary
  ) throws(LedgerError) {
    var chunks: [Chunk] = []
    for file in files {
      queues[file].events = []
      queues[file].next = 0
      guard let block = try cursors[file].nextBlock() else { continue }
      chunks += Chunk.split(block.bytes, firstLine: block.firstLine, owner: file, parts: 4)
    }
    let results = ChunkResults(count: chunks.count)
    let reader = self.reader
    let work = chunks
    let names = cursors.map(\.name)
    DispatchQueue.concurrentPerform(iterations: work.count) { index in
      results.store(work[index].decode(reader, name: names[work[index].owner]), at: index)
    }
    for (index, chunk) in chunks.enumerated() {
      let decoded = results.take(index)
      if queues[chunk.owner].events.isEmpty {
        queues[chunk.owner].events = decoded.events
      } else {
        queues[chunk.owner].events += decoded.events
      }
      summary.problems += decoded.problems
    }
  }
}

/// A run of whole lines of one block, decoded by one thread.
private struct Chunk: @unchecked Sendable {
  let bytes: ArraySlice<UInt8>
  let firstLine: Int
  let owner: Int

  /// `bytes` cut into about `parts` runs of whole lines.
  static func split(_ bytes: [UInt8], firstLine: Int, owner: Int, parts: Int) -> [Chunk] {
    var chunks: [Chunk] = []
    var start = 0
    var line = firstLine
    let size = max(bytes.count / parts, 1)
    while start < bytes.count {
      var end = min(start + size, bytes.count) - 1
      while end < bytes.count - 1, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let slice = bytes[start...end]
      chunks.append(Chunk(bytes: slice, firstLine: line, owner: owner))
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
