/// Takes a value that must be computed though nothing reads it: the compiler cannot see
/// into this function, so it keeps the reads that produce the value (the reads that warm a
/// cache ahead of use: `SlotSet.warm`, `IDFilter.warm`, `warmCacheLines`).
@_optimize(none)
@inline(never)
func keep<Value>(_ value: Value) {}

/// Reads a byte of every cache line of the `count` bytes at `start`, so that code about to
/// read them finds them in this core's cache: the reads do not depend on each other, so the
/// processor overlaps their waits, where reading the bytes as they are used waits for each
/// line in turn (`EventRun.warm`, the merge's `Head.warm`).
@inline(__always)
func warmCacheLines(_ start: UnsafeRawPointer, count: Int) {
  guard count > 0 else { return }
  var sum = start.load(fromByteOffset: count - 1, as: UInt8.self)
  for offset in stride(from: 0, to: count, by: 64) {
    sum &+= start.load(fromByteOffset: offset, as: UInt8.self)
  }
  keep(sum)
}
