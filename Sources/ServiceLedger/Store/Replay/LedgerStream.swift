import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replays a ledger folder without holding it in memory: each file is read in blocks, the
/// blocks are decoded on every core, and the files' events are merged in replay order (`at`,
/// then file name, then line; each file is already in `at` order) and validated one by one.
///
/// The tests compare it with the whole log read into memory (their `LedgerFolder.read()`):
/// the same events and problems.
public struct LedgerStream: Sendable {
  /// What a replay found besides its events.
  public struct Summary: Sendable {
    /// Every invalid line, by file and line.
    public var problems: [LedgerProblem] = []
    /// Per file name.
    public var files: [String: Ledger.FileState] = [:]
    /// Per file name, the replay cache's key for the bytes read (absent for a file that
    /// changed while it was read).
    var keys: [String: ReplayCache.FileKey] = [:]
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

  /// Where the merge took an event from: its file (by number), its run and its index there.
  /// The event stays in its run, as it was, once the merge has moved on: a fold on a thread of
  /// its own reads it there (`FoldWorker`) rather than a copy.
  struct Place {
    let file: Int
    /// Unretained: the merge holds the run while it gives the place.
    let run: Unmanaged<EventRun>
    let index: Int
  }

  /// Where the merge stands in one file: plain values only, so that picking the next event
  /// costs no reference counting.
  private struct Head {
    /// The current run (held by the merge's `current`), and its events; nil when it has none
    /// left.
    var run: Unmanaged<EventRun>?
    var events: UnsafeMutablePointer<RecordedEvent>?
    var next = 0
    var end = 0
    /// The `at` of the next event; the largest timestamp when there is none.
    var at = Timestamp(seconds: .max)
    /// The `at` of the file's last valid event so far.
    var lastAt: Timestamp?
    var isDone = false
    /// Where the merge notes the events it keeps, when the run takes notes, and how many.
    var kept: UnsafeMutablePointer<KeptEvent>?
    var keptCount = 0

    /// Starts on `run`.
    mutating func start(_ run: EventRun) {
      self.run = Unmanaged.passUnretained(run)
      kept = run.kept
      keptCount = 0
      events = run.base
      next = 0
      end = run.count
      at = run.count > 0 ? run.base[0].at : Timestamp(seconds: .max)
      if run.count == 0 { events = nil }
    }

    /// Notes the next event as kept, the `order`-th in replay order.
    mutating func keepNext(order: Int) {
      guard let kept else { return }
      (kept + keptCount).initialize(
        to: KeptEvent(order: order, index: Int32(truncatingIfNeeded: next)))
      keptCount += 1
    }

    /// Steps past the next event, and reads the cache lines of the one after it: with many
    /// files the merge takes a file's events a few at a time, so a run warmed when it was
    /// taken (`EventRun.warm`) has left the cache by then.
    mutating func advance() {
      next += 1
      if next < end, let events {
        at = events[next].at
        warmCacheLines(UnsafeRawPointer(events + next), count: MemoryLayout<RecordedEvent>.size)
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
    let named = try RetractionScan.targets(in: folder, knownAt: nil, reader: reader).named
    return try replay(
      keeping: { event, _ in
        body(event)
        return false
      }, finished: nil, retractable: named)
  }

  /// `replay(_:)` where `body` is also given where each event lies and says which events to
  /// keep, and `finished` is given each run of decoded events once merged, with notes on the
  /// events kept: how the replay cache gathers events without copying them, or reading them
  /// again, on the replay's thread.
  /// - Parameters:
  ///   - opened: the files, when already opened.
  ///   - body: given each valid event and where it lies; says whether the cache keeps it.
  ///   - finished: given each merged run, with notes on the events kept.
  ///   - watching: with the ids the validator must answer for exactly (those retractions
  ///     name, and those an earlier pass was not sure of), it keeps a filter of the ids
  ///     (`SeenIDs`): the summary's validator then says whether that was enough
  ///     (`isUndecided`); nil for exact ids.
  ///   - filter: the filter of every id of the log, from an earlier pass; nil to fill one as
  ///     the files are decoded.
  ///   - retractable: the ids that retractions name (`RetractionScan`), for the validator to
  ///     watch (`ReferenceValidator.watch(_:)`): a retraction then frees the period of the
  ///     short volume report it withdraws.
  /// - Returns: the problems, the files' states and the validator.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  func replay(
    _ opened: OpenFiles? = nil, keeping body: (RecordedEvent, Place) -> Bool,
    finished: ((EventRun) -> Void)?, watching: Set<EventID>? = nil, filter: IDFilter? = nil,
    retractable: Set<EventID> = []
  ) throws(LedgerError) -> Summary {
    let files: OpenFiles
    if let opened {
      files = opened
    } else {
      files = try open(fillingIDs: watching != nil && filter == nil)
    }
    let feeds = files.feeds
    let bytes = files.bytes
    var heads = [Head](repeating: Head(), count: feeds.count)
    // The runs the heads point into, kept alive here, and the runs of a block after them.
    var current = [EventRun?](repeating: nil, count: feeds.count)
    var waiting = [[EventRun]](repeating: [], count: feeds.count)
    var summary = Summary()
    var validator =
      watching.map { ReferenceValidator(filter: filter, watching: $0) }
      ?? ReferenceValidator(expectedEvents: bytes / 256)
    validator.watch(retractable)
    /// Moves `index`'s head to its file's next run once its run is merged, taking the file's
    /// next block when the runs taken are all merged.
    func refill(_ index: Int) throws(LedgerError) {
      if let run = current[index] {
        run.keptCount = heads[index].keptCount
        finished?(run)
      }
      current[index] = nil
      while heads[index].events == nil {
        if !waiting[index].isEmpty {
          let run = waiting[index].removeFirst()
          if finished != nil { run.startKeeping() }
          heads[index].start(run)
          validator.prepare(for: run.base, count: run.count)
          run.warm()
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
    for index in heads.indices { try refill(index) }
    var order = MergeOrder(heads.map(\.at))
    while true {
      // The file whose next event comes first in replay order (lines within a file are in
      // order).
      guard let best = order.first, let events = heads[best].events, let run = heads[best].run
      else { break }
      let bestAt = heads[best].at
      let next = heads[best].next
      // The event is moved out of its run and back: borrowing it where it lies made the
      // compiler copy it (reference counting on each of its strings) around the fold's call,
      // which cost more than moving its bytes twice (measured: 0.62-0.66 s against
      // 0.58-0.64 s for a cold `priorities` on 1M events). Nothing in between throws.
      let slot = events + next
      let event = slot.move()
      let outcome = accept(
        event, Place(file: best, run: run, index: next), after: heads[best].lastAt, &validator,
        &summary, body)
      slot.initialize(to: consume event)
      if outcome.kept { heads[best].keepNext(order: summary.events) }
      if outcome.inOrder { heads[best].lastAt = bestAt }
      heads[best].advance()
      if heads[best].events == nil { try refill(best) }
      order.updateFirst(at: heads[best].at)
    }
    for (index, feed) in feeds.enumerated() {
      if let torn = feed.cursor.torn { summary.problems.append(torn) }
      summary.files[feed.cursor.name] = Ledger.FileState(
        lineCount: feed.cursor.nextLine - 1, isTorn: feed.cursor.torn != nil,
        lastAt: heads[index].lastAt)
      summary.keys[feed.cursor.name] = feed.cursor.key(
        lineCount: feed.cursor.nextLine - 1, lastAt: heads[index].lastAt)
    }
    summary.problems.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    if watching != nil { validator.ids.settle(files.filling?.finish()) }
    summary.validator = validator
    return summary
  }

  /// The log's files, each read and decoded in the background from the moment they are
  /// opened: a replay can open them, then do other work (finding retractions) while the first
  /// blocks decode.
  final class OpenFiles: @unchecked Sendable {
    let feeds: [FileFeed]
    /// Their total size.
    let bytes: Int
    /// The filter of ids their decoding fills, when asked to.
    let filling: IDFilling?

    init(feeds: [FileFeed], bytes: Int, filling: IDFilling?) {
      self.feeds = feeds
      self.bytes = bytes
      self.filling = filling
    }
  }

  /// Opens the folder's files and starts decoding them; `fillingIDs`: and filling a filter of
  /// their ids (`IDFilling`) as they are decoded.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  func open(fillingIDs: Bool = false) throws(LedgerError) -> OpenFiles {
    // The lines of an append that was cut off are left out, and reported.
    let cursors = try FileCursor.log(of: folder, blockSize: blockSize)
    var bytes = 0
    for cursor in cursors {
      var status = stat()
      if stat(folder.path(of: cursor.name), &status) == 0 { bytes += Int(status.st_size) }
    }
    let filling = fillingIDs ? IDFilling(IDFilter(forLogOf: bytes)) : nil
    let queue = DecodingQueue()
    let memos = MemoPool(numbering: ServiceNumbers())
    let readAhead = ReadAhead(largest: blockSize)
    let feeds = cursors.map {
      FileFeed(
        cursor: $0, reader: reader, queue: queue, memos: memos, readAhead: readAhead,
        filling: filling)
    }
    return OpenFiles(feeds: feeds, bytes: bytes, filling: filling)
  }

  /// Checks one event in replay order and, when it is valid, passes it to `body`.
  /// - Returns: whether it counts for its file's time order (false only when it breaks it),
  ///   and whether `body` keeps it.
  private func accept(
    _ event: borrowing RecordedEvent, _ place: Place, after lastAt: Timestamp?,
    _ validator: inout ReferenceValidator, _ summary: inout Summary,
    _ body: (RecordedEvent, Place) -> Bool
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
          rule: error.rule, file: location.file, line: location.line,
          service: event.event.service, message: error.description))
      return (true, false)
    }
    summary.events += 1
    return (true, body(event, place))
  }
}
