/// The strategies' actions at a date (`ledger actions`): the plans in the strategy's shape
/// (numbered actions under themes `T1`, `T2`, …, milestones under actions), as the one plan fold,
/// `PlanRegistry`, reads them: a strategy is a plan like any other (`Upcaster.planEvents`).
///
/// An action's status is its latest progress (by `on`; same day: the later recorded), nil when
/// none is recorded. A milestone is met from the first date it was recorded met.
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
    /// By number.
    public var themes: [Theme]
  }

  /// Every plan, strategies among them.
  public private(set) var plans: PlanRegistry

  /// The as-of date.
  public var asOf: CivilDate { plans.asOf }

  /// Nothing known at `asOf`.
  public init(asOf: CivilDate) { plans = PlanRegistry(asOf: asOf) }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) { plans.apply(recorded) }

  /// Strategy titles by id.
  public var titles: [StrategyID: String] {
    Dictionary(
      strategies.map { ($0.publication.strategy, $0.publication.title) },
      uniquingKeysWith: { first, _ in first })
  }

  /// Every action of every strategy, in `strategies` order.
  public var allActions: [Action] { strategies.flatMap { $0.themes.flatMap(\.actions) } }

  /// Every milestone, under its action in `allActions` order.
  public var allMilestones: [Milestone] { allActions.flatMap(\.milestones) }

  /// The published strategies, by publication date, then id: the plans of form `strategy`
  /// with a publication date and themes `T1`, `T2`, ….
  public var strategies: [Strategy] {
    plans.allPlans.compactMap(strategy).sorted {
      ($0.publication.published, $0.publication.strategy)
        < ($1.publication.published, $1.publication.strategy)
    }
  }

  /// `plan` in the strategy's shape, or nil when it is not a strategy.
  private func strategy(_ plan: PlanRegistry.Plan) -> Strategy? {
    let registration = plan.registration
    guard registration.form == .strategy, let published = registration.issued else { return nil }
    let id = StrategyID(unchecked: registration.plan.rawValue)
    let themes = plan.items.compactMap { item -> StrategyPublished.Theme? in
      guard item.definition.kind == .theme, let number = Self.theme(item.definition.item)
      else { return nil }
      return StrategyPublished.Theme(number: number, title: item.definition.title)
    }
    guard !themes.isEmpty else { return nil }
    // `Upcaster.planEvents` names a strategy without an organisation `unknown`.
    let organisation = plan.organisation.flatMap { owner in
      owner.organisation.rawValue == "unknown" && owner.name == "unknown" ? nil : owner.name
    }
    let publication = StrategyPublished(
      strategy: id, title: registration.title, published: published,
      organisation: organisation, themes: themes)
    let actions = plan.items.compactMap { action($0, of: id, in: plan) }
    return Strategy(
      publication: publication,
      themes: themes.sorted { $0.number < $1.number }.map { theme in
        Theme(
          number: theme.number, title: theme.title,
          actions: actions.filter { $0.definition.theme == theme.number }
            .sorted { $0.definition.action < $1.definition.action })
      })
  }

  /// An action item (a number under a theme) as a strategy action, with its milestones.
  private func action(
    _ item: PlanRegistry.Item, of strategy: StrategyID, in plan: PlanRegistry.Plan
  ) -> Action? {
    let definition = item.definition
    guard definition.kind == .action, let number = Int(definition.item.rawValue),
      let theme = definition.parent.flatMap(Self.theme)
    else { return nil }
    let action = ActionDefined(
      strategy: strategy, action: number, theme: theme, title: definition.title,
      due: definition.due, relates: definition.relates)
    let latest = item.progress.map {
      ActionProgressed(
        strategy: strategy, action: number, status: $0.status, on: $0.on, note: $0.note,
        evidence: $0.evidence)
    }
    let milestones = plan.items.compactMap { child -> Milestone? in
      guard child.definition.kind == .milestone, child.definition.parent == definition.item,
        let due = child.definition.due
      else { return nil }
      let id = MilestoneID(unchecked: child.definition.item.rawValue)
      let milestone = MilestoneDefined(
        strategy: strategy, action: number, milestone: id, title: child.definition.title,
        due: due)
      let met = child.firstDone.map {
        MilestoneMet(strategy: strategy, milestone: id, on: $0.on, evidence: $0.evidence)
      }
      return Milestone(
        definition: milestone, met: met,
        standing: Self.standing(of: milestone, met, latest, asOf: asOf),
        location: child.location)
    }
    return Action(
      definition: action, progress: latest,
      standing: Self.standing(of: action, latest, asOf: asOf),
      milestones: milestones.sorted {
        ($0.definition.due, $0.definition.milestone) < ($1.definition.due, $1.definition.milestone)
      },
      location: item.location)
  }

  /// The number of a theme item, `T3`.
  private static func theme(_ item: ItemID) -> Int? {
    guard item.rawValue.hasPrefix("T") else { return nil }
    return Int(item.rawValue.dropFirst())
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

extension StrategyProgress: Fold {
  /// Everything but volume and KPI reports.
  public var reads: EventReads { .allButReports }
}
