/// The strategies' actions at a date (`ledger actions`): a pure fold over a `Timeline`.
///
/// An action's status is its latest `action.progressed` (by `on`; same day: the later recorded),
/// nil when none is recorded. A milestone is met from its `milestone.met` date.
///
/// What is not recorded is neither success nor failure, so past their due date, actions and
/// milestones are told apart by what the ledger says (`Standing`):
/// - an action past its due date, not `done` or `dropped`, is `late` when a status is recorded
///   for it and `no-progress-recorded` when none is;
/// - a milestone past its due date and not met is `late` when its action's latest status was
///   recorded on or after the milestone's due date and is not `done` or `dropped` (the action
///   was reported on, unfinished, after the milestone fell due, and the milestone was not
///   recorded met); otherwise it is `no-progress-recorded`. A milestone of a dropped action is
///   `withdrawn` (a dropped action withdraws its commitments).
public struct StrategyProgress: Sendable, Equatable {
  /// Where an action or milestone stands against its due date.
  public enum Standing: String, Sendable, Equatable {
    /// An action recorded as done.
    case done
    /// An action recorded as dropped.
    case dropped
    /// A milestone recorded as met.
    case met
    /// A milestone of a dropped action, not met.
    case withdrawn
    /// Past its due date, and the ledger records it as unfinished.
    case late
    /// Past its due date with no progress recorded: whether it was done is not known.
    case noProgressRecorded = "no-progress-recorded"
    /// Not past its due date (or without one), and not finished.
    case open

    /// Whether it is past its due date and not finished, recorded as late or not recorded.
    public var isPastDue: Bool { self == .late || self == .noProgressRecorded }
  }

  /// One milestone of an action.
  public struct Milestone: Sendable, Equatable {
    public var definition: MilestoneDefined
    /// Nil while not met.
    public var met: MilestoneMet?
    public var standing: Standing
    /// Where it was defined.
    public var location: EventLocation?

    /// Whether it is past its due date and not met (late, or with no progress recorded).
    public var isPastDue: Bool { standing.isPastDue }
  }

  /// One action.
  public struct Action: Sendable, Equatable {
    public var definition: ActionDefined
    /// The latest progress; nil when none is recorded.
    public var progress: ActionProgressed?
    public var standing: Standing
    /// By due date, then id.
    public var milestones: [Milestone]
    /// Where it was defined.
    public var location: EventLocation?

    /// Whether it is past its due date and not done or dropped (late, or with no progress
    /// recorded).
    public var isPastDue: Bool { standing.isPastDue }
  }

  /// One theme with its actions, by number.
  public struct Theme: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var actions: [Action]
  }

  /// One published strategy.
  public struct Strategy: Sendable, Equatable {
    public var publication: StrategyPublished
    /// By number; actions naming a theme the strategy does not list come under a theme of
    /// their own.
    public var themes: [Theme]
  }

  struct ActionKey: Hashable, Sendable {
    var strategy: StrategyID
    var action: Int
  }

  struct MilestoneKey: Hashable, Sendable {
    var strategy: StrategyID
    var milestone: MilestoneID
  }

  /// The as-of date.
  public let asOf: CivilDate
  private var published: [StrategyID: StrategyPublished] = [:]
  private var actions: [ActionKey: ActionDefined] = [:]
  private var progress: [ActionKey: ActionProgressed] = [:]
  private var milestones: [MilestoneKey: MilestoneDefined] = [:]
  private var met: [MilestoneKey: MilestoneMet] = [:]
  private var locations: [String: EventLocation] = [:]

  /// Nothing known at `asOf`.
  public init(asOf: CivilDate) { self.asOf = asOf }

  /// The progress after folding every event of `timeline`.
  public init(_ timeline: Timeline) {
    self.init(asOf: timeline.asOf)
    for event in timeline.events { apply(event) }
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    switch recorded.event {
    case .strategyPublished(let p):
      published[p.strategy] = p
    case .actionDefined(let p):
      actions[ActionKey(strategy: p.strategy, action: p.action)] = p
      locations["\(p.strategy)#\(p.action)"] = recorded.location
    case .actionProgressed(let p):
      let key = ActionKey(strategy: p.strategy, action: p.action)
      if let known = progress[key], p.on < known.on { break }
      progress[key] = p
    case .milestoneDefined(let p):
      milestones[MilestoneKey(strategy: p.strategy, milestone: p.milestone)] = p
      locations["\(p.strategy)/\(p.milestone)"] = recorded.location
    case .milestoneMet(let p):
      let key = MilestoneKey(strategy: p.strategy, milestone: p.milestone)
      if let known = met[key], known.on <= p.on { break }
      met[key] = p
    case .serviceRegistered, .serviceUpdated, .serviceRetired, .exemplarDesignated,
      .phaseEntered, .assessmentRecorded, .managerAppointed, .managerDeparted,
      .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn,
      .componentAdopted, .volumeReported, .kpiReported, .costsSet, .barrierIdentified,
      .barrierRemoved, .eventRetracted:
      break
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld:
      break  // plans of any form: PlanRegistry
    }
  }

  /// Strategy titles by id.
  public var titles: [StrategyID: String] { published.mapValues(\.title) }

  /// Every action of every strategy, in `strategies` order.
  public var allActions: [Action] { strategies.flatMap { $0.themes.flatMap(\.actions) } }

  /// Every milestone, under its action in `allActions` order.
  public var allMilestones: [Milestone] { allActions.flatMap(\.milestones) }

  /// The published strategies, by publication date, then id.
  public var strategies: [Strategy] {
    published.values.sorted { ($0.published, $0.strategy) < ($1.published, $1.strategy) }
      .map { publication in
        let own = actions.values.filter { $0.strategy == publication.strategy }
        let numbers = Set(publication.themes.map(\.number)).union(own.map(\.theme)).sorted()
        let themes = numbers.map { number in
          Theme(
            number: number,
            title: publication.themes.first { $0.number == number }?.title ?? "theme \(number)",
            actions: own.filter { $0.theme == number }.sorted { $0.action < $1.action }
              .map(action))
        }
        return Strategy(publication: publication, themes: themes)
      }
  }

  private func action(_ definition: ActionDefined) -> Action {
    let key = ActionKey(strategy: definition.strategy, action: definition.action)
    let latest = progress[key]
    let own = milestones.values.filter {
      $0.strategy == definition.strategy && $0.action == definition.action
    }
    return Action(
      definition: definition, progress: latest,
      standing: Self.standing(of: definition, latest, asOf: asOf),
      milestones: own.sorted { ($0.due, $0.milestone) < ($1.due, $1.milestone) }.map { m in
        let done = met[MilestoneKey(strategy: m.strategy, milestone: m.milestone)]
        return Milestone(
          definition: m, met: done, standing: Self.standing(of: m, done, latest, asOf: asOf),
          location: locations["\(m.strategy)/\(m.milestone)"])
      },
      location: locations["\(definition.strategy)#\(definition.action)"])
  }

  /// An action's standing at `asOf` given its latest progress.
  static func standing(of action: ActionDefined, _ latest: ActionProgressed?, asOf: CivilDate)
    -> Standing
  {
    if latest?.status == .done { return .done }
    if latest?.status == .dropped { return .dropped }
    guard let due = action.due, due < asOf else { return .open }
    return latest == nil ? .noProgressRecorded : .late
  }

  /// A milestone's standing at `asOf` given when it was met and its action's latest progress.
  static func standing(
    of milestone: MilestoneDefined, _ met: MilestoneMet?, _ action: ActionProgressed?,
    asOf: CivilDate
  ) -> Standing {
    if met != nil { return .met }
    if action?.status == .dropped { return .withdrawn }
    guard milestone.due < asOf else { return .open }
    guard let action, action.on >= milestone.due, !action.status.isClosed else {
      return .noProgressRecorded
    }
    return .late
  }
}
