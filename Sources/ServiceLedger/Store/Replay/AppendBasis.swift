/// What an append is checked against when the replay cache cannot serve it: the log replayed
/// whole through the engine, streamed, under the writer's exclusive lock.
///
/// New events replay after every event already in the log (`KnowledgeTime`: each new `at` is
/// later than the latest), so the validator as it stands after the log's last event is all
/// that checking them needs; no event is held beyond what `fold` keeps. Its ids are exact
/// (`SeenIDs`), so that it can answer for any new event.
struct AppendBasis<F: Fold> {
  /// The fold given the events in force (what an import checks its rows against).
  var fold: F
  /// The validator after the log's last valid event.
  var validator: ReferenceValidator
  /// Each file's line count and latest `at`.
  var files: [String: Ledger.FileState]
  /// Every invalid line: an append to a log that has any is refused.
  var problems: [LedgerProblem]
  /// The payloads of the events asked for by id (those new retractions withdraw, for
  /// `roles.json`), when the log has them.
  var found: [EventID: Event]
  /// The replay cache rebuilt on the way (with `savingCache`), for the writer to save once
  /// the append's lines are written (or it was refused before a byte was): never before, so
  /// that it does not take the room the lines need.
  var cache: ReplayCache?

  /// The latest `at` in the log; nil when it has no event.
  var latest: Timestamp? { files.values.compactMap(\.lastAt).max() }
  /// Whether the log has no line at all.
  var isEmpty: Bool { files.values.allSatisfy { $0.lineCount == 0 } }
}

/// A fold that reads nothing: for an append whose events do not depend on the log.
struct NoFold: Fold {
  var reads: EventReads { EventReads([]) }
  mutating func apply(_ event: RecordedEvent) {}
}

extension LedgerFolder {
  /// Replays the whole log for an append; the caller holds the folder's exclusive lock.
  ///
  /// - Parameters:
  ///   - initial: the empty fold.
  ///   - wanted: ids whose events to return.
  ///   - retracting: the ids the new retractions name, for the validator to watch as it
  ///     watches those the log's retractions name (`ReferenceValidator.watch(_:)`).
  ///   - savingCache: whether to rebuild the replay cache on the way (for a valid log, when
  ///     nothing is looked up), so that the appends after this one are checked against it;
  ///     it is returned (`AppendBasis.cache`), not saved.
  ///   - reader: how lines are decoded.
  /// - Returns: the fold, the validator, the files' states, the problems and what was found.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  func appendBasis<F: Fold>(
    _ initial: F, finding wanted: Set<EventID> = [], retracting: Set<EventID> = [],
    savingCache: Bool = false,
    reader: LogFileReader = LogFileReader()
  ) throws(LedgerError) -> AppendBasis<F> {
    typealias Gathered = (fold: F, found: [EventID: Event])
    let reads = initial.reads
    let every: ((inout Gathered, RecordedEvent) -> Void)? =
      wanted.isEmpty
      ? nil
      : { gathered, event in
        if wanted.contains(event.id) { gathered.found[event.id] = event.event }
      }
    let result = try streamed(
      asOf: nil, knownAt: nil, reader: reader, savingCache: savingCache, exactIDs: true,
      retracting: retracting, into: (initial, [:]),
      every: every
    ) { gathered, event in
      if reads.contains(event.type) { gathered.fold.apply(event) }
    }
    return AppendBasis(
      fold: result.state.fold, validator: result.summary.validator, files: result.summary.files,
      problems: result.summary.problems, found: result.state.found, cache: result.cache)
  }
}
