@testable import ServiceLedger

// The whole log held in memory, and the folds and checks over it: the tests' reference for
// what the streamed engine (`LedgerFolder.fold`, `LedgerCheck.run(_:base:)`) gives. The
// library has one way to replay a folder; these are the simple, obviously right way to
// compare it with.

extension LedgerFolder {
  /// Reads and replays the whole log, holding the folder's shared lock while reading so that
  /// no append is seen half done.
  /// - Throws: `LedgerError` when the folder or a file cannot be read; bad lines are not
  ///   errors here but `Ledger.problems`.
  func read(reader: LogFileReader = LogFileReader()) throws(LedgerError) -> Ledger {
    // A folder that cannot be locked (a file system without flock) is still read: the reader
    // reports a torn line, it does not drop it.
    let lock = exists ? try? FileLock(path: path, create: false, exclusive: false) : nil
    defer { lock?.unlock() }
    return try readUnlocked(reader: reader)
  }

  /// Reads and replays the whole log; the caller holds the folder's lock.
  ///
  /// Lines of an append that was cut off (see `AppendJournal`) are left out and reported as
  /// one `torn-line` problem at the first of them.
  func readUnlocked(reader: LogFileReader = LogFileReader()) throws(LedgerError) -> Ledger {
    var contents: [String: LogFileReader.FileContents] = [:]
    var journal: AppendJournal?
    if case .pending(let pending) = AppendJournal.state(in: self) { journal = pending }
    for name in try fileNames() {
      let bytes = try bytes(of: name)
      guard let committed = journal?.committedLength(of: name, at: path(of: name)),
        committed < bytes.count
      else {
        contents[name] = reader.read(bytes, name: name)
        continue
      }
      var content = reader.read(Array(bytes[..<committed]), name: name)
      let rest = bytes[committed...]
      let newlines = rest.filter { $0 == UInt8(ascii: "\n") }.count
      let lines = newlines + (rest.last == UInt8(ascii: "\n") ? 0 : 1)
      content.isTorn = true
      content.problems.append(
        LedgerProblem(
          rule: .tornLine, file: name, line: content.lineCount + 1,
          message: "an append was cut off: the last \(lines) line(s) (\(rest.count) bytes) are "
            + "an unfinished batch and not part of the log; run `ledger repair` to move them aside"
        ))
      contents[name] = content
    }
    return Ledger(files: contents)
  }
}

extension LedgerCheck {
  /// The report for `ledger`, with the `append-only` findings of a base comparison (nil when
  /// there was no base, so that rule was not checked).
  func report(_ ledger: Ledger, appendOnly: [Finding]?) -> CheckReport {
    let selected = Set(rules)
    var findings = DataRules.findings(ledger.problems, rules: selected)
    if selected.contains(.appendOnly) { findings += appendOnly ?? [] }
    if rules.contains(where: { !$0.isDataRule }) {
      let facts = StandardFacts(ledger, asOf: asOf, knownAt: knownAt, threshold: threshold)
      findings += StandardRules.findings(facts, rules: rules)
    }
    let checked = rules.filter { $0 != .appendOnly || appendOnly != nil }
    return CheckReport(
      asOf: asOf, findings: findings.filter { $0.severity >= minimumSeverity }, rules: checked)
  }
}

extension StandardFacts {
  /// Folds `ledger` as of `asOf`, as known at `knownAt`.
  init(
    _ ledger: Ledger, asOf: CivilDate, knownAt: Timestamp? = nil,
    threshold: Int = Priority.defaultThreshold
  ) {
    self.init(Timeline(ledger, asOf: asOf, knownAt: knownAt), threshold: threshold)
  }

  /// Folds the events of `timeline`, as of its date.
  init(_ timeline: Timeline, threshold: Int = Priority.defaultThreshold) {
    var fold = Fold(asOf: timeline.asOf)
    for event in timeline.events { fold.apply(event) }
    self.init(fold, asOf: timeline.asOf, threshold: threshold)
  }
}

extension Catalogue {
  /// The catalogue after folding every event of `timeline`.
  init(_ timeline: Timeline) {
    self.init()
    for event in timeline.events { apply(event) }
  }
}

extension VolumeHistory {
  /// The history after folding every event of `timeline`.
  init(_ timeline: Timeline, retention: Retention = .all) {
    self.init(retention: retention)
    for event in timeline.events { apply(event) }
  }
}

extension PlanRegistry {
  /// The plans after folding every event of `timeline`.
  init(_ timeline: Timeline) {
    self.init(asOf: timeline.asOf)
    for event in timeline.events { apply(event) }
  }
}

extension StrategyProgress {
  /// The progress after folding every event of `timeline`.
  init(_ timeline: Timeline) {
    self.init(asOf: timeline.asOf)
    for event in timeline.events { apply(event) }
  }
}

extension UnitCosts {
  /// The unit costs in force after every `costs.set` of `timeline`.
  init(_ timeline: Timeline) {
    var fold = Fold()
    for event in timeline.events { fold.apply(event) }
    self = fold.unitCosts
  }
}
