extension LedgerStream {
  /// Folds the events in force at `asOf`, as known at `knownAt`, into `initial`, streaming the
  /// log instead of holding it: the same events, in the same order, as `Timeline`.
  ///
  /// A retraction comes after the event it withdraws, so the replay starts from `assumed`
  /// retractions (none, or those a cache remembers) and, if the log's valid retractions turn
  /// out to differ, replays once more knowing them: at most two passes, one when the
  /// assumption holds.
  /// - Parameters:
  ///   - asOf: valid time.
  ///   - knownAt: knowledge time; nil for everything recorded.
  ///   - assumed: ids believed retracted.
  ///   - initial: the empty fold state.
  ///   - apply: folds one event in force into the state.
  /// - Returns: the folded state, what the replay found, and the ids retracted.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public func replay<State>(
    asOf: CivilDate, knownAt: Timestamp?, assuming assumed: Set<EventID> = [],
    into initial: State, _ apply: (inout State, RecordedEvent) -> Void
  ) throws(LedgerError) -> (state: State, summary: Summary, retracted: Set<EventID>) {
    var retracted = assumed
    while true {
      var state = initial
      var observed: Set<EventID> = []
      let filter = Timeline.Filter(asOf: asOf, knownAt: knownAt, retracted: retracted)
      let summary = try replay { event in
        if let target = Timeline.retractionTarget(event, knownAt: knownAt) {
          observed.insert(target)
        } else if filter.admits(event) {
          apply(&state, event)
        }
      }
      if observed == retracted { return (state, summary, retracted) }
      retracted = observed
    }
  }
}

extension LedgerFolder {
  /// Folds the events in force at `asOf`, as known at `knownAt`, into `initial`: streamed
  /// under the folder's shared lock, or, while an append that was cut off is waiting for
  /// `ledger repair`, from the log read whole (which leaves that append out).
  /// - Parameters:
  ///   - asOf: valid time.
  ///   - knownAt: knowledge time; nil for everything recorded.
  ///   - reader: how lines are decoded.
  ///   - initial: the empty fold state.
  ///   - apply: folds one event in force into the state.
  /// - Returns: the folded state and every invalid line.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  public func replay<State>(
    asOf: CivilDate, knownAt: Timestamp?, reader: LogFileReader = LogFileReader(),
    into initial: State, _ apply: (inout State, RecordedEvent) -> Void
  ) throws(LedgerError) -> (state: State, problems: [LedgerProblem]) {
    guard exists else { throw LedgerError.noLedger(path: path) }
    let lock = try? FileLock(path: path, create: false, exclusive: false)
    defer { lock?.unlock() }
    if case .pending = AppendJournal.state(in: self) {
      let ledger = try readUnlocked(reader: reader)
      var state = initial
      for event in Timeline(ledger, asOf: asOf, knownAt: knownAt).events { apply(&state, event) }
      return (state, ledger.problems)
    }
    let assumed = try RetractionScan.targets(in: self, knownAt: knownAt, reader: reader)
    let result = try LedgerStream(folder: self, reader: reader).replay(
      asOf: asOf, knownAt: knownAt, assuming: assumed, into: initial, apply)
    return (result.state, result.summary.problems)
  }
}
