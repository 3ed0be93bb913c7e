/// A value an open-addressing table holds in its slots: a bit pattern whose bits are already
/// spread (event ids are random UUIDs, keys are mixed from them), with one value marking an
/// empty slot.
protocol SlotValue: Equatable, Sendable {
  /// The value that marks an empty slot; a set keeps it aside.
  static var empty: Self { get }
  /// 64 well-mixed bits of the value, where a look-up starts.
  var mixed: UInt64 { get }
}

extension EventID: SlotValue {
  static var empty: EventID { EventID(high: 0, low: 0) }
  var mixed: UInt64 { (high ^ low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 }
}

extension UInt64: SlotValue {
  static var empty: UInt64 { 0 }
  var mixed: UInt64 { self }
}

/// A set over its values' own bits, by open addressing: it inserts in a few nanoseconds where
/// `Set` spends most of its time hashing. A replay of a million events inserts a million ids.
///
/// Where a value's look-up starts depends on a random seed as well as on its bits, so that ids
/// crafted to share a start (the mix of an id's bits can be undone) do not pile into one run of
/// slots, which would make every insert slower than the last.
struct SlotSet<Value: SlotValue>: Sendable {
  private var slots: [Value]
  /// Mixed into every value's start; kept with a saved table.
  private(set) var seed: UInt64
  /// Whether the value that marks empty slots is in the set.
  private var hasEmpty = false
  private(set) var count = 0

  /// A set with room for `capacity` values before it grows (kept at most three quarters
  /// full). The table is exactly that size, not the next power of two: a replay's table is
  /// the largest thing it holds.
  init(capacity: Int = 0, seed: UInt64 = .random(in: .min ... .max)) {
    slots = Array(repeating: .empty, count: max(16, (capacity * 4 + 2) / 3))
    self.seed = seed
  }

  /// The table as it is in memory, for the replay cache: copied out and back whole, where
  /// writing and inserting a million values one by one would take a good part of a replay.
  func withTable<Result>(
    _ body: (UnsafeRawBufferPointer, _ count: Int, _ hasEmpty: Bool) -> Result
  ) -> Result {
    slots.withUnsafeBytes { body($0, count, hasEmpty) }
  }

  /// The set whose table `bytes` holds (as `withTable` gave it, with `seed`), or nil when they
  /// cannot be a table of `count` values (a damaged cache is rebuilt, never trusted).
  init?(table bytes: UnsafeRawBufferPointer, count: Int, hasEmpty: Bool, seed: UInt64) {
    let stride = MemoryLayout<Value>.stride
    let size = bytes.count / stride
    // At least one slot must stay empty, or a look-up for an absent value would never end.
    guard size >= 16, bytes.count == size * stride, count >= 0,
      count - (hasEmpty ? 1 : 0) < size
    else { return nil }
    slots = [Value](unsafeUninitializedCapacity: size) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
      initialized = size
    }
    self.count = count
    self.hasEmpty = hasEmpty
    self.seed = seed
    // Every value must be where a look-up finds it: no empty slot between its own and where
    // it is.
    var filled = 0
    for index in slots.indices where slots[index] != .empty {
      filled += 1
      var probe = slot(for: slots[index])
      while probe != index {
        guard slots[probe] != .empty else { return nil }
        probe = next(probe)
      }
    }
    guard filled + (hasEmpty ? 1 : 0) == count else { return nil }
  }

  /// Adds `value`; false when it was already there.
  mutating func insert(_ value: Value) -> Bool {
    if value == .empty {
      defer { hasEmpty = true }
      if !hasEmpty { count += 1 }
      return !hasEmpty
    }
    if (count + 1) * 4 > slots.count * 3 { grow() }
    var index = slot(for: value)
    while slots[index] != .empty {
      if slots[index] == value { return false }
      index = next(index)
    }
    slots[index] = value
    count += 1
    return true
  }

  /// Reads the slots where `count` values read through `value` would go, so that inserting
  /// them soon after finds those slots in the cache: these reads do not depend on each other,
  /// so the processor overlaps their waits for memory, where inserting one value at a time
  /// waits for each in turn.
  func warm(count: Int, _ value: (Int) -> Value) {
    var sum = 0
    slots.withUnsafeBufferPointer { slots in
      for index in 0..<count { sum &+= slots[slot(for: value(index))] == .empty ? 0 : 1 }
    }
    keep(sum)
  }

  /// The values in the set, in no order.
  var values: [Value] {
    slots.filter { $0 != .empty } + (hasEmpty ? [.empty] : [])
  }

  /// Whether `value` is in the set.
  func contains(_ value: Value) -> Bool {
    if value == .empty { return hasEmpty }
    var index = slot(for: value)
    while slots[index] != .empty {
      if slots[index] == value { return true }
      index = next(index)
    }
    return false
  }

  /// Removes `value` if it is there.
  mutating func remove(_ value: Value) {
    if value == .empty {
      if hasEmpty { count -= 1 }
      hasEmpty = false
      return
    }
    var index = slot(for: value)
    while slots[index] != .empty {
      if slots[index] == value {
        // Empty the slot, then re-insert the rest of the run so no value becomes unreachable.
        slots[index] = .empty
        count -= 1
        var following = next(index)
        while slots[following] != .empty {
          let moved = slots[following]
          slots[following] = .empty
          count -= 1
          _ = insert(moved)
          following = next(following)
        }
        return
      }
      index = next(index)
    }
  }

  /// Where `value`'s probe starts: its mixed bits with the seed, mixed again (MurmurHash3's
  /// finaliser), scaled to the table's size.
  private func slot(for value: Value) -> Int {
    var bits = value.mixed ^ seed
    bits = (bits ^ bits >> 33) &* 0xFF51_AFD7_ED55_8CCD
    bits = (bits ^ bits >> 33) &* 0xC4CE_B9FE_1A85_EC53
    bits ^= bits >> 33
    return Int(truncatingIfNeeded: bits.multipliedFullWidth(by: UInt64(slots.count)).high)
  }

  /// The slot after `index`, wrapping at the end.
  private func next(_ index: Int) -> Int { index + 1 == slots.count ? 0 : index + 1 }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: .empty, count: old.count * 2)
    count = hasEmpty ? 1 : 0
    for value in old where value != .empty { _ = insert(value) }
  }
}

/// The exact set of event ids.
typealias EventIDSet = SlotSet<EventID>

extension SlotSet {
  /// Writes the set as its table is in memory (see `withTable`).
  func write(to out: inout BinaryWriter) {
    withTable { table, count, hasEmpty in
      out.write(count)
      out.write(hasEmpty ? 1 : 0)
      out.write(seed)
      out.write(table.count)
      out.append(raw: table)
    }
  }

  /// The set `write(to:)` wrote where `input` reads next, or nil when it is not one.
  init?(reading input: inout BinaryReader) {
    guard let count = input.int(), let hasEmpty = input.int(), let seed = input.uint64(),
      let size = input.count(itemSize: 1),
      let set = input.withBytes(
        size, { SlotSet(table: $0, count: count, hasEmpty: hasEmpty == 1, seed: seed) })
    else { return nil }
    self = set
  }
}
