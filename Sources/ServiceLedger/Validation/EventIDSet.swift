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
  init(capacity: Int = 0) {
    var size = 16
    while size * 3 < capacity * 4 { size *= 2 }
    slots = Array(repeating: (0, 0), count: size)
  }

  /// Calls `body` with every id, in slot order.
  func forEach(_ body: (EventID) -> Void) {
    if hasZero { body(EventID(high: 0, low: 0)) }
    for slot in slots where slot != (0, 0) { body(EventID(high: slot.0, low: slot.1)) }
  }

  /// Adds `id`; false when it was already there.
  mutating func insert(_ id: EventID) -> Bool {
    if id.high == 0 && id.low == 0 {
      defer { hasZero = true }
      if !hasZero { count += 1 }
      return !hasZero
    }
    if (count + 1) * 4 > slots.count * 3 { grow() }
    let mask = slots.count - 1
    var index = slot(for: id, mask: mask)
    while slots[index] != (0, 0) {
      if slots[index] == (id.high, id.low) { return false }
      index = (index + 1) & mask
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
    let mask = slots.count - 1
    var sum: UInt64 = 0
    slots.withUnsafeBufferPointer { slots in
      for index in 0..<count { sum &+= slots[slot(for: events[index].id, mask: mask)].0 }
    }
    keep(sum)
  }

  /// Whether `id` is in the set.
  func contains(_ id: EventID) -> Bool {
    if id.high == 0 && id.low == 0 { return hasZero }
    let mask = slots.count - 1
    var index = slot(for: id, mask: mask)
    while slots[index] != (0, 0) {
      if slots[index] == (id.high, id.low) { return true }
      index = (index + 1) & mask
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
    let mask = slots.count - 1
    var index = slot(for: id, mask: mask)
    while slots[index] != (0, 0) {
      if slots[index] == (id.high, id.low) {
        // Empty the slot, then re-insert the rest of the run so no id becomes unreachable.
        slots[index] = (0, 0)
        count -= 1
        var next = (index + 1) & mask
        while slots[next] != (0, 0) {
          let moved = EventID(high: slots[next].0, low: slots[next].1)
          slots[next] = (0, 0)
          count -= 1
          _ = insert(moved)
          next = (next + 1) & mask
        }
        return
      }
      index = (index + 1) & mask
    }
  }

  private func slot(for id: EventID, mask: Int) -> Int {
    let mixed = (id.high ^ id.low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 20) & mask
  }

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
