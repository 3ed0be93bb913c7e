/// The set of every event id seen in a replay: open addressing over the ids' own bits.
///
/// Ids are random UUIDs, so their bits are already spread evenly and need no hashing beyond a
/// multiply; this set inserts in a few nanoseconds where `Set<EventID>` spends most of its
/// time hashing. A replay of a million events inserts a million ids.
struct EventIDSet: Sendable {
  private var highs: [UInt64]
  private var lows: [UInt64]
  private var used: [Bool]
  private(set) var count = 0

  /// A set with room for `capacity` ids before it grows.
  init(capacity: Int = 0) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    highs = Array(repeating: 0, count: size)
    lows = Array(repeating: 0, count: size)
    used = Array(repeating: false, count: size)
  }

  /// Adds `id`; false when it was already there.
  mutating func insert(_ id: EventID) -> Bool {
    if (count + 1) * 2 > used.count { grow() }
    var slot = slot(for: id)
    while used[slot] {
      if highs[slot] == id.high && lows[slot] == id.low { return false }
      slot = (slot + 1) & (used.count - 1)
    }
    used[slot] = true
    highs[slot] = id.high
    lows[slot] = id.low
    count += 1
    return true
  }

  /// Whether `id` is in the set.
  func contains(_ id: EventID) -> Bool {
    var slot = slot(for: id)
    while used[slot] {
      if highs[slot] == id.high && lows[slot] == id.low { return true }
      slot = (slot + 1) & (used.count - 1)
    }
    return false
  }

  /// Removes `id` if it is there.
  mutating func remove(_ id: EventID) {
    var slot = slot(for: id)
    while used[slot] {
      if highs[slot] == id.high && lows[slot] == id.low {
        // Re-insert the rest of the run so that no later id becomes unreachable.
        used[slot] = false
        count -= 1
        var next = (slot + 1) & (used.count - 1)
        while used[next] {
          let moved = EventID(high: highs[next], low: lows[next])
          used[next] = false
          count -= 1
          _ = insert(moved)
          next = (next + 1) & (used.count - 1)
        }
        return
      }
      slot = (slot + 1) & (used.count - 1)
    }
  }

  private func slot(for id: EventID) -> Int {
    let mixed = (id.high ^ id.low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 20) & (used.count - 1)
  }

  private mutating func grow() {
    let old = (highs, lows, used)
    self = EventIDSet(capacity: used.count)
    for index in old.2.indices where old.2[index] {
      _ = insert(EventID(high: old.0[index], low: old.1[index]))
    }
  }
}
