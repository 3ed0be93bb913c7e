/// The strategies' actions at a date (`ledger actions`): a pure fold over a `Timeline`.
///
/// An action's status is its latest `action.progressed` (by `on`; same day: the later recorded),
/// nil when none is recorded. It is overdue when its due date is before the as-of date and it
/// is not `done` or `dropped`. A milestone is met from its `milestone.met` date, and overdue
/// when its due date is before the as-of date, it is not met and its action was not dropped
/// (a dropped action withdraws its commitments).
public struct StrategyProgress: Sendable, Equatable {
  /// One milestone of an action.
  public struct Milestone: Sendable, Equatable {
    public var definition: MilestoneDefined
    /// Nil while not met.
    public var met: MilestoneMet?
    public var isOverdue: Bool
    /// Where it was defined.
    public var location: EventLocation?
  }

  /// One action.
  public struct Action: Sendable, Equatable {
    public var definition: ActionDefined
    /// The latest progress; nil when none is recorded.
    public var progress: ActionProgressed?
    public var isOverdue: Bool
    /// By due date, then id.
    public var milestones: [Milestone]
    /// Where it was defined.
    public var location: EventLocation?
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
    let isClosed = latest?.status.isClosed ?? false
    let own = milestones.values.filter {
      $0.strategy == definition.strategy && $0.action == definition.action
    }
    let isDropped = latest?.status == .dropped
    return Action(
      definition: definition, progress: latest,
      isOverdue: definition.due.map { $0 < asOf && !isClosed } ?? false,
      milestones: own.sorted { ($0.due, $0.milestone) < ($1.due, $1.milestone) }.map { m in
        let done = met[MilestoneKey(strategy: m.strategy, milestone: m.milestone)]
        return Milestone(
          definition: m, met: done, isOverdue: done == nil && m.due < asOf && !isDropped,
          location: locations["\(m.strategy)/\(m.milestone)"])
      },
      location: locations["\(definition.strategy)#\(definition.action)"])
  }
}
