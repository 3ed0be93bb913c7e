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
  public var blockSize = 1 << 18

  public init(folder: LedgerFolder, reader: LogFileReader = LogFileReader()) {
    self.folder = folder
    self.reader = reader
  }

  /// Where the merge stands in one file: plain values only, so that picking the next event
  /// costs no reference counting.
  private struct Head {
    /// The current run's events; nil when it has none left.
    var events: UnsafeMutablePointer<RecordedEvent>?
    var next = 0
    var end = 0
    /// The `at` of the next event; the largest timestamp when there is none.
    var at = Timestamp(seconds: .max)
    /// The `at` of the file's last valid event so far.
    var lastAt: Timestamp?
    var isDone = false
    /// The current run's marks, when it is marked.
    var marks: UnsafeMutablePointer<UInt64>?

    /// Starts on `run`.
    mutating func start(_ run: EventRun) {
      marks = run.marks
      events = run.base
      next = 0
      end = run.count
      at = run.count > 0 ? run.base[0].at : Timestamp(seconds: .max)
      if run.count == 0 { events = nil }
    }

    /// Marks the next event.
    func markNext() {
      marks?[next >> 6] |= 1 << UInt64(next & 63)
    }

    /// Steps past the next event.
    mutating func advance() {
      next += 1
      if next < end, let events {
        at = events[next].at
      } else {
        events = nil
        at = Timestamp(seconds: .max)
      }
    }
  }

  /// Calls `body` with every valid event in replay order.
  ///
  /// Each file's next block is read and decoded in the background while the current one is
  /// merged and folded, so decoding and folding run on both cores at once.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public func replay(_ body: (RecordedEvent) -> Void) throws(LedgerError) -> Summary {
    try replay(
      keeping: { event in
        body(event)
        return false
      }, finished: nil)
  }

  /// `replay(_:)` where `body` also says which events to keep, and `finished` is given each
  /// run of decoded events once merged, with those events marked: how the replay cache
  /// gathers events without copying them on the replay's thread.
  func replay(
    _ opened: OpenFiles? = nil, keeping body: (RecordedEvent) -> Bool,
    finished: ((EventRun) -> Void)?
  ) throws(LedgerError) -> Summary {
    let files: OpenFiles
    if let opened { files = opened } else { files = try open() }
    let feeds = files.feeds
    let bytes = files.bytes
    var heads = [Head](repeating: Head(), count: feeds.count)
    // The runs the heads point into, kept alive here, and the runs of a block after them.
    var current = [EventRun?](repeating: nil, count: feeds.count)
    var waiting = [[EventRun]](repeating: [], count: feeds.count)
    var summary = Summary()
    var validator = ReferenceValidator(expectedEvents: bytes / 256)
    while true {
      for index in heads.indices where heads[index].events == nil && !heads[index].isDone {
        if let run = current[index] { finished?(run) }
        current[index] = nil
        while heads[index].events == nil {
          if !waiting[index].isEmpty {
            let run = waiting[index].removeFirst()
            if finished != nil { run.startMarking() }
            heads[index].start(run)
            validator.prepare(for: run.base, count: run.count)
            current[index] = run
          } else if let block = try feeds[index].take() {
            waiting[index] = block.runs
            summary.problems += block.problems
          } else {
            heads[index].isDone = true
            break
          }
        }
      }
      // The file whose next event comes first in replay order (names are sorted, so ties on
      // `at` go to the earlier name; lines within a file are in order).
      var best = -1
      var bestAt = Timestamp(seconds: .max)
      for index in heads.indices where heads[index].at < bestAt {
        best = index
        bestAt = heads[index].at
      }
      guard best >= 0, let events = heads[best].events else { break }
      let next = heads[best].next
      // The event is moved out of the run and back rather than copied: a copy costs reference
      // counting on each of its strings, a move only its bytes. Nothing in between throws.
      let slot = events + next
      let event = slot.move()
      let outcome = accept(event, after: heads[best].lastAt, &validator, &summary, body)
      slot.initialize(to: consume event)
      if outcome.inOrder { heads[best].lastAt = bestAt }
      if outcome.kept { heads[best].markNext() }
      heads[best].advance()
    }
    for (index, feed) in feeds.enumerated() {
      if let torn = feed.cursor.torn { summary.problems.append(torn) }
      summary.files[feed.cursor.name] = Ledger.FileState(
        lineCount: feed.cursor.nextLine - 1, isTorn: feed.cursor.torn != nil,
        lastAt: heads[index].lastAt)
    }
    summary.problems.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    summary.validator = validator
    return summary
  }

  /// The log's files, each read and decoded in the background from the moment they are
  /// opened: a replay can open them, then do other work (finding retractions) while the first
  /// blocks decode.
  final class OpenFiles: @unchecked Sendable {
    fileprivate let feeds: [FileFeed]
    /// Their total size.
    let bytes: Int

    fileprivate init(feeds: [FileFeed], bytes: Int) {
      self.feeds = feeds
      self.bytes = bytes
    }
  }

  /// Opens the folder's files and starts decoding them.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  func open() throws(LedgerError) -> OpenFiles {
    var feeds: [FileFeed] = []
    var bytes = 0
    for name in try folder.fileNames() {
      let path = folder.path(of: name)
      let cursor = try FileCursor(path: path, name: name, blockSize: blockSize)
      feeds.append(FileFeed(cursor: cursor, reader: reader))
      bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
    return OpenFiles(feeds: feeds, bytes: bytes)
  }

  /// Checks one event in replay order and, when it is valid, passes it to `body`.
  /// - Returns: whether it counts for its file's time order (false only when it breaks it),
  ///   and whether `body` keeps it.
  private func accept(
    _ event: borrowing RecordedEvent, after lastAt: Timestamp?,
    _ validator: inout ReferenceValidator, _ summary: inout Summary,
    _ body: (RecordedEvent) -> Bool
  ) -> (inOrder: Bool, kept: Bool) {
    // Compared here first: building the problem is for the rare line that breaks the order.
    if let lastAt, event.at < lastAt,
      let problem = reader.timeOrderProblem(event, after: lastAt)
    {
      summary.problems.append(problem)
      return (false, false)
    }
    do throws(EventError) {
      try validator.validate(event)
    } catch {
      let location = event.location ?? EventLocation(file: "", line: 0)
      summary.problems.append(
        LedgerProblem(
          rule: .init(error.kind), file: location.file, line: location.line,
          service: event.event.service, message: error.description))
      return (true, false)
    }
    summary.events += 1
    return (true, body(event))
  }
}

/// One file's blocks, read and decoded in the background up to two blocks ahead of the merge.
private final class FileFeed: @unchecked Sendable {
  let cursor: FileCursor
  private let reader: LogFileReader
  /// One memo per decoding thread (a block is cut in two), used by one block at a time.
  private let memos = [MemoBox(), MemoBox()]
  /// Decoded blocks waiting to be merged, oldest first, and whether one is being decoded or
  /// the end (or an error) was reached; guarded by `lock`.
  private var results: [Result<Decoded?, LedgerError>] = []
  private var decoding = true
  private var ended = false
  private let lock = NSLock()
  /// Counts the blocks in `results`.
  private let ready = DispatchSemaphore(value: 0)
  private static let ahead = 2

  /// A block's events, as runs in file order (one per decoding thread), and its problems.
  typealias Decoded = (runs: [EventRun], problems: [LedgerProblem])

  init(cursor: FileCursor, reader: LogFileReader) {
    self.cursor = cursor
    self.reader = reader
    DispatchQueue.global().async { [self] in decode() }
  }

  /// The next block's events and problems, nil at the end of the file.
  func take() throws(LedgerError) -> Decoded? {
    ready.wait()
    lock.lock()
    let taken = results.removeFirst()
    let restart = !decoding && !ended
    if restart { decoding = true }
    lock.unlock()
    if restart { DispatchQueue.global().async { [self] in decode() } }
    return try taken.get()
  }

  /// Decodes blocks while fewer than `ahead` wait, and to the end of the file.
  private func decode() {
    while true {
      let result = Result { () throws(LedgerError) in try decodeNext() }
      lock.lock()
      results.append(result)
      var more = false
      if case .success(.some) = result { more = results.count < Self.ahead } else { ended = true }
      if !more { decoding = false }
      lock.unlock()
      ready.signal()
      guard more else { return }
    }
  }

  private func decodeNext() throws(LedgerError) -> Decoded? {
    guard let block = try cursor.nextBlock() else { return nil }
    let chunks = Chunk.split(block, parts: 2)
    let results = ChunkResults(count: chunks.count)
    let reader = self.reader
    let name = cursor.name
    let memos = self.memos
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
      let memo = memos[min(index, memos.count - 1)]
      results.store(chunks[index].decode(reader, name: name, memo: memo), at: index)
    }
    var decoded: Decoded = ([], [])
    for index in chunks.indices {
      let part = results.take(index)
      decoded.runs.append(part.events)
      decoded.problems += part.problems
    }
    return decoded
  }
}

/// A run of whole lines of one block, decoded by one thread.
private struct Chunk: @unchecked Sendable {
  let bytes: ArraySlice<UInt8>
  let firstLine: Int
  /// Where the lines start in the file.
  let fileOffset: Int

  /// The block's lines cut into about `parts` runs of whole lines.
  static func split(_ block: FileCursor.Block, parts: Int) -> [Chunk] {
    let bytes = block.buffer[..<block.count]
    var chunks: [Chunk] = []
    var start = 0
    var line = block.firstLine
    let size = max(bytes.count / parts, 1)
    while start < bytes.count {
      var end = min(start + size, bytes.count) - 1
      while end < bytes.count - 1, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let slice = bytes[start...end]
      chunks.append(
        Chunk(bytes: slice, firstLine: line, fileOffset: block.fileOffset + slice.startIndex))
      line += slice.withUnsafeBytes { Newlines.count($0) }
      start = end + 1
    }
    return chunks
  }

  func decode(_ reader: LogFileReader, name: String, memo: MemoBox) -> (
    events: EventRun, problems: [LedgerProblem]
  ) {
    let events = EventRun(capacity: bytes.count / 200, fileOffset: fileOffset)
    var problems: [LedgerProblem] = []
    bytes.withUnsafeBytes { raw in
      reader.decodeLines(
        raw, name: name, firstLine: firstLine, into: events, problems: &problems,
        memo: &memo.memo)
    }
    return (events, problems)
  }
}

/// The fast decoder's memo for one decoding thread of a file, kept from block to block.
private final class MemoBox: @unchecked Sendable {
  var memo = FastLineDecoder.Memo()
}

/// Per-chunk results written by the decoding threads, each to its own slot.
private final class ChunkResults: @unchecked Sendable {
  private var slots: [(events: EventRun, problems: [LedgerProblem])?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ result: (events: EventRun, problems: [LedgerProblem]), at index: Int) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  func take(_ index: Int) -> (events: EventRun, problems: [LedgerProblem]) {
    lock.lock()
    defer { lock.unlock() }
    let result = slots[index] ?? (EventRun(capacity: 0), [])
    slots[index] = nil
    return result
  }
}

/// Events decoded from a run of lines, in file order, in storage of their own: the merge reads
/// them in place through a pointer, without copying them or counting references per event.
final class EventRun: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<RecordedEvent>
  private(set) var count = 0
  private var capacity: Int
  /// One bit per event, set by the merge; nil until `startMarking`.
  private(set) var marks: UnsafeMutablePointer<UInt64>?
  /// Where each event's line starts and ends, from `fileOffset` in its file.
  private let fileOffset: Int
  private var spans: UnsafeMutablePointer<(start: Int32, end: Int32)>

  /// A run for `capacity` events, read from lines starting at `fileOffset` in their file.
  init(capacity: Int, fileOffset: Int = 0) {
    self.capacity = max(capacity, 16)
    self.fileOffset = fileOffset
    base = .allocate(capacity: self.capacity)
    spans = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
    spans.deallocate()
    marks?.deallocate()
  }

  /// Clears every mark, once the run is complete.
  func startMarking() {
    let words = (count + 63) / 64
    marks = .allocate(capacity: max(words, 1))
    marks?.initialize(repeating: 0, count: max(words, 1))
  }

  /// Calls `body` with each marked event, which it reads in place, and where its line (without
  /// its `\n`) is in its file, in file order.
  func forEachMarked(_ body: (UnsafePointer<RecordedEvent>, Range<Int>) -> Void) {
    guard let marks else { return }
    for index in 0..<count where marks[index >> 6] & (1 << UInt64(index & 63)) != 0 {
      body(
        base + index, (fileOffset + Int(spans[index].start))..<(fileOffset + Int(spans[index].end)))
    }
  }

  /// Adds `event`, read from `line` (offsets from `fileOffset`).
  func append(_ event: consuming RecordedEvent, line: Range<Int>) {
    if count == capacity {
      let larger = UnsafeMutablePointer<RecordedEvent>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = larger
      let largerSpans = UnsafeMutablePointer<(start: Int32, end: Int32)>.allocate(
        capacity: capacity * 2)
      largerSpans.moveInitialize(from: spans, count: count)
      spans.deallocate()
      spans = largerSpans
      capacity *= 2
    }
    (base + count).initialize(to: consume event)
    (spans + count).initialize(
      to: (Int32(clamping: line.lowerBound), Int32(clamping: line.upperBound)))
    count += 1
  }
}
