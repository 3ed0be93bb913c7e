/// The ids of the events a validator has accepted, for its two questions: is this id new, and
/// was this (retracted) id seen.
///
/// Exact, it holds every id (16 bytes, 21 with the table's room). Keyed, as a long replay
/// uses it, it holds a 64-bit key of each id instead (8 bytes, about 11), and the exact ids of
/// only those events that retractions name (`watched`, found by the retraction pre-scan). A
/// keyed answer is then exact except where two ids share a key, or a retraction names an id
/// nobody watched: the set answers as if duplicated or seen, and notes that it was not sure
/// (`isUndecided`). Whoever trusts its answers (the replay, an append) must then do the work
/// again with exact ids: the keyed form agrees with the exact one or steps aside.
struct SeenIDs: Sendable {
  /// Whether it holds keys rather than ids.
  let isKeyed: Bool
  /// The ids, when exact; the keys, when keyed (the other stays empty).
  private var ids: EventIDSet
  private var keys: SlotSet<UInt64>
  /// Ids a retraction may ask about, and those of them accepted.
  private var watched = EventIDSet()
  private var seenWatched = EventIDSet()
  /// Whether a keyed answer was a guess.
  private(set) var isUndecided = false

  /// An exact set.
  init() { self.init(capacity: 0, keyed: false) }

  /// A set for about `capacity` ids: keyed, watching `watched`, or exact.
  init(capacity: Int, keyed: Bool, watching watched: Set<EventID> = []) {
    isKeyed = keyed
    ids = EventIDSet(capacity: keyed ? 0 : capacity)
    keys = SlotSet(capacity: keyed ? capacity : 0)
    guard keyed else { return }
    self.watched = EventIDSet(capacity: watched.count)
    for id in watched { _ = self.watched.insert(id) }
  }

  /// The number of ids.
  var count: Int { isKeyed ? keys.count : ids.count }

  /// The key of `id`: 64 of its bits, mixed, never 0 (an empty slot).
  static func key(_ id: EventID) -> UInt64 { (id.mixed ^ id.high) | 1 }

  /// Adds `id`; false when it was there (or, keyed, when its key was: then undecided).
  mutating func insert(_ id: EventID) -> Bool {
    guard isKeyed else { return ids.insert(id) }
    guard keys.insert(Self.key(id)) else {
      isUndecided = true
      return false
    }
    if watched.count > 0, watched.contains(id) { _ = seenWatched.insert(id) }
    return true
  }

  /// Whether `id` was added (or, keyed, when its key was and nobody watched it: then
  /// undecided).
  mutating func contains(_ id: EventID) -> Bool {
    guard isKeyed else { return ids.contains(id) }
    guard keys.contains(Self.key(id)) else { return false }
    if watched.contains(id) { return seenWatched.contains(id) }
    isUndecided = true
    return true
  }

  /// Removes `id`, just added, when its event turned out invalid.
  mutating func remove(_ id: EventID) {
    guard isKeyed else { return ids.remove(id) }
    keys.remove(Self.key(id))
    seenWatched.remove(id)
  }

  /// Gets the slots of the ids of `count` events at `events` ready (see `SlotSet.warm`).
  func warm(for events: UnsafePointer<RecordedEvent>, count: Int) {
    if isKeyed {
      keys.warm(count: count) { Self.key(events[$0].id) }
    } else {
      ids.warm(count: count) { events[$0].id }
    }
  }
}

extension SeenIDs {
  /// Writes the set as it is in memory, for the replay cache.
  func write(to out: inout BinaryWriter) {
    out.write(isKeyed ? 1 : 0)
    out.write(isUndecided ? 1 : 0)
    if isKeyed { keys.write(to: &out) } else { ids.write(to: &out) }
    watched.write(to: &out)
    seenWatched.write(to: &out)
  }

  /// The set `write(to:)` wrote where `input` reads next, or nil when it is not one.
  init?(reading input: inout BinaryReader) {
    guard let keyed = input.int(), let undecided = input.int() else { return nil }
    self.init(capacity: 0, keyed: keyed == 1)
    if keyed == 1 {
      guard let keys = SlotSet<UInt64>(reading: &input) else { return nil }
      self.keys = keys
    } else {
      guard let ids = EventIDSet(reading: &input) else { return nil }
      self.ids = ids
    }
    guard let watched = EventIDSet(reading: &input),
      let seenWatched = EventIDSet(reading: &input)
    else { return nil }
    self.watched = watched
    self.seenWatched = seenWatched
    isUndecided = undecided == 1
  }
}
