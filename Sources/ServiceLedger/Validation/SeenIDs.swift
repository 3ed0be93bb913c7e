/// The ids of the events a validator has accepted, for its two questions: is this id new, and
/// was this (retracted) id seen.
///
/// Exact, it holds every id (16 bytes, 21 with the table's room): memory that grows with the
/// log. Filtered, as a long replay uses it, it holds a Bloom filter of every id (`IDFilter`,
/// of a fixed size) and the exact ids of only those events it must tell apart (`watched`):
/// the ids that retractions name (found by the retraction pre-scan) and the ids it was not
/// sure of in an earlier pass. An answer it cannot give exactly (the filter says "maybe" for
/// an id nobody watched) it gives as if the id were seen, and notes the id (`unsure`).
/// Whoever trusts its answers must then do the work again: a replay watching those ids too,
/// an append with exact ids. The filtered form agrees with the exact one or steps aside.
///
/// In a replay, the decoding threads fill the filter, off the replay's thread
/// (`IDFilling`): the replay takes every id it does not watch to be new, and learns at the end
/// of the pass which ids the filling met twice (or maybe twice), `settle(_:)`. Any id in the
/// log twice is among them, whatever order the threads met the lines in.
struct SeenIDs: Sendable {
  /// Whether it holds a filter rather than ids.
  let isFiltered: Bool
  /// The ids, when exact.
  private var ids: EventIDSet
  /// Every id added, and maybe others, when filtered; nil while a replay's decoding threads
  /// fill it.
  private(set) var filter: IDFilter?
  /// Whether the filter holds (or, being filled, will hold) every id of the log a replay is
  /// validating, the repeats among them known at the end of the pass: until `settle`, an id
  /// nobody watches is taken to be new.
  private var holdsLog: Bool
  /// Ids it must answer for exactly, and those of them accepted.
  private var watched = EventIDSet()
  private var seenWatched = EventIDSet()
  /// `watched` for a first look: every id a replay adds is asked about, and few are watched;
  /// made again wherever `watched` is set.
  private var watchedBits = IDBitmap()
  /// The ids it gave a guess for.
  private(set) var unsure: Set<EventID> = []

  /// An exact set.
  init() { self.init(exactCapacity: 0) }

  /// An exact set for about `capacity` ids.
  init(exactCapacity capacity: Int) {
    isFiltered = false
    ids = EventIDSet(capacity: capacity)
    holdsLog = false
  }

  /// A filtered set watching `watched`, whose filter is `filter`. For a replay, `holdsLog`:
  /// the filter holds every id of the log (nil: the replay's decoding threads fill one and
  /// give it to `settle`).
  init(filter: IDFilter?, holdsLog: Bool, watching watched: Set<EventID>) {
    isFiltered = true
    ids = EventIDSet()
    self.filter = filter
    self.holdsLog = holdsLog || filter == nil
    self.watched = EventIDSet(capacity: watched.count)
    for id in watched { _ = self.watched.insert(id) }
    watchedBits = IDBitmap(watched, count: watched.count)
  }

  /// Whether an answer was a guess.
  var isUndecided: Bool { !unsure.isEmpty }

  /// Adds `id`; false when it was there (or, filtered, when it may have been: then unsure).
  mutating func insert(_ id: EventID) -> Bool {
    guard isFiltered else { return ids.insert(id) }
    if watchedBits.mayContain(id), watched.contains(id) {
      guard seenWatched.insert(id) else { return false }
      if !holdsLog { filter?.insert(id) }
      return true
    }
    // The ids the replay's filling met twice come to `settle`.
    guard !holdsLog else { return true }
    guard filter?.insert(id) ?? false else {
      unsure.insert(id)
      return false
    }
    return true
  }

  /// Whether `id` was added (or, filtered, when it may have been and nobody watched it: then
  /// unsure).
  mutating func contains(_ id: EventID) -> Bool {
    guard isFiltered else { return ids.contains(id) }
    if watched.contains(id) { return seenWatched.contains(id) }
    // A filter being filled holds later ids too: it cannot say.
    if let filter, !filter.contains(id) { return false }
    unsure.insert(id)
    return true
  }

  /// Removes `id`, just added, when its event turned out invalid. A filter keeps it: an event
  /// with the same id later is then a "maybe", which the exact path settles.
  mutating func remove(_ id: EventID) {
    guard isFiltered else { return ids.remove(id) }
    seenWatched.remove(id)
  }

  /// Ends a replay's pass: `filling` is what its decoding threads made of every id decoded,
  /// when they filled the filter. The ids they met twice that nobody watched are unsure; the
  /// filter then takes the ids added from here on itself.
  mutating func settle(_ filling: IDFilling.Result?) {
    if let filling {
      for id in filling.repeated where !watched.contains(id) { unsure.insert(id) }
      if filter == nil { filter = filling.filter }
    }
    holdsLog = false
  }

  /// Gets the slots of the ids of `count` events at `events` ready, when exact (see
  /// `SlotSet.warm`).
  func warm(for events: UnsafePointer<RecordedEvent>, count: Int) {
    guard !isFiltered else { return }
    ids.warm(count: count) { events[$0].id }
  }
}

extension SeenIDs {
  /// Writes the set as it is in memory, for the replay cache.
  func write(to out: inout BinaryWriter) {
    out.write(isFiltered ? 1 : 0)
    out.write(unsure.count)
    for id in unsure {
      out.write(id.high)
      out.write(id.low)
    }
    if isFiltered {
      // A set whose filter a replay is still filling cannot answer: written without one, it
      // reads back as no set at all.
      out.write(filter == nil ? 0 : 1)
      filter?.write(to: &out)
    } else {
      ids.write(to: &out)
    }
    watched.write(to: &out)
    seenWatched.write(to: &out)
  }

  /// The set `write(to:)` wrote where `input` reads next, or nil when it is not one.
  init?(reading input: inout BinaryReader) {
    guard let filtered = input.int(), let unsureCount = input.count(itemSize: 16) else {
      return nil
    }
    var unsure: Set<EventID> = []
    for _ in 0..<unsureCount {
      guard let high = input.uint64(), let low = input.uint64() else { return nil }
      unsure.insert(EventID(high: high, low: low))
    }
    if filtered == 1 {
      guard input.int() == 1, let filter = IDFilter(reading: &input) else { return nil }
      self.init(filter: filter, holdsLog: false, watching: [])
    } else {
      guard let ids = EventIDSet(reading: &input) else { return nil }
      self.init()
      self.ids = ids
    }
    guard let watched = EventIDSet(reading: &input),
      let seenWatched = EventIDSet(reading: &input)
    else { return nil }
    self.watched = watched
    watchedBits = IDBitmap(watched.values, count: watched.count)
    self.seenWatched = seenWatched
    self.unsure = unsure
  }
}
