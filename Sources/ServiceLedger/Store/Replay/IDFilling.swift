import Dispatch
import Foundation

/// A replay's `IDFilter`, filled from the blocks the decoding threads finish (in whatever order
/// they finish them), on a serial queue of its own, so that the replay's thread does not look
/// up each id. What it gives at the end of the pass: the filter, and every id it met when the
/// filter already (maybe) held it. An id in the log twice is among those, whichever line
/// came first.
final class IDFilling: @unchecked Sendable {
  /// What a pass's decoding made of its ids.
  struct Result: Sendable {
    var filter: IDFilter
    /// The ids the filter (maybe) held when they came: repeats, and a few false alarms.
    var repeated: Set<EventID>
  }

  private var result: Result
  /// Read from the decoding threads: it never changes.
  private let layout: IDFilter.Layout
  private let queue = DispatchQueue(label: "ledger.ids")
  /// Batches may wait here, each holding its ids; a few at most, so that memory stays bounded
  /// if this falls behind the decoding.
  private let room = DispatchSemaphore(value: 8)
  /// The ids of blocks not yet handed over: a log of many files is read in small blocks, and
  /// waking the queue for each block's few ids cost more than the work.
  private var batch: [(id: EventID, place: IDFilter.Place)] = []
  private let batchLock = NSLock()
  private static var batchSize: Int { 4096 }
  /// How many of a batch's ids have their blocks read, then their bits set, at a time: their
  /// blocks take 32 KiB. Reading all 4,096 first (512 KiB), most had left the cache again by
  /// the time their bits were set.
  private static var groupSize: Int { 256 }

  /// A filling of `filter`.
  init(_ filter: IDFilter) {
    result = Result(filter: filter, repeated: [])
    layout = filter.layout
  }

  /// Adds the ids of the `count` events at `events`.
  func add(_ events: UnsafePointer<RecordedEvent>, count: Int) {
    guard count > 0 else { return }
    // Where each goes is worked out on the decoding thread.
    let ids = (0..<count).map { (id: events[$0].id, place: layout.place(events[$0].id)) }
    batchLock.lock()
    batch += ids
    let full = batch.count >= Self.batchSize ? batch : nil
    if full != nil { batch = [] }
    batchLock.unlock()
    if let full { submit(full) }
  }

  private func submit(_ ids: [(id: EventID, place: IDFilter.Place)]) {
    room.wait()
    queue.async {
      // Each id's block is read first: the reads do not depend on each other, so the processor
      // overlaps their waits for memory, where setting the bits one id at a time waits for each.
      // A group at a time, whose blocks fit in the core's first-level cache, so that they are
      // still there when their bits are set.
      for start in stride(from: 0, to: ids.count, by: Self.groupSize) {
        let group = ids[start..<min(start + Self.groupSize, ids.count)]
        self.result.filter.warm(group.lazy.map(\.place))
        for (id, place) in group where !self.result.filter.insert(place) {
          self.result.repeated.insert(id)
        }
      }
      self.room.signal()
    }
  }

  /// The filter and the repeats, once every block is decoded.
  func finish() -> Result {
    batchLock.lock()
    let rest = batch
    batch = []
    batchLock.unlock()
    if !rest.isEmpty { submit(rest) }
    return queue.sync { result }
  }
}
