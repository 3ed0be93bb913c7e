extension LedgerWriter {
  /// Appends events that do not depend on what the log holds (`ledger record`, `ledger
  /// append`), all-or-nothing under the folder's exclusive lock.
  ///
  /// When the replay cache is current, the events are checked against it and the lines
  /// appended since it was written, so the cost does not grow with the log; then the cache is
  /// updated. A missing or stale cache (after a copy or a checkout, say) is first rebuilt by
  /// a streamed replay. Otherwise (a log with invalid lines, `roles.json` present, an append
  /// cut off, or an event that would replay before the cached ones) the whole log is read as
  /// in `append(source:building:)`, and the cache is rebuilt.
  /// - Parameters:
  ///   - source: what to call the input in error messages.
  ///   - build: the batches to write, built under the lock (so `at` is read from the clock
  ///     there).
  /// - Returns: each file's line count and latest `at` after the append.
  /// - Throws: `LedgerError.rejected` when a new event is invalid; nothing is written.
  public func append(source: String, events build: () throws(LedgerError) -> [Batch])
    throws(LedgerError) -> [String: Ledger.FileState]
  {
    guard folder.exists else { throw LedgerError.noLedger(path: folder.path) }
    let lock = try FileLock(path: folder.path, create: false)
    defer { lock.unlock() }
    try settle(lock: lock)
    var built: [Batch]?
    if mode == .recording, case .none = AppendJournal.state(in: folder),
      try Roles.load(from: folder) == nil,
      let (cache, _) = try currentCache(), let validator = cache.validator
    {
      // Kept unstamped: the whole-log path below stamps them itself if it must take over.
      built = try build()
      var batches = built ?? []
      try stamp(&batches, after: cache.maxAt, isEmpty: false, source: source)
      if let files = try appendCached(
        batches, cache: cache, validator: validator, source: source, lock: lock)
      {
        return files
      }
    }
    let ledger = try appendLocked(source: source, lock: lock) { _ throws(LedgerError) in
      if let built { return built }
      return try build()
    }
    if ledger.problems.isEmpty { ReplayCache(ledger, folder: folder)?.save(to: folder) }
    return ledger.files
  }

  /// The replay cache with the validator's state, rebuilt first when missing or stale; nil
  /// when it cannot be (the log has invalid lines).
  private func currentCache() throws(LedgerError) -> (
    cache: ReplayCache, added: [RecordedEvent]
  )? {
    if let current = ReplayCache.current(folder, withValidator: true) { return current }
    try folder.rebuildCache()
    return ReplayCache.current(folder, withValidator: true)
  }

  /// Checks and writes `batches` against a current `cache`; nil when an event would replay
  /// before a cached one, so the whole log must be read instead.
  private func appendCached(
    _ batches: [Batch], cache: ReplayCache, validator: ReferenceValidator, source: String,
    lock: FileLock
  ) throws(LedgerError) -> [String: Ledger.FileState]? {
    var cache = cache
    var validator = validator
    var files = Dictionary(uniqueKeysWithValues: cache.files.map { ($0.name, $0) })
    let single = batches.map(\.events.count).reduce(0, +) == 1
    var placed: [(event: RecordedEvent, input: Int)] = []
    var output: [(file: String, bytes: [UInt8])] = []
    var inputLine = 0
    for batch in batches where !batch.events.isEmpty {
      guard LedgerFolder.isValidFileName(batch.file) else {
        throw LedgerError.invalidFileName(batch.file)
      }
      var key = files[batch.file] ?? ReplayCache.FileKey.empty(batch.file)
      var bytes: [UInt8] = []
      for var event in batch.events {
        inputLine += 1
        let line = single ? 0 : inputLine
        guard cache.replaysAfterCached(event.at, file: batch.file) else { return nil }
        if let last = key.lastAt, event.at < last {
          throw Self.backwards(event.at, last, batch.file, source: source, line: line)
        }
        key.lastAt = event.at
        key.lineCount += 1
        event.location = EventLocation(file: batch.file, line: key.lineCount)
        bytes += Array(try checkedLine(event, source: source, line: line).utf8) + [10]
        placed.append((event, line))
      }
      files[batch.file] = key
      output.append((batch.file, bytes))
    }
    guard !placed.isEmpty else { return [:] }
    placed.sort { Ledger.replayOrder($0.event, $1.event) }
    for (event, line) in placed {
      do throws(EventError) {
        try validator.validate(event)
      } catch {
        throw LedgerError.rejected(source: source, line: line, reason: error.description)
      }
      cache.note(event)
    }
    try write(output, journaled: placed.count > 1, lock: lock)
    cache.validator = validator
    var states: [String: Ledger.FileState] = [:]
    var keys: [ReplayCache.FileKey] = []
    let written = Dictionary(output, uniquingKeysWith: +)
    let before = Dictionary(uniqueKeysWithValues: cache.files.map { ($0.name, $0) })
    for key in files.values.sorted(by: { $0.name < $1.name }) {
      states[key.name] = Ledger.FileState(
        lineCount: key.lineCount, isTorn: false, lastAt: key.lastAt)
      guard let appended = written[key.name] else {
        keys.append(key)
        continue
      }
      // The hash carried on over the bytes just written: the file is not read again.
      guard
        let current = ReplayCache.key(
          after: before[key.name] ?? .empty(key.name), appended: appended, in: folder,
          lineCount: key.lineCount, lastAt: key.lastAt)
      else {
        ReplayCache.remove(from: folder)
        return states
      }
      keys.append(current)
    }
    cache.files = keys
    if placed.contains(where: { if case .eventRetracted = $0.event.event { true } else { false } })
    {
      // The compacted events may hold what was just withdrawn: the next replay rebuilds.
      ReplayCache.remove(from: folder)
    } else {
      cache.save(to: folder)
    }
    return states
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
