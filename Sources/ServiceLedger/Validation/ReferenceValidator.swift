/// The log's integrity rules, checked as a fold over events in replay order: unique ids,
/// references only to things defined earlier, nothing after a service's retirement but late
/// figures, and short volume reports that do not overlap.
///
/// `validate(_:)` either accepts an event (and remembers what it defines) or throws without
/// changing anything, so one invalid line cannot hide or excuse another.
///
/// A retraction frees the period of a short volume report it withdraws, for a report that
/// comes after it, when the validator was told before the report came that a retraction names
/// it (`watch(_:)`): only those reports' ids are kept (`RetractableRanges`).
public struct ReferenceValidator: Sendable {
  var ids = SeenIDs()
  var retractions: Set<EventID> = []
  var retracted: Set<EventID> = []
  /// The ids that retractions name (`watch(_:)`), and the short volume reports among them in
  /// force, held apart (`ServiceFacts.retractable`).
  var retractable = RetractableIDs()
  var retractableReports: [EventID: RetractableReport] = [:]
  var services: [ServiceID: ServiceFacts] = [:]
  var strategies: [StrategyID: Set<Int>] = [:]  // value: theme numbers
  var actions: Set<ActionKey> = []
  var milestones: Set<MilestoneKey> = []
  var barriers: Set<BarrierID> = []
  var managers: Set<ManagerKey> = []
  var plans = PlanValidator()

  public init() {}

  /// A validator with exact ids, ready for about `expectedEvents` events, so the id set does
  /// not grow by copying during a long replay.
  init(expectedEvents: Int) {
    ids = SeenIDs(exactCapacity: expectedEvents)
  }

  /// A validator for a replay that keeps a filter of the ids (`SeenIDs`) rather than the ids:
  /// `filter` holds every id of the log (nil: the replay's decoding fills one), and `watched`
  /// are the ids it must answer for exactly.
  init(filter: IDFilter?, watching watched: Set<EventID>) {
    ids = SeenIDs(filter: filter, holdsLog: true, watching: watched)
  }

  /// Notes that retractions name `ids`, so that the short volume reports with those ids that
  /// come from now on are held apart and their retraction frees their periods. A report
  /// already accepted is not affected: a replay watches the ids its retraction pre-scan found
  /// (`RetractionScan`) before the first event.
  mutating func watch(_ ids: Set<EventID>) {
    retractable.insert(contentsOf: ids)
  }

  /// Whether a retraction of `id` would free what the validator knows of it: true when it
  /// holds the report apart, false when it does not know whether `id` is a short volume report
  /// (one not held apart keeps its period in `ShortReports`, maybe with a restatement's).
  func holdsApart(_ id: EventID) -> Bool { retractableReports[id] != nil }

  /// Whether an answer about ids was a guess (`SeenIDs`): what was validated must then be
  /// validated again, watching the ids it was not sure of.
  var isUndecided: Bool { ids.isUndecided }

  /// Gets ready to validate the `count` events at `events` soon: see `EventIDSet.warm`.
  func prepare(for events: UnsafePointer<RecordedEvent>, count: Int) {
    ids.warm(for: events, count: count)
  }

  /// Checks `recorded` against everything accepted so far and, if it is valid, accepts it.
  /// - Throws: `EventError` saying which rule it breaks and what would fix it.
  public mutating func validate(_ recorded: RecordedEvent) throws(EventError) {
    guard ids.insert(recorded.id) else {
      throw EventError(.duplicateID, field: "id", "\(recorded.id) is already in the ledger")
    }
    do throws(EventError) {
      if case .volumeReported(let report) = recorded.event {
        // Most of a long log: checked and remembered with one look-up of the service.
        guard let index = services.index(forKey: report.service) else {
          try checkService(report.service, for: recorded.event)
          return
        }
        // One a retraction names is held apart, so that the retraction frees its period.
        if retractable.contains(recorded.id) {
          try acceptRetractable(report, id: recorded.id, of: index)
          return
        }
        try services.values[index].accept(report)
        return
      }
      try check(recorded.event, id: recorded.id)
    } catch {
      ids.remove(recorded.id)
      throw error
    }
    apply(recorded)
  }

  /// `ServiceFacts.acceptRetractable` for the service at `index`, noting the report held
  /// apart; kept out of the replay's loop, which it seldom takes.
  @inline(never)
  private mutating func acceptRetractable(
    _ report: VolumeReported, id: EventID, of index: [ServiceID: ServiceFacts].Index
  ) throws(EventError) {
    if let held = try services.values[index].acceptRetractable(report) {
      retractableReports[id] = held
    }
  }

  // `id` is the event's own, already among the ids seen: a retraction must not name it.
  private mutating func check(_ event: Event, id: EventID) throws(EventError) {
    if let service = event.service, !isRegistration(event) {
      try checkService(service, for: event)
    }
    switch event {
    case .strategyPublished(let p):
      guard strategies[p.strategy] == nil else {
        throw EventError(field: "data.strategy", "strategy \(p.strategy) is already published")
      }
    case .actionDefined(let p):
      let themes = try checkStrategy(p.strategy)
      guard themes.contains(p.theme) else {
        throw EventError(
          .unknownReference, field: "data.theme",
          "strategy \(p.strategy) has no theme \(p.theme); its themes are "
            + themes.sorted().map(String.init).joined(separator: ", "))
      }
      guard !actions.contains(ActionKey(p.strategy, p.action)) else {
        throw EventError(
          field: "data.action", "action \(p.action) of \(p.strategy) is already defined")
      }
    case .milestoneDefined(let p):
      try checkAction(p.strategy, p.action)
      guard !milestones.contains(MilestoneKey(p.strategy, p.milestone)) else {
        throw EventError(field: "data.milestone", "milestone \(p.milestone) is already defined")
      }
    case .milestoneMet(let p):
      _ = try checkStrategy(p.strategy)
      guard milestones.contains(MilestoneKey(p.strategy, p.milestone)) else {
        throw EventError(
          .unknownReference, field: "data.milestone",
          "\(p.strategy) has no milestone \(p.milestone); define it with milestone.defined first")
      }
    case .actionProgressed(let p):
      try checkAction(p.strategy, p.action)
    case .serviceRegistered(let p):
      guard services[p.service] == nil else {
        throw EventError(field: "data.service", "service \(p.service) is already registered")
      }
    case .serviceRetired(let p):
      for (index, replacement) in (p.replacedBy ?? []).enumerated()
      where services[replacement] == nil {
        throw EventError(
          .unknownReference, field: "data.replacedBy[\(index)]",
          "service \(replacement) is not registered; register the replacement first")
      }
    case .exemplarDesignated(let p):
      _ = try checkStrategy(p.strategy)
    case .managerDeparted(let p):
      guard managers.contains(ManagerKey(p.service, p.person)) else {
        throw EventError(
          field: "data.person", "\(p.person) was never appointed to \(p.service)")
      }
    case .volumeReported:
      break  // validated by `ServiceFacts.accept`
    case .barrierIdentified(let p):
      guard !barriers.contains(p.barrier) else {
        throw EventError(field: "data.barrier", "barrier \(p.barrier) is already identified")
      }
      for (index, service) in (p.services ?? []).enumerated() where services[service] == nil {
        throw EventError(
          .unknownReference, field: "data.services[\(index)]",
          "service \(service) is not registered")
      }
    case .barrierRemoved(let p):
      guard barriers.contains(p.barrier) else {
        throw EventError(
          .unknownReference, field: "data.barrier", "barrier \(p.barrier) was never identified")
      }
    case .eventRetracted(let p):
      guard p.event != id else {
        throw EventError(
          .unknownReference, field: "data.event",
          "\(p.event) is this retraction's own id; only an earlier event can be retracted")
      }
      guard ids.contains(p.event) else {
        throw EventError(
          .unknownReference, field: "data.event",
          "no earlier event has id \(p.event); only recorded events can be retracted")
      }
      guard !retractions.contains(p.event) else {
        throw EventError(field: "data.event", "\(p.event) is a retraction; it cannot be retracted")
      }
      guard !retracted.contains(p.event) else {
        throw EventError(field: "data.event", "\(p.event) is already retracted")
      }
    case .serviceUpdated, .phaseEntered, .assessmentRecorded, .managerAppointed,
      .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn, .componentAdopted,
      .kpiReported, .costsSet:
      break
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .serviceChannelOffered, .serviceMaturitySet, .requestRuleDefined, .requestReceived,
      .requestAccessGranted, .requestCorrectionMade, .requestSubjectNotified:
      try plans.check(event)
    }
  }

  private func isRegistration(_ event: Event) -> Bool {
    if case .serviceRegistered = event { return true }
    return false
  }

  private func checkService(_ service: ServiceID, for event: Event) throws(EventError) {
    guard let facts = services[service] else {
      throw EventError(
        .unknownReference, field: "data.service",
        "service \(service) is not registered; register it first "
          + "(`ledger record service.registered service=\(service) name=... organisation=...`)")
    }
    guard let retiredOn = facts.retiredOn else { return }
    switch event {
    case .volumeReported(let p) where p.to <= retiredOn: return
    case .kpiReported(let p) where p.to <= retiredOn: return
    default: throw ServiceFacts.retired(service, on: retiredOn)
    }
  }

  private func checkStrategy(_ strategy: StrategyID) throws(EventError) -> Set<Int> {
    guard let themes = strategies[strategy] else {
      throw EventError(
        .unknownReference, field: "data.strategy",
        "strategy \(strategy) is not published; record strategy.published first")
    }
    return themes
  }

  private func checkAction(_ strategy: StrategyID, _ action: Int) throws(EventError) {
    _ = try checkStrategy(strategy)
    guard actions.contains(ActionKey(strategy, action)) else {
      throw EventError(
        .unknownReference, field: "data.action",
        "\(strategy) has no action \(action); define it with action.defined first")
    }
  }

  private mutating func apply(_ recorded: RecordedEvent) {
    switch recorded.event {
    case .strategyPublished(let p): strategies[p.strategy] = Set(p.themes.map(\.number))
    case .actionDefined(let p): actions.insert(ActionKey(p.strategy, p.action))
    case .milestoneDefined(let p): milestones.insert(MilestoneKey(p.strategy, p.milestone))
    case .serviceRegistered(let p):
      services[p.service] = ServiceFacts()
    case .serviceRetired(let p): services[p.service]?.retiredOn = p.on
    case .managerAppointed(let p): managers.insert(ManagerKey(p.service, p.person))
    case .barrierIdentified(let p): barriers.insert(p.barrier)
    case .eventRetracted(let p):
      retractions.insert(recorded.id)
      retracted.insert(p.event)
      if let report = retractableReports.removeValue(forKey: p.event) {
        services[report.service]?.withdraw(report)
      }
    case .milestoneMet, .actionProgressed, .serviceUpdated, .exemplarDesignated, .phaseEntered,
      .assessmentRecorded, .managerDeparted, .govukTransitioned, .assistedDigitalProvided,
      .assistedDigitalWithdrawn, .componentAdopted, .volumeReported, .kpiReported, .costsSet,
      .barrierRemoved:
      break
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .serviceChannelOffered, .serviceMaturitySet, .requestRuleDefined, .requestReceived,
      .requestAccessGranted, .requestCorrectionMade, .requestSubjectNotified:
      plans.apply(recorded.event)
    }
  }
}

struct ActionKey: Hashable, Sendable {
  var strategy: StrategyID
  var action: Int
  init(_ strategy: StrategyID, _ action: Int) {
    self.strategy = strategy
    self.action = action
  }
}

struct MilestoneKey: Hashable, Sendable {
  var strategy: StrategyID
  var milestone: MilestoneID
  init(_ strategy: StrategyID, _ milestone: MilestoneID) {
    self.strategy = strategy
    self.milestone = milestone
  }
}

struct ManagerKey: Hashable, Sendable {
  var service: ServiceID
  var person: PersonID
  init(_ service: ServiceID, _ person: PersonID) {
    self.service = service
    self.person = person
  }
}

/// What the validator knows of one service.
struct ServiceFacts: Sendable {
  /// When it was retired, if it was.
  var retiredOn: CivilDate?
  /// Its reports shorter than 12 months, but those a retraction may withdraw.
  var shortReports = ShortReports()
  /// Its reports shorter than 12 months that a retraction may withdraw, in force.
  var retractable = RetractableRanges()

  /// Checks a volume report against the service's retirement and its other short reports and,
  /// if it fits, remembers it.
  /// - Throws: `EventError` without changing anything.
  mutating func accept(_ report: VolumeReported) throws(EventError) {
    if let retiredOn, report.to > retiredOn {
      throw ServiceFacts.retired(report.service, on: retiredOn)
    }
    guard report.days < 365 else { return }
    if !retractable.isEmpty, let clash = retractable.clash(report.from, report.to) {
      throw ServiceFacts.overlap(report, clash)
    }
    if let clash = shortReports.insertUnlessOverlapping(report.from, report.to) {
      throw ServiceFacts.overlap(report, clash)
    }
  }

  static func retired(_ service: ServiceID, on date: CivilDate) -> EventError {
    EventError(
      field: "data.service",
      "service \(service) was retired on \(date); it accepts only volume and KPI reports for "
        + "periods up to then")
  }
}
