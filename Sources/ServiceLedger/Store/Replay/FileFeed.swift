import Dispatch
import Foundation

/// One file's blocks, read and decoded in the background ahead of the merge: one fewer block
/// ahead than the merge has taken, up to what its share of the reading ahead allows
/// (`ReadAhead`), at most four. A file of a log of few files soon has four (with two, the
/// merge waited for a block more often: a cold `priorities` on 1M events took 0.64 s against
/// 0.57 s, side by side; eight gave no more, in 7 MiB more); a file whose events come later
/// holds its first block alone, and that small (`FileCursor` starts small), so that a ledger
/// of many files does not hold four large blocks of each.
final class FileFeed: @unchecked Sendable {
  let cursor: FileCursor
  private let reader: LogFileReader
  /// Decoded blocks waiting to be merged, oldest first, and whether one is being decoded or
  /// the end (or an error) was reached; guarded by `lock`.
  private var results: [Result<Decoded?, LedgerError>] = []
  private var decoding = true
  private var ended = false
  /// How many blocks the merge has taken.
  private var taken = 0
  /// Whether the merge is reading the file (it has taken a second block) and has not reached
  /// its end: counted in `readAhead`.
  private var isReading = false
  private let lock = NSLock()
  /// Counts the blocks in `results`.
  private let ready = DispatchSemaphore(value: 0)
  static let ahead = 4

  /// A block's events, as runs in file order (one per decoding thread), and its problems.
  typealias Decoded = (runs: [EventRun], problems: [LedgerProblem])

  /// Where the blocks are decoded: a queue shared by every file of a replay.
  private let queue: DecodingQueue
  /// The decoder's memos, lent to each block's decoding.
  private let memos: MemoPool
  /// Where the ids decoded go, when the replay filters them.
  private let filling: IDFilling?
  /// The share of the replay's reading ahead this file may use.
  private let readAhead: ReadAhead

  init(
    cursor: FileCursor, reader: LogFileReader, queue: DecodingQueue, memos: MemoPool,
    readAhead: ReadAhead, filling: IDFilling? = nil
  ) {
    self.cursor = cursor
    self.reader = reader
    self.queue = queue
    self.memos = memos
    self.readAhead = readAhead
    self.filling = filling
    queue.add { [self] in decode() }
  }

  /// The next block's events and problems, nil at the end of the file.
  func take() throws(LedgerError) -> Decoded? {
    // None decoded nor decoding: the merge wants the next block now.
    startDecoding { results.isEmpty }
    ready.wait()
    lock.lock()
    let next = results.removeFirst()
    taken += 1
    let starts = taken == 2 && !ended
    if starts { isReading = true }
    lock.unlock()
    if starts { readAhead.add() }
    startDecoding { results.count < wanted }
    return try next.get()
  }

  /// How many blocks to keep decoded ahead: one fewer than the merge has taken, up to
  /// `ahead`. The merge takes each file's first block to start, so a file whose events come
  /// later holds that block alone until the merge reaches it.
  private var wanted: Int { min(readAhead.share.ahead, taken - 1) }

  /// Starts decoding, unless decoding or at the end, when `needed` (asked under the lock).
  private func startDecoding(when needed: () -> Bool) {
    lock.lock()
    let start = !decoding && !ended && needed()
    if start { decoding = true }
    lock.unlock()
    if start { queue.add { [self] in decode() } }
  }

  /// Decodes a block, then more while fewer than `wanted` wait, and to the end of the file.
  private func decode() {
    while true {
      let result = Result { () throws(LedgerError) in try decodeNext() }
      lock.lock()
      results.append(result)
      var more = false
      var stops = false
      if case .success(.some) = result {
        more = results.count < wanted
      } else {
        ended = true
        stops = isReading
        isReading = false
      }
      if !more { decoding = false }
      lock.unlock()
      if stops { readAhead.remove() }
      ready.signal()
      guard more else { return }
    }
  }

  /// A block of at least this many bytes is decoded in two halves, one on each core. A
  /// smaller one (the first blocks of a file, and the blocks of a log of many files read side
  /// by side, which share `ReadAhead`) is decoded whole on one thread: waking a second one
  /// for it cost more than it saved. Measured on 1M events dealt line by line into 200 files
  /// (16 KiB blocks), a cold `check` took 1.07 to 1.09 s against 1.16 to 1.29 s.
  static let splitFrom = 1 << 16

  private func decodeNext() throws(LedgerError) -> Decoded? {
    guard let block = try cursor.nextBlock(atMost: readAhead.share.blockSize) else {
      return nil
    }
    let chunks = Chunk.split(block, parts: block.count >= Self.splitFrom ? 2 : 1)
    let reader = self.reader
    let name = cursor.name
    let memos = chunks.map { _ in self.memos.take() }
    defer { for memo in memos { self.memos.give(memo) } }
    let filling = self.filling
    let parts = concurrentMap(chunks.count) { index in
      let memo = memos[min(index, memos.count - 1)]
      let decoded = chunks[index].decode(reader, name: name, memo: memo)
      filling?.add(decoded.events.base, count: decoded.events.count)
      return decoded
    }
    var decoded: Decoded = ([], [])
    for part in parts {
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
    let events = EventRun(capacity: bytes.count / 200, file: name, fileOffset: fileOffset)
    var problems: [LedgerProblem] = []
    bytes.withUnsafeBytes { raw in
      reader.decodeLines(
        raw, name: name, firstLine: firstLine, into: events, problems: &problems,
        memo: &memo.memo)
    }
    return (events, problems)
  }
}

/// The fast decoder's memo for one decoding thread, lent from block to block.
final class MemoBox: @unchecked Sendable {
  var memo = FastLineDecoder.Memo()

  init(_ numbering: ServiceNumbers) { memo.numbering = numbering }
}

/// The fast decoder's memos of one replay, lent to each block's decoding threads: as many
/// exist as blocks were decoded at once, however many files the log has (a memo holds about
/// 180 KB; two for each of 200 files were 72 MB).
final class MemoPool: @unchecked Sendable {
  private var free: [MemoBox] = []
  private let lock = NSLock()
  /// Where the replay numbers the services its volume reports name.
  private let numbering: ServiceNumbers

  init(numbering: ServiceNumbers) { self.numbering = numbering }

  /// A memo no one else is using.
  func take() -> MemoBox {
    lock.lock()
    defer { lock.unlock() }
    return free.popLast() ?? MemoBox(numbering)
  }

  /// Gives `memo` back once its block is decoded.
  func give(_ memo: MemoBox) {
    lock.lock()
    free.append(memo)
    lock.unlock()
  }
}

/// How much of its files a replay reads ahead of the merge, shared out among the files the
/// merge is reading: each holds the block being merged and the blocks decoded ahead of it
/// within a share of `total`. A log of many files read side by side holds about `total` bytes
/// in all (1M events in 200 files, each spanning the whole log: 276 MiB before); one whose
/// files the merge reads a few at a time reads those in large blocks.
///
/// A share goes first to the size of the blocks, then to how many wait decoded: in a log of
/// many files, each file's block lasts while the merge takes the others', so one decoded ahead
/// is enough, and blocks twice as large cost half as many reads, hand-overs and allocations.
/// Measured on 1M events dealt into 200 files, a cold `priorities` took 1.50 s (median of 11)
/// with one block of 41 KiB ahead, against 1.61 s with four of 16 KiB.
final class ReadAhead: @unchecked Sendable {
  /// About how many bytes of the files a replay holds at once.
  static let total = 16 << 20
  /// The most a block reads (`LedgerStream.blockSize`).
  private let largest: Int
  private var reading = 0
  private let lock = NSLock()

  init(largest: Int) { self.largest = largest }

  /// One more file being read.
  func add() {
    lock.lock()
    reading += 1
    lock.unlock()
  }

  /// One file fewer being read.
  func remove() {
    lock.lock()
    reading -= 1
    lock.unlock()
  }

  /// What a file being read may hold now: the most a block should read (half its share, up
  /// to `largest`, at least 8 KiB), and how many blocks to keep decoded ahead of the one being
  /// merged (what is left of its share, at least one, at most `FileFeed.ahead`).
  var share: (blockSize: Int, ahead: Int) {
    lock.lock()
    let budget = Self.total / max(reading, 1)
    lock.unlock()
    let blockSize = max(min(largest, budget / 2), 1 << 13)
    return (blockSize, min(max(budget / blockSize - 1, 1), FileFeed.ahead))
  }
}
