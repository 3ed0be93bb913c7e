/// The set of every event id seen in a replay: open addressing over the ids' own bits.
///
/// Ids are random UUIDs, so their bits are already spread evenly and need no hashing beyond a
/// multiply; this set inserts in a few nanoseconds where `Set<EventID>` spends most of its
/// time hashing. A replay of a million events inserts a million ids.
struct EventIDSet: Sendable {
  /// Slots of (high, low); (0, 0) marks an empty slot, and the all-zero id is kept aside.
  private var slots: [(UInt64, UInt64)]
  private var hasZero = false
  private(set) var count = 0

  /// A set with room for `capacity` ids before it grows (kept at most three quarters full).
  /// The table is exactly that size, not the next power of two: a replay's table is the
  /// largest thing it holds.
  init(capacity: Int = 0) {
    slots = Array(repeating: (0, 0), count: max(16, (capacity * 4 + 2) / 3))
  }

  /// The table as it is in memory, for the replay cache: copied out and back whole, where
  /// writing and inserting a million ids one by one would take a good part of a replay.
  func withTable<Result>(_ body: (UnsafeRawBufferPointer, _ count: Int, _ hasZero: Bool) -> Result)
    -> Result
  {
    slots.withUnsafeBytes { body($0, count, hasZero) }
  }

  /// The set whose table `bytes` holds (as `withTable` gave it), or nil when they cannot be a
  /// table of `count` ids (a damaged cache is rebuilt, never trusted).
  init?(table bytes: UnsafeRawBufferPointer, count: Int, hasZero: Bool) {
    let size = bytes.count / 16
    // At least one slot must stay empty, or a look-up for an absent id would never end.
    guard size >= 16, bytes.count == size * 16, count >= 0, count - (hasZero ? 1 : 0) < size
    else { return nil }
    slots = [(UInt64, UInt64)](unsafeUninitializedCapacity: size) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
      initialized = size
    }
    self.count = count
    self.hasZero = hasZero
    // Every id must be where a look-up finds it: no empty slot between its own and where it is.
    var filled = 0
    for index in slots.indices where slots[index] != (0, 0) {
      filled += 1
      var probe = slot(for: EventID(high: slots[index].0, low: slots[index].1))
      while probe != index {
        guard slots[probe] != (0, 0) else { return nil }
        probe = next(probe)
      }
    }
    guard filled + (hasZero ? 1 : 0) == count else { return nil }
  }

  /// Adds `id`; false when it was already there.
  mutating func insert(_ id: EventID) -> Bool {
    if id.high == 0 && id.low == 0 {
      defer { hasZero = true }
      if !hasZero { count += 1 }
      return !hasZero
    }
    if (count + 1) * 4 > slots.count * 3 { grow() }
    var index = slot(for: id)
    while slots[index] != (0, 0) {
      if slots[index] == (id.high, id.low) { return false }
      index = next(index)
    }
    slots[index] = (id.high, id.low)
    count += 1
    return true
  }

  /// Reads the slots where the ids of `count` events at `events` would go, so that checking
  /// them soon after finds those slots in the cache: these reads do not depend on each other,
  /// so the processor overlaps their waits for memory, where inserting one id at a time waits
  /// for each in turn.
  func warm(for events: UnsafePointer<RecordedEvent>, count: Int) {
    var sum: UInt64 = 0
    slots.withUnsafeBufferPointer { slots in
      for index in 0..<count { sum &+= slots[slot(for: events[index].id)].0 }
    }
    keep(sum)
  }

  /// Whether `id` is in the set.
  func contains(_ id: EventID) -> Bool {
    if id.high == 0 && id.low == 0 { return hasZero }
    var index = slot(for: id)
    while slots[index] != (0, 0) {
      if slots[index] == (id.high, id.low) { return true }
      index = next(index)
    }
    return false
  }

  /// Removes `id` if it is there.
  mutating func remove(_ id: EventID) {
    if id.high == 0 && id.low == 0 {
      if hasZero { count -= 1 }
      hasZero = false
      return
    }
    var index = slot(for: id)
    while slots[index] != (0, 0) {
      if slots[index] == (id.high, id.low) {
        // Empty the slot, then re-insert the rest of the run so no id becomes unreachable.
        slots[index] = (0, 0)
        count -= 1
        var following = next(index)
        while slots[following] != (0, 0) {
          let moved = EventID(high: slots[following].0, low: slots[following].1)
          slots[following] = (0, 0)
          count -= 1
          _ = insert(moved)
          following = next(following)
        }
        return
      }
      index = next(index)
    }
  }

  /// Where `id`'s probe starts: its mixed bits scaled to the table's size.
  private func slot(for id: EventID) -> Int {
    let mixed = (id.high ^ id.low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(slots.count)).high)
  }

  /// The slot after `index`, wrapping at the end.
  private func next(_ index: Int) -> Int { index + 1 == slots.count ? 0 : index + 1 }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: (0, 0), count: old.count * 2)
    count = hasZero ? 1 : 0
    for slot in old where slot != (0, 0) { _ = insert(EventID(high: slot.0, low: slot.1)) }
  }
}

/// Takes a value that must be computed though nothing reads it: the compiler cannot see
/// into this function, so it keeps the reads that produce the value.
@_optimize(none)
@inline(never)
private func keep(_ value: UInt64) {}
