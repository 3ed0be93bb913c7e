/// Where a site's data comes from: a ledger folder, streamed (`FolderSource`); the tests also
/// build sites from a log held in memory, which must give the same site.
protocol SiteSource: Sendable {
  associatedtype Failure: Error

  /// Folds the events in force at `asOf`, as known at `knownAt`, into `initial`, after
  /// giving `every` every valid event (see `LedgerFolder.fold`).
  func fold<F: Fold>(
    _ initial: F, asOf: CivilDate, knownAt: Timestamp?,
    every: ((inout F, RecordedEvent) -> Void)?
  ) throws(Failure) -> (fold: F, problems: [LedgerProblem])

  /// The events withdrawn by retractions recorded by `knownAt`, as far as can be told before
  /// a replay: a replay's history of a service lists the retractions of its events.
  func retractionTargets(knownAt: Timestamp?) throws(Failure) -> Set<EventID>

  /// The names of the ledger's files.
  func fileNames() throws(Failure) -> [String]

  /// Copies the first `lines` lines (nil: all) of the ledger's file `name` into `sink` as
  /// `path`.
  /// - Returns: how many lines and bytes it holds.
  func copy<Sink: SiteSink>(
    _ name: String, lines: Int?, to path: String, into sink: inout CountingSink<Sink>
  ) throws -> (lines: Int, bytes: Int)
}

/// A ledger folder, replayed through the engine and its files copied a block at a time.
struct FolderSource: SiteSource {
  typealias Failure = LedgerError
  let folder: LedgerFolder
  let reader: LogFileReader

  func fold<F: Fold>(
    _ initial: F, asOf: CivilDate, knownAt: Timestamp?,
    every: ((inout F, RecordedEvent) -> Void)?
  ) throws(LedgerError) -> (fold: F, problems: [LedgerProblem]) {
    try folder.fold(initial, asOf: asOf, knownAt: knownAt, reader: reader, every: every)
  }

  func retractionTargets(knownAt: Timestamp?) throws(LedgerError) -> Set<EventID> {
    guard folder.exists else { throw folder.absence() }
    return try RetractionScan.targets(in: folder, knownAt: knownAt, reader: reader).withdrawn
  }

  func fileNames() throws(LedgerError) -> [String] { try folder.fileNames() }

  func copy<Sink: SiteSink>(
    _ name: String, lines: Int?, to path: String, into sink: inout CountingSink<Sink>
  ) throws -> (lines: Int, bytes: Int) {
    try sink.copy(folder.path(of: name), to: path, lines: lines)
  }
}
