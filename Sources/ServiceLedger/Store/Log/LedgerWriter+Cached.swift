extension LedgerWriter {
  /// The current replay cache and the validator's state from it, rebuilt first when missing
  /// or stale; nil when the cache cannot serve this append (a history append, `roles.json`
  /// present, an append cut off, or a log with invalid lines).
  func usableCache() throws(LedgerError) -> (ReplayCache, ReferenceValidator)? {
    guard mode == .recording, case .none = AppendJournal.state(in: folder),
      try Roles.load(from: folder) == nil
    else { return nil }
    var current = ReplayCache.current(folder, withValidator: true)
    if current == nil {
      try folder.rebuildCache()
      current = ReplayCache.current(folder, withValidator: true)
    }
    guard let (cache, _) = current, let validator = cache.validator else { return nil }
    return (cache, validator)
  }

  /// Stamps, checks and writes `batches` against a current `cache`, then updates the cache;
  /// nil when an event would replay before a cached one, so the whole log must be read
  /// instead.
  func appendCached(
    _ batches: [Batch], cache: ReplayCache, validator: ReferenceValidator, source: String,
    lock: FileLock
  ) throws(LedgerError) -> [String: Ledger.FileState]? {
    var batches = batches
    try stamp(&batches, after: cache.maxAt, isEmpty: false, source: source)
    let afterCached = batches.allSatisfy { batch in
      batch.events.allSatisfy { cache.replaysAfterCached($0.at, file: batch.file) }
    }
    guard afterCached else { return nil }
    var cache = cache
    var validator = validator
    let before = Dictionary(uniqueKeysWithValues: cache.files.map { ($0.name, $0) })
    let files = before.mapValues {
      Ledger.FileState(lineCount: $0.lineCount, isTorn: false, lastAt: $0.lastAt)
    }
    let placed = try place(batches, after: files, source: source)
    guard !placed.events.isEmpty else { return placed.files }
    for (event, line) in placed.events.sorted(by: { Ledger.replayOrder($0.event, $1.event) }) {
      do throws(EventError) {
        try validator.validate(event)
      } catch {
        throw LedgerError.rejected(source: source, line: line, reason: error.description)
      }
      cache.note(event)
    }
    try write(placed.output, journaled: placed.events.count > 1, lock: lock)
    cache.validator = validator
    var keys: [ReplayCache.FileKey] = []
    let written = Dictionary(placed.output, uniquingKeysWith: +)
    for (name, state) in placed.files.sorted(by: { $0.key < $1.key }) {
      let known = before[name] ?? .empty(name)
      guard let appended = written[name] else {
        keys.append(known)
        continue
      }
      // The hash carried on over the bytes just written: the file is not read again.
      guard
        let current = ReplayCache.key(
          after: known, appended: appended, in: folder, lineCount: state.lineCount,
          lastAt: state.lastAt)
      else {
        ReplayCache.remove(from: folder)
        return placed.files
      }
      keys.append(current)
    }
    cache.files = keys
    if placed.events.contains(where: {
      if case .eventRetracted = $0.event.event { true } else { false }
    }) {
      // The compacted events may hold what was just withdrawn: the next replay rebuilds.
      ReplayCache.remove(from: folder)
    } else {
      cache.save(to: folder)
    }
    return placed.files
  }
}

extension ReplayCache {
  /// The cache for a valid `ledger` read whole (after an append that had to read it).
  init?(_ ledger: Ledger, folder: LedgerFolder) {
    var validator = ReferenceValidator(expectedEvents: ledger.events.count)
    var compact = CompactLog()
    let retracted = Set(ledger.events.compactMap { Timeline.retractionTarget($0, knownAt: nil) })
    var maxAt: Timestamp?
    for (order, event) in ledger.events.enumerated() {
      guard (try? validator.validate(event)) != nil else { return nil }
      maxAt = max(maxAt ?? event.at, event.at)
      if case .eventRetracted = event.event { continue }
      if !retracted.contains(event.id) { compact.add(event, order: order) }
    }
    var files: [FileKey] = []
    for (name, state) in ledger.files.sorted(by: { $0.key < $1.key }) {
      guard
        let key = ReplayCache.key(folder, name, lineCount: state.lineCount, lastAt: state.lastAt)
      else { return nil }
      files.append(key)
    }
    self.init(
      files: files, maxAt: maxAt, maxEffective: compact.maxEffective, validator: validator,
      compacted: compact.events)
  }
}
