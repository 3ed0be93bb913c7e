import Foundation

/// Appends events to a ledger folder, all-or-nothing, under an exclusive lock.
///
/// The folder is locked for the whole append: the log is re-read and validated (or the replay
/// cache is brought up to date), the events are built (so that `at` read from the clock there
/// never goes back behind another writer's), checked against `roles.json` when the folder has
/// one, and written, all before the lock is released. Two writers therefore cannot both register the same
/// service. Each file's new lines are written with one `write` (so each line is written whole)
/// and `fsync`ed. A batch of several lines is recorded in an `AppendJournal` first, so that a
/// batch cut off by a crash is left out by readers and rolled back by `ledger repair`. If
/// anything fails after the first byte is written, every touched file is truncated back: a
/// rejected append leaves the files byte-for-byte as they were.
public struct LedgerWriter: Sendable {
  /// New events for one file of the folder, in order.
  public typealias Batch = (file: String, events: [RecordedEvent])

  /// The folder written to.
  public let folder: LedgerFolder
  /// A test hook that fails or kills at the Nth write or sync point; nil in normal use.
  public var faults: FaultInjection?
  /// The clock that stamps `at` under the lock, and whether the append is a history with its
  /// original times (`KnowledgeTime`); without a clock, events must come stamped.
  public var clock: (@Sendable () -> Timestamp)?
  public var mode: KnowledgeTime.Mode = .recording
  /// Where the writer notes the lines of a cut-off batch it moved aside before writing, for
  /// the command to tell the user; nil to keep no note.
  public var settledBatches: SettledBatches?

  public init(
    folder: LedgerFolder, faults: FaultInjection? = nil,
    clock: (@Sendable () -> Timestamp)? = nil
  ) {
    self.folder = folder
    self.faults = faults
    self.clock = clock
  }

  /// Stamps or checks the new events' `at` (see `KnowledgeTime`), reading the clock now.
  func stamp(
    _ batches: inout [Batch], after latest: Timestamp?, isEmpty: Bool, source: String
  ) throws(LedgerError) {
    try KnowledgeTime(now: clock?(), mode: mode).stamp(
      &batches, after: latest, isEmpty: isEmpty, source: source)
  }

  /// What new events are checked against before they are written.
  public enum Validation: Sendable, Equatable {
    /// The replay cache and the lines appended since it was written, so that the cost does not
    /// grow with the log; the whole log, streamed, when the cache is missing or stale or cannot
    /// serve (see `appendEvents(source:validation:_:)`), which rebuilds it for the next append.
    case cached
    /// The whole log, streamed through the replay again under the lock.
    case wholeLog
  }

  /// Validates `events` and writes them to `file`.
  ///
  /// - Parameters:
  ///   - events: new events in order; their `location`, when given, is only the input line
  ///     refusals name.
  ///   - file: the file name inside the folder (`NAME.jsonl`).
  ///   - source: what to call the input in error messages (`stdin`, a file name, `record`).
  ///   - validation: what the events are checked against.
  /// - Returns: each file's line count and latest `at` after the append.
  /// - Throws: `LedgerError.rejected` naming the input line at fault; nothing is written.
  @discardableResult
  public func append(
    _ events: [RecordedEvent], to file: String, source: String, validation: Validation = .wholeLog
  ) throws(LedgerError) -> [String: Ledger.FileState] {
    try append([(file, events)], source: source, validation: validation)
  }

  /// Validates and writes several files' events as one all-or-nothing batch.
  /// - Parameters:
  ///   - batches: per file name, its new events in order.
  ///   - source: what to call the input in error messages.
  ///   - validation: what the events are checked against.
  /// - Returns: each file's line count and latest `at` after the append.
  /// - Throws: `LedgerError.rejected`; nothing is written.
  @discardableResult
  public func append(_ batches: [Batch], source: String, validation: Validation = .wholeLog)
    throws(LedgerError) -> [String: Ledger.FileState]
  {
    for batch in batches where !LedgerFolder.isValidFileName(batch.file) {
      throw LedgerError.invalidFileName(batch.file)
    }
    return try appendEvents(source: source, validation: validation) { () throws(LedgerError) in
      batches
    }
  }

  /// Builds new events that do not depend on what the log holds (`ledger record`, `ledger
  /// append`) under the folder's exclusive lock, so that `at` is read from the clock there, and
  /// writes them as one all-or-nothing batch.
  ///
  /// With `.cached` validation, when the replay cache is current the events are checked against
  /// it and the lines appended since it was written, then the cache is updated. Otherwise (no
  /// cache, a stale one after a copy or a checkout, a log with invalid lines, a retraction
  /// under `roles.json` of an event the cache does not hold, or an event that would replay
  /// before the cached ones) the whole log is streamed through the replay, as
  /// `appendBuilt(source:gathering:_:)` does, which also rebuilds the cache.
  /// - Parameters:
  ///   - source: what to call the input in error messages.
  ///   - validation: what the events are checked against.
  ///   - build: the batches to write; it may throw to abandon the append, and must not read
  ///     or write the folder itself.
  /// - Returns: each file's line count and latest `at` after the append.
  /// - Throws: `LedgerError.invalidLog` when the log has problems, whatever `build` throws,
  ///   `LedgerError.rejected` when a new event is invalid or not authorised; nothing is
  ///   written.
  @discardableResult
  public func appendEvents(
    source: String, validation: Validation,
    _ build: () throws(LedgerError) -> [Batch]
  ) throws(LedgerError) -> [String: Ledger.FileState] {
    let lock = try lockAndSettle()
    defer { lock.unlock() }
    // Kept unstamped: the streamed path below stamps them itself if it must take over.
    let batches = try build()
    if validation == .cached, let (cache, validator) = try usableCache(),
      let files = try appendCached(
        batches, cache: cache, validator: validator, source: source, lock: lock)
    {
      return files
    }
    return try appendStreamed(
      source: source, lock: lock, gathering: NoFold(), savingCache: validation == .cached,
      retracting: Self.retractionTargets(batches)
    ) { _ in batches }
  }

  /// Builds the new events under the folder's lock from what `initial` gathers of the whole
  /// log as it is then (streamed), and writes them as one all-or-nothing batch.
  ///
  /// Use it when the events depend on what is already in the log (an import that skips what
  /// is there): nothing can change between `build` and the write.
  /// - Parameters:
  ///   - source: what to call the input in error messages.
  ///   - initial: the empty fold of what `build` needs, given the events in force.
  ///   - build: given the folded log, the batches to write; it may throw to abandon the
  ///     append, and must not read or write the folder itself.
  /// - Returns: each file's line count and latest `at` after the append.
  /// - Throws: `LedgerError.invalidLog` when the log has problems, whatever `build` throws,
  ///   `LedgerError.rejected` when a new event is invalid or not authorised; nothing is
  ///   written.
  @discardableResult
  public func appendBuilt<F: Fold>(
    source: String, gathering initial: F, _ build: (F) throws(LedgerError) -> [Batch]
  ) throws(LedgerError) -> [String: Ledger.FileState] {
    let lock = try lockAndSettle()
    defer { lock.unlock() }
    return try appendStreamed(source: source, lock: lock, gathering: initial, build)
  }

  /// Takes the folder's exclusive lock and settles what earlier writers left; the caller
  /// unlocks.
  /// - Throws: `LedgerError.noLedger` when there is no folder, `LedgerError.io`.
  private func lockAndSettle() throws(LedgerError) -> FileLock {
    guard folder.exists else { throw folder.absence() }
    let lock = try FileLock(path: folder.path, create: false)
    do throws(LedgerError) {
      try settle(lock: lock)
    } catch {
      lock.unlock()
      throw error
    }
    return lock
  }

  /// Finishes a restamp an earlier process did not (see `RestampJournal`), removes what killed
  /// processes left (temporary files) and rolls back a batch that an earlier writer did not
  /// finish (see `AppendJournal`), before anything else is written: its lines go to a side
  /// file, as `ledger repair` moves them, so that no later line is ever read as part of that
  /// batch.
  /// - Throws: `LedgerError.io` when a restamped file cannot be put in place or the batch
  ///   cannot be moved aside.
  func settle(lock: FileLock) throws(LedgerError) {
    if let finished = try RestampJournal.finish(in: folder, lock: lock) {
      settledBatches?.add(finished)
    }
    folder.removeStaleTemporaryFiles()
    guard AppendJournal.state(in: folder) != .none else { return }
    let settled = try LedgerRepair(folder: folder).settleJournal(lock: lock, suffix: nil)
    settledBatches?.add(settled.moves)
  }

  /// The append once the caller holds the folder's exclusive `lock`: the log is streamed
  /// through the replay (`LedgerFolder.appendBasis`), the events built from what `initial`
  /// gathered, stamped, authorised, placed after each file's lines, checked in replay order
  /// against the validator as the log left it, and written.
  /// - Parameters:
  ///   - source: what to call the input in error messages.
  ///   - lock: the folder's exclusive lock, held by the caller.
  ///   - initial: the empty fold of what `build` needs.
  ///   - savingCache: whether the replay rebuilds the replay cache for the appends after.
  ///   - retracting: the events new retractions withdraw, when known before `build`.
  ///   - build: given the folded log, the batches to write.
  /// - Returns: each file's line count and latest `at` after the append.
  /// - Throws: `LedgerError.invalidLog`, `LedgerError.rejected`, whatever `build` throws.
  private func appendStreamed<F: Fold>(
    source: String, lock: FileLock, gathering initial: F, savingCache: Bool = false,
    retracting: Set<EventID> = [], _ build: (F) throws(LedgerError) -> [Batch]
  ) throws(LedgerError) -> [String: Ledger.FileState] {
    let roles = try Roles.load(from: folder)
    // A retraction under `roles.json` needs what the retracted event needed: looked up in
    // the same replay, which also watches the ids new retractions name, so that the validator
    // frees the period of a short volume report they withdraw.
    let basis = try folder.appendBasis(
      initial, finding: roles == nil ? [] : retracting, retracting: retracting,
      savingCache: savingCache)
    guard basis.problems.isEmpty else {
      throw LedgerError.invalidLog(folder: folder.path, problems: basis.problems)
    }
    // The cache the replay rebuilt is saved last, once the lines are down (or the append was
    // refused before a byte was written): on a nearly full disk the log's lines come first.
    // After a write that failed, it is not saved at all, and the one there is removed: the
    // room is the log's.
    var isWriteFailed = false
    defer {
      if isWriteFailed {
        ReplayCache.remove(from: folder)
      } else {
        basis.cache?.save(to: folder)
      }
    }
    var batches = try build(basis.fold)
    try stamp(&batches, after: basis.latest, isEmpty: basis.isEmpty, source: source)
    for batch in batches where !LedgerFolder.isValidFileName(batch.file) {
      throw LedgerError.invalidFileName(batch.file)
    }
    guard batches.contains(where: { !$0.events.isEmpty }) else { return basis.files }
    let targets = Self.retractionTargets(batches)
    let newIDs = Set(batches.flatMap { $0.events.map(\.id) })
    var validator = basis.validator
    var found = basis.found
    let unknown = targets.subtracting(retracting).subtracting(newIDs)
    if !unknown.isEmpty {
      // Retractions built from the log itself: one more replay watches and finds what they
      // withdraw (under the same lock, so the log is as the first one read it).
      let again = try folder.appendBasis(
        NoFold(), finding: roles == nil ? [] : unknown, retracting: retracting.union(unknown))
      validator = again.validator
      found.merge(again.found) { first, _ in first }
    }
    // New events the batch's own retractions withdraw come later: watched from now on.
    validator.watch(targets.intersection(newIDs))
    if let roles {
      try Authorisation(roles: roles).check(batches, source: source) { found[$0] }
    }
    let placed = try place(batches, after: basis.files, source: source)
    for (event, line) in placed.events.sorted(by: { Ledger.replayOrder($0.event, $1.event) }) {
      do throws(EventError) {
        try validator.validate(event)
      } catch {
        throw LedgerError.rejected(source: source, line: line, reason: error.description)
      }
    }
    // The cache the replay rebuilt replaces the one there once the lines are down: that one
    // goes first, so that on a nearly full disk its room is the lines'.
    if basis.cache != nil { ReplayCache.remove(from: folder) }
    do throws(LedgerError) {
      try write(placed.output, journaled: placed.events.count > 1, lock: lock)
    } catch {
      isWriteFailed = true
      throw error
    }
    return placed.files
  }

  /// The ids of the events that the retractions among `batches` withdraw.
  static func retractionTargets(_ batches: [Batch]) -> Set<EventID> {
    var targets: Set<EventID> = []
    for batch in batches {
      for event in batch.events {
        if case .eventRetracted(let retraction) = event.event { targets.insert(retraction.event) }
      }
    }
    return targets
  }
}

/// The lines of cut-off batches a writer moved aside before writing (see
/// `LedgerWriter.settle(lock:)`), for the command to report.
public final class SettledBatches: @unchecked Sendable {
  private var moves: [LedgerRepair.Move] = []
  private var restamps: [RestampJournal.Finished] = []
  private let lock = NSLock()

  public init() {}

  func add(_ new: [LedgerRepair.Move]) {
    lock.lock()
    moves += new
    lock.unlock()
  }

  func add(_ finished: RestampJournal.Finished) {
    lock.lock()
    restamps.append(finished)
    lock.unlock()
  }

  /// One line per move (where the lines were and the side file they went to) and per restamp
  /// finished.
  public func notes(in folder: LedgerFolder) -> [String] {
    lock.lock()
    defer { lock.unlock() }
    return restamps.map { RestampJournal.note(of: $0, in: folder) }
      + moves.map { move in
        "an append cut off earlier was rolled back first: \(move.lineCount) line(s) of "
          + "\(folder.path(of: move.file)) from line \(move.line) moved to "
          + "\(folder.path(of: move.sideFile)) (nothing deleted)"
      }
  }
}
