import Dispatch

extension LedgerStream {
  /// Folds the events in force at `asOf`, as known at `knownAt`, into `initial`, streaming the
  /// log instead of holding it: the events `InForce` admits, in replay order.
  ///
  /// A retraction comes after the event it withdraws, so the replay starts from `assumed`
  /// retractions (none, or those a cache remembers) and, if the log's valid retractions turn
  /// out to differ, replays once more knowing them (and a pass whose filter of the ids was not
  /// enough once more, watching the ids it was not sure of): one pass when the assumptions
  /// hold.
  /// - Parameters:
  ///   - opened: the files, when already opened for the first pass.
  ///   - asOf: valid time; nil for no limit.
  ///   - knownAt: knowledge time; nil for everything recorded.
  ///   - assumed: ids believed retracted.
  ///   - watching: the ids every retraction names, for a validator that keeps a filter of the
  ///     ids (`SeenIDs`); nil for exact ids. A pass whose filter was not enough is replayed
  ///     watching the ids it was not sure of too (after three such passes, or for more than a
  ///     million such ids, with exact ids).
  ///   - retractable: the ids every retraction names, for the validator to watch whatever
  ///     `watching` is (`ReferenceValidator.watch(_:)`).
  ///   - initial: the empty fold state.
  ///   - every: given every valid event first, in force or not, retractions included.
  ///   - finished: when `knownAt` is nil, given each merged run of events with the events
  ///     marked that the replay cache keeps: every event but retractions and what they
  ///     withdraw, in force at `asOf` or not.
  ///   - startingPass: called before each pass, so that whoever `finished` feeds can forget
  ///     what an earlier pass gave it.
  ///   - apply: folds one event in force into the state.
  /// - Returns: the folded state, what the replay found, the ids retracted, and how many
  ///   passes it took.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  func replay<State>(
    _ opened: OpenFiles? = nil, asOf: CivilDate?, knownAt: Timestamp?,
    assuming assumed: Set<EventID> = [], watching: Set<EventID>? = nil,
    retractable: Set<EventID> = [], into initial: State,
    every: ((inout State, RecordedEvent) -> Void)? = nil,
    finished: ((EventRun) -> Void)? = nil, startingPass: (() -> Void)? = nil,
    _ apply: (inout State, RecordedEvent) -> Void
  ) throws(LedgerError) -> (
    state: State, summary: Summary, retracted: Set<EventID>, passes: Int
  ) {
    // The fold's worker holds `apply` only until the pass finishes it, inside this call.
    try withoutActuallyEscaping(apply) { (apply) throws(LedgerError) in
      var retracted = assumed
      var watching = watching
      // The filter of the log's ids, once a pass has filled it.
      var ids: IDFilter?
      var unsurePasses = 0
      var passes = 0
      var opened = opened
      while true {
        var observed: Set<EventID> = []
        let filter = InForce(asOf: asOf, knownAt: knownAt, retracted: retracted)
        passes += 1
        startingPass?()
        // A fold given every event (`check`, `log`, the report: much work per event) runs on a
        // thread of its own, a batch of events at a time, while this one merges; a light fold
        // is applied here (measured on 1M events: handing its events over costs more than it
        // saves).
        var state = initial
        let worker = every.map { FoldWorker(initial, every: $0, apply: apply) }
        // A read error ends the pass: the worker lets go of `apply` before it is rethrown.
        defer { worker?.finishIfNeeded() }
        let summary = try replay(
          opened,
          keeping: { event, place in
            if let target = InForce.retractionTarget(event, knownAt: knownAt) {
              worker?.add(place, inForce: false)
              observed.insert(target)
              return false
            }
            if filter.admits(event) {
              if let worker { worker.add(place, inForce: true) } else { apply(&state, event) }
              return knownAt == nil
            }
            worker?.add(place, inForce: false)
            // Not in force at `asOf`, but part of the log at a later date: the cache keeps it.
            return knownAt == nil && event.type != .eventRetracted
              && !retracted.contains(event.id)
          }, finished: knownAt == nil ? finished : nil, watching: watching, filter: ids,
          retractable: retractable)
        opened = nil
        if let worker { state = worker.finish() }
        ids = summary.validator.ids.filter
        if summary.validator.isUndecided {
          unsurePasses += 1
          // Exact ids, should the filter have said "maybe" to a great many (a log far larger
          // than it was sized for): watched, each takes more room than in the exact set.
          let unsure = summary.validator.ids.unsure
          watching = unsurePasses > 2 || unsure.count > 1 << 20 ? nil : watching?.union(unsure)
          continue
        }
        if observed == retracted { return (state, summary, retracted, passes) }
        retracted = observed
      }
    }
  }
}

extension LedgerFolder {
  /// The engine every command replays the log through: folds the events in force at `asOf`,
  /// as known at `knownAt`, into `initial`, giving it only the event types it reads.
  ///
  /// The log is streamed under the folder's shared lock (leaving out an append that was cut
  /// off and waits for `ledger repair`, which is reported as a problem). When nothing
  /// is left out by date or knowledge time, the cache is current and keeps everything the
  /// fold reads (`CompactLog.keeps`), the fold is served from the cache plus the lines
  /// appended since; a full replay with no `knownAt` rebuilds the cache.
  /// - Parameters:
  ///   - initial: the empty fold.
  ///   - asOf: valid time; nil for no limit.
  ///   - knownAt: knowledge time; nil for everything recorded.
  ///   - reader: how lines are decoded.
  ///   - every: given every valid event of the log first, in replay order, in force or not
  ///     (retractions included, whatever their `at`); a fold that takes it is never served
  ///     from the cache.
  /// - Returns: the folded state and every invalid line.
  /// - Throws: `LedgerError` when the folder or a file cannot be read.
  @inline(__always)  // so that the fold's `apply` reaches the replay loop as a direct call
  public func fold<F: Fold>(
    _ initial: F, asOf: CivilDate?, knownAt: Timestamp?, reader: LogFileReader = LogFileReader(),
    every: ((inout F, RecordedEvent) -> Void)? = nil
  ) throws(LedgerError) -> (fold: F, problems: [LedgerProblem]) {
    guard exists else { throw absence() }
    let lock = try? FileLock(path: path, create: false, exclusive: false)
    defer { lock?.unlock() }
    let reads = initial.reads
    let result = try replayLocked(
      asOf: asOf, knownAt: knownAt, reader: reader,
      fromCache: every == nil && CompactLog.keeps.covers(reads), into: initial, every: every
    ) { fold, event in
      if reads.contains(event.type) { fold.apply(event) }
    }
    return (result.state, result.problems)
  }

  /// The replay behind `fold` for a caller holding the folder's lock; `fromCache` says
  /// whether the cache holds every event `apply` reads.
  private func replayLocked<State>(
    asOf: CivilDate?, knownAt: Timestamp?, reader: LogFileReader, fromCache: Bool = false,
    into initial: State, every: ((inout State, RecordedEvent) -> Void)? = nil,
    _ apply: (inout State, RecordedEvent) -> Void
  ) throws(LedgerError) -> (state: State, problems: [LedgerProblem]) {
    // While an append that was cut off waits for `ledger repair`, its lines are in the files
    // but not in the log: the stream leaves them out, the cache would not.
    var isPending = false
    if case .pending = AppendJournal.state(in: self) { isPending = true }
    if fromCache, knownAt == nil, !isPending, let (cache, added) = ReplayCache.current(self),
      asOf.flatMap({ asOf in cache.maxEffective.map { $0 <= asOf } }) ?? true
    {
      var state = initial
      let filter = InForce(asOf: asOf, knownAt: nil, retracted: [])
      for event in cache.compacted where filter.admits(event) { apply(&state, event) }
      if !added.isEmpty || cache.isRefreshed { cache.save(to: self) }
      return (state, [])
    }
    let result = try streamed(
      asOf: asOf, knownAt: knownAt, reader: reader, into: initial, every: every, apply)
    result.cache?.save(to: self)
    return (result.state, result.summary.problems)
  }

  /// The log streamed through the replay, which rebuilds the cache on the way when
  /// `savingCache`, it is a full replay of a valid log and no fold is given every event. The
  /// validator keeps a filter of the ids (`SeenIDs`) unless `exactIDs`, and watches the ids the
  /// log's retractions name and `retracting` (those of retractions about to be appended).
  ///
  /// The cache is returned, not saved: the caller saves it when it may take the disk's room (a
  /// writer only once its own lines are down: a cache written first could take the room they
  /// need on a nearly full disk).
  func streamed<State>(
    asOf: CivilDate?, knownAt: Timestamp?, reader: LogFileReader, savingCache: Bool = true,
    exactIDs: Bool = false, retracting: Set<EventID> = [],
    into initial: State, every: ((inout State, RecordedEvent) -> Void)? = nil,
    _ apply: (inout State, RecordedEvent) -> Void
  ) throws(LedgerError) -> (state: State, summary: LedgerStream.Summary, cache: ReplayCache?) {
    // The files start decoding while the retractions are looked for.
    let stream = LedgerStream(folder: self, reader: reader)
    let opened = try stream.open(fillingIDs: !exactIDs)
    let scanned = try RetractionScan.targets(in: self, knownAt: knownAt, reader: reader)
    // The cache's events are gathered on the other core, a merged run at a time.
    // A fold given every event (`ledger check`) reads the log and leaves the folder as it was.
    let compactor = every == nil && savingCache ? Compactor() : nil
    let result = try stream.replay(
      opened, asOf: asOf, knownAt: knownAt, assuming: scanned.withdrawn,
      watching: exactIDs ? nil : scanned.named, retractable: scanned.named.union(retracting),
      into: initial, every: every,
      finished: compactor.map { compactor in { compactor.add($0) } },
      startingPass: compactor.map { compactor in { compactor.reset() } }, apply)
    // Gathered in the last pass only (another pass starts the compactor again: retractions
    // other than the scan found, or ids the filter was not sure of).
    var cache: ReplayCache?
    if let compact = compactor?.finish(), knownAt == nil, result.summary.problems.isEmpty {
      cache = builtCache(result.summary, compact)
    }
    return (result.state, result.summary, cache)
  }

  /// The replay cache of a full replay of a valid log; nil when it cannot be built.
  private func builtCache(_ summary: LedgerStream.Summary, _ compact: CompactLog)
    -> ReplayCache?
  {
    var files: [ReplayCache.FileKey] = []
    var maxAt: Timestamp?
    for (name, state) in summary.files.sorted(by: { $0.key < $1.key }) {
      // The key of the bytes the replay read, hashed as they were read.
      guard let key = summary.keys[name] else { return nil }
      files.append(key)
      if let last = state.lastAt { maxAt = max(maxAt ?? last, last) }
    }
    // The few lines kept are read again now (the folder is still locked for reading).
    guard let lines = CompactLog.read(compact.lines, from: self) else { return nil }
    return ReplayCache(
      files: files, maxAt: maxAt, maxEffective: compact.maxEffective,
      validator: summary.validator, compacted: [], lines: lines)
  }
}

/// A `CompactLog` fed merged runs on a serial queue of its own, off the replay's thread, a
/// batch of runs at a time: a log of many files is read in small blocks, and waking the queue
/// for each run's few events cost more than the work (a context switch a run).
private final class Compactor: @unchecked Sendable {
  private var log = CompactLog()
  private let queue = DispatchQueue(label: "ledger.compactor")
  /// Batches may wait here, each holding its runs' events; a few at most, so that memory
  /// stays bounded if this falls behind the replay.
  private let room = DispatchSemaphore(value: 6)
  /// The runs not yet handed over, and how many events they hold; a batch goes from this many.
  private var batch: [EventRun] = []
  private var batchEvents = 0
  private static var batchSize: Int { 1024 }

  /// Adds the events kept in `run`.
  func add(_ run: EventRun) {
    batch.append(run)
    batchEvents += run.count
    if batchEvents >= Self.batchSize { flush() }
  }

  private func flush() {
    guard !batch.isEmpty else { return }
    let runs = batch
    batch = []
    batchEvents = 0
    room.wait()
    queue.async {
      for run in runs { self.log.add(keptIn: run) }
      self.room.signal()
    }
  }

  /// Forgets the runs added so far, once they are in: a new pass starts.
  func reset() {
    batch = []
    batchEvents = 0
    queue.sync { log = CompactLog() }
  }

  /// The log once every run is in.
  func finish() -> CompactLog {
    flush()
    return queue.sync { log }
  }
}

/// A fold given every event, applied on a serial queue of its own, in batches, in the order
/// the events were added: `every` is given each event, and `apply` each one in force.
///
/// A batch names where its events lie in their runs, which it holds, rather than copying
/// them: the merge is done with an event once it is added, and nothing else reads it then.
/// Copying each event (its bytes, and a reference count on each of its strings) was most of
/// what handing it over cost.
private final class FoldWorker<State>: @unchecked Sendable {
  private var state: State
  private let every: (inout State, RecordedEvent) -> Void
  private let apply: (inout State, RecordedEvent) -> Void
  private var batch = Batch()
  private let queue = DispatchQueue(label: "ledger.fold")
  /// Batches that may wait, each holding its runs: memory stays bounded if the fold falls
  /// behind the merge.
  private let room = DispatchSemaphore(value: 4)
  private static var batchSize: Int { 2048 }
  private var isFinished = false

  /// Events to fold, in order: the runs they lie in, and per event its run (an index into
  /// `runs`), its index there and whether it is in force. Handed to the queue whole, and not
  /// touched by the merge again.
  private struct Batch: @unchecked Sendable {
    var runs: [EventRun] = []
    var bases: [UnsafeMutablePointer<RecordedEvent>] = []
    var events: [(run: Int32, inForce: Bool, index: Int)] = []
    /// Per file, the run in `runs` that its last event added lies in; -1 for none.
    var runOfFile: [Int32] = []

    init() { events.reserveCapacity(FoldWorker.batchSize) }
  }

  init(
    _ initial: State, every: @escaping (inout State, RecordedEvent) -> Void,
    apply: @escaping (inout State, RecordedEvent) -> Void
  ) {
    state = initial
    self.every = every
    self.apply = apply
  }

  /// Queues the event at `place`.
  func add(_ place: LedgerStream.Place, inForce: Bool) {
    if place.file >= batch.runOfFile.count {
      batch.runOfFile += repeatElement(-1, count: place.file + 1 - batch.runOfFile.count)
    }
    var run = batch.runOfFile[place.file]
    let base = place.run._withUnsafeGuaranteedRef { $0.base }
    if run < 0 || batch.bases[Int(run)] != base {
      run = Int32(batch.runs.count)
      batch.runs.append(place.run.takeUnretainedValue())
      batch.bases.append(base)
      batch.runOfFile[place.file] = run
    }
    batch.events.append((run, inForce, place.index))
    if batch.events.count == Self.batchSize { flush() }
  }

  private func flush() {
    guard !batch.events.isEmpty else { return }
    let events = batch
    batch = Batch()
    room.wait()
    queue.async {
      for (run, inForce, index) in events.events {
        // Moved out of its run and back, as the merge does: borrowed where it lies, it is
        // copied around the calls.
        let slot = events.bases[Int(run)] + index
        let event = slot.move()
        self.every(&self.state, event)
        if inForce { self.apply(&self.state, event) }
        slot.initialize(to: consume event)
      }
      withExtendedLifetime(events.runs) {}
      self.room.signal()
    }
  }

  /// The state once every event added is folded.
  func finish() -> State {
    flush()
    isFinished = true
    return queue.sync { state }
  }

  /// Waits for what was queued, when `finish` was not called (a pass that threw).
  func finishIfNeeded() {
    guard !isFinished else { return }
    batch = Batch()
    isFinished = true
    queue.sync {}
  }
}
