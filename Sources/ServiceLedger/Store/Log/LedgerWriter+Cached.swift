extension LedgerWriter {
  /// The current replay cache and the validator's state from it; nil when there is none to
  /// serve this append (missing or stale, a history append, an append cut off).
  func usableCache() throws(LedgerError) -> (ReplayCache, ReferenceValidator)? {
    guard mode == .recording, case .none = AppendJournal.state(in: folder),
      let (cache, _) = ReplayCache.current(folder, withValidator: true),
      let validator = cache.validator
    else { return nil }
    return (cache, validator)
  }

  /// Stamps, checks (against `roles.json` too) and writes `batches` against a current
  /// `cache`, then updates the cache; nil when an event would replay before a cached one, a
  /// retraction withdraws an event the cache does not hold or a short volume report whose
  /// period the validator cannot free (it holds only those a retraction in the log named
  /// apart: `ReferenceValidator.holdsApart(_:)`), or the cache's filter of the ids cannot say
  /// for sure whether an id is new or was seen (`SeenIDs`), so the log must be streamed
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
    // What a retraction withdraws, from the cache's events: when the cache no longer holds it
    // (a report it compacted away), the streamed path finds it in the log. Most appends
    // retract nothing, and look nothing up.
    let retracting = Self.retractionTargets(batches)
    let newIDs = Set(batches.flatMap { $0.events.map(\.id) })
    let targets = retracting.subtracting(newIDs)
    var found: [EventID: Event] = [:]
    if !targets.isEmpty {
      for event in cache.compacted where targets.contains(event.id) {
        found[event.id] = event.event
      }
      // A short volume report the validator does not hold apart keeps its period in
      // `ShortReports`, perhaps with a restatement's: the streamed path replays the log
      // watching it, so that its retraction frees the period.
      for target in targets where !validator.holdsApart(target) {
        guard let event = found[target], !Self.isShortReport(event) else { return nil }
      }
    }
    if let roles = try Roles.load(from: folder) {
      guard targets.isSubset(of: found.keys) else { return nil }
      try Authorisation(roles: roles).check(batches, source: source) { found[$0] }
    }
    var cache = cache
    var validator = validator
    // New events the batch's own retractions withdraw come later: watched from now on.
    validator.watch(retracting.intersection(newIDs))
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
        // A guess about ids (the cache keeps a filter of them) is settled by the exact path.
        if validator.isUndecided { return nil }
        throw LedgerError.rejected(source: source, line: line, reason: error.description)
      }
      cache.note(event)
    }
    if validator.isUndecided { return nil }
    do throws(LedgerError) {
      try write(placed.output, journaled: placed.events.count > 1, lock: lock)
    } catch {
      // On a full disk the room is the log's: the next append streams the log instead.
      ReplayCache.remove(from: folder)
      throw error.adding("(the replay cache was removed, to make room for the next try)")
    }
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

  /// Whether `event` is a volume report shorter than 12 months.
  private static func isShortReport(_ event: Event) -> Bool {
    if case .volumeReported(let report) = event { return report.days < 365 }
    return false
  }
}
