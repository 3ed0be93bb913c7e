/// How far each strategy's actions and milestones have come at a date: a pure fold over a
/// `Timeline`. An action's status is its `action.progressed` with the latest `on` (same-day
/// events apply in replay order); a milestone is met once a `milestone.met` is in force.
public struct StrategyProgress: Sendable, Equatable {
  /// One action of a strategy and its latest status.
  public struct Action: Sendable, Equatable {
    public var definition: ActionDefined
    /// Where it was defined.
    public var location: EventLocation?
    /// The latest progress, if any was recorded.
    public var latest: ActionProgressed?

    /// Whether it is past due at `date` (due before it) and neither `done` nor `dropped`.
    public func isOverdue(at date: CivilDate) -> Bool {
      guard let due = definition.due, due < date else { return false }
      return !(latest?.status.isClosed ?? false)
    }
  }

  /// One milestone of a strategy and when it was met.
  public struct Milestone: Sendable, Equatable {
    public var definition: MilestoneDefined
    /// Where it was defined.
    public var location: EventLocation?
    /// The `on` of its `milestone.met`, if it was met.
    public var metOn: CivilDate?
  }

  /// Strategy titles by id.
  public private(set) var titles: [StrategyID: String] = [:]
  /// Actions by strategy and number.
  public private(set) var actions: [StrategyID: [Int: Action]] = [:]
  /// Milestones by strategy and id.
  public private(set) var milestones: [StrategyID: [MilestoneID: Milestone]] = [:]

  /// No strategy.
  public init() {}

  /// The progress after folding every event of `timeline`.
  public init(_ timeline: Timeline) {
    for event in timeline.events { apply(event) }
  }

  /// Every action, by strategy id, then number.
  public var allActions: [Action] {
    actions.sorted { $0.key < $1.key }.flatMap { entry in
      entry.value.values.sorted { $0.definition.action < $1.definition.action }
    }
  }

  /// Every milestone, by strategy id, then due date, then milestone id.
  public var allMilestones: [Milestone] {
    milestones.sorted { $0.key < $1.key }.flatMap { entry in
      entry.value.values.sorted {
        ($0.definition.due, $0.definition.milestone) < ($1.definition.due, $1.definition.milestone)
      }
    }
  }

  /// A milestone is overdue at `date` when it is past due, not met, and its action was not
  /// dropped (a dropped action withdraws its commitments).
  public func isOverdue(_ milestone: Milestone, at date: CivilDate) -> Bool {
    guard milestone.definition.due < date, milestone.metOn == nil else { return false }
    let action = actions[milestone.definition.strategy]?[milestone.definition.action]
    return action?.latest?.status != .dropped
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    switch recorded.event {
    case .strategyPublished(let p):
      titles[p.strategy] = p.title
    case .actionDefined(let p):
      actions[p.strategy, default: [:]][p.action] = Action(
        definition: p, location: recorded.location, latest: nil)
    case .milestoneDefined(let p):
      milestones[p.strategy, default: [:]][p.milestone] = Milestone(
        definition: p, location: recorded.location, metOn: nil)
    case .milestoneMet(let p):
      guard var milestone = milestones[p.strategy]?[p.milestone] else { return }
      milestone.metOn = min(milestone.metOn ?? p.on, p.on)
      milestones[p.strategy]?[p.milestone] = milestone
    case .actionProgressed(let p):
      guard var action = actions[p.strategy]?[p.action] else { return }
      if let latest = action.latest, latest.on > p.on { return }
      action.latest = p
      actions[p.strategy]?[p.action] = action
    case .serviceRegistered, .serviceUpdated, .serviceRetired, .exemplarDesignated, .phaseEntered,
      .assessmentRecorded, .managerAppointed, .managerDeparted, .govukTransitioned,
      .assistedDigitalProvided, .assistedDigitalWithdrawn, .componentAdopted, .volumeReported,
      .kpiReported, .costsSet, .barrierIdentified, .barrierRemoved, .eventRetracted:
      break
    }
  }
}
