import Dispatch
import Foundation

/// Where one replay's blocks are decoded: on Dispatch's threads, at most as many at a time as
/// the machine has cores, in the order they were added, so that a ledger of thousands of files
/// starts a few decodings at a time rather than a thread for each file.
///
/// An `OperationQueue` did this before, at a cost per block that a log of many files read side
/// by side pays thousands of times (1M events dealt into 200 files read in 16 KiB blocks: some
/// 19,000 blocks, each an operation with its observers and locks).
final class DecodingQueue: @unchecked Sendable {
  private let width: Int
  /// Work waiting for a thread, oldest first from `next`; guarded by `lock`.
  private var waiting: [@Sendable () -> Void] = []
  private var next = 0
  /// How many threads are running work.
  private var running = 0
  private let lock = NSLock()

  /// A queue running at most `width` pieces of work at a time.
  init(width: Int = max(ProcessInfo.processInfo.activeProcessorCount, 1)) {
    self.width = max(width, 1)
  }

  /// Runs `work` on a thread of its own once fewer than `width` run.
  func add(_ work: @escaping @Sendable () -> Void) {
    lock.lock()
    guard running < width else {
      waiting.append(work)
      lock.unlock()
      return
    }
    running += 1
    lock.unlock()
    DispatchQueue.global().async { self.run(work) }
  }

  /// Runs `first`, then the work waiting, until none is left.
  private func run(_ first: @escaping @Sendable () -> Void) {
    var work = first
    while true {
      work()
      lock.lock()
      guard next < waiting.count else {
        waiting.removeAll(keepingCapacity: true)
        next = 0
        running -= 1
        lock.unlock()
        return
      }
      work = waiting[next]
      next += 1
      // Work run is let go of as the queue goes, not only once it empties.
      if next >= 64, next * 2 >= waiting.count {
        waiting.removeFirst(next)
        next = 0
      }
      lock.unlock()
    }
  }
}
