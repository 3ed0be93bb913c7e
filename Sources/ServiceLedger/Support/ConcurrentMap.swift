import Dispatch
import Foundation

/// `transform` of 0..<count, worked out on every core, in order: for independent pieces of
/// work of some size (a block's halves, the retraction search's pieces, a site's quarterly
/// reports, a board report's two snapshots).
func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
  let results = ConcurrentResults<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { index in
    results.store(transform(index), at: index)
  }
  return results.values
}

/// The results of a concurrent map, each stored once under a lock.
private final class ConcurrentResults<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ value: T, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
