/// What `ledger check` folds in its one replay: the standard rules' facts from the events in
/// force, and from every valid event the `personal-data` scan and, with `--base`, what the
/// base rules need of the log (the latest `at` on the base's lines, the new events, and the
/// events the new retractions withdraw).
struct CheckFold: Fold {
  var personal: PersonalDataScan?
  var facts: StandardFacts.Fold?
  let comparison: BaseComparison?
  /// Whether `not-authorised` runs (the ledger has roles), so the new events are kept.
  let authorising: Bool
  /// The ids the new lines retract, whose events `not-authorised` looks up.
  private let targets: Set<EventID>
  /// The latest `at` of the valid events on the base's lines.
  private(set) var baseLatestAt: Timestamp?
  /// The new valid events, in replay order, and the payloads of `targets`.
  private(set) var newEvents: [RecordedEvent] = []
  private(set) var targeted: [EventID: Event] = [:]

  init(facts: StandardFacts.Fold?, comparison: BaseComparison?, authorising: Bool) {
    self.facts = facts
    self.comparison = comparison
    self.authorising = authorising
    var targets: Set<EventID> = []
    for event in comparison?.newEvents ?? [] {
      if case .eventRetracted(let retraction) = event.event { targets.insert(retraction.event) }
    }
    self.targets = targets
  }

  var reads: EventReads { facts?.reads ?? EventReads([]) }

  mutating func apply(_ event: RecordedEvent) { facts?.apply(event) }

  /// Whether it needs every valid event (`observe`).
  var observes: Bool { personal != nil || comparison != nil }

  /// Notes one valid event of the log, in force or not.
  mutating func observe(_ event: RecordedEvent) {
    personal?.add(event)
    guard let comparison, let location = event.location else { return }
    if comparison.isBaseLine(location), baseLatestAt.map({ event.at > $0 }) ?? true {
      baseLatestAt = event.at
    }
    guard authorising else { return }
    if targets.contains(event.id) { targeted[event.id] = event.event }
    if comparison.isNew(event) { newEvents.append(event) }
  }

  /// The latest `at` of the base's events: on its lines the replay read, on lines of them the
  /// replay found invalid (read again, one file at a time; rare), and in files that diverged.
  func baseLatestAt(
    _ problems: [LedgerProblem], comparison: BaseComparison, base: LedgerBase
  ) -> Timestamp? {
    var latest = [baseLatestAt, comparison.divergedLatestAt].compactMap { $0 }.max()
    let invalid = problems.filter { problem in
      comparison.isBaseLine(EventLocation(file: problem.file, line: problem.line))
    }
    guard !invalid.isEmpty, let paths = try? base.filePaths() else { return latest }
    let reader = LogFileReader()
    for (file, lines) in Dictionary(grouping: invalid, by: \.file) {
      guard let path = paths[file], let bytes = try? FileIO.readRegular(path) else { continue }
      let wanted = Set(lines.map(\.line))
      for event in reader.read(bytes, name: file).events
      where wanted.contains(event.location?.line ?? 0) {
        latest = max(latest ?? event.at, event.at)
      }
    }
    return latest
  }

  /// The `not-authorised` findings for the new events.
  func notAuthorised(roles: Roles, rolesName: String) -> [Finding] {
    NotAuthorisedRule.findings(newEvents, roles: roles, rolesName: rolesName) { targeted[$0] }
  }
}
