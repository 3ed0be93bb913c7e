/// The headline figures of a board report at one date; the report shows them for the quarter
/// and the previous one side by side.
public struct BoardHeadlines: Sendable, Equatable {
  /// Services that count (registered, not retired).
  public var services: Int
  /// Exemplar and high-volume services.
  public var priorityServices: Int
  /// Services with an annual volume.
  public var servicesWithVolume: Int
  /// Σ annual volume over the services with one.
  public var transactions: Int
  /// Services whose annual volume has a digital figure: the ones take-up, cost and saving
  /// cover.
  public var servicesWithTakeUp: Int
  /// Their transactions a year.
  public var takeUpTransactions: Int
  /// Their digital transactions a year.
  public var digitalTransactions: Int
  /// Their 12-month take-up weighted by volume; nil when none has one.
  public var takeUp: Double?
  /// The service that carries more than half of their digital transactions, if one does;
  /// their 12-month take-up without it.
  public var dominantService: ServiceID?
  public var takeUpWithoutDominant: Double?
  /// Their transactions a year whose figures are stale (`Staleness`).
  public var staleTransactions: Int
  /// Their estimated cost a year in pounds, all channels.
  public var cost: Double
  /// The part of it that rests on a stale figure (volume or recorded unit cost).
  public var staleCost: Double
  /// Those of them whose unit costs are their own recorded ones.
  public var servicesWithRecordedCosts: Int
  /// What reaching the target take-up would save them a year, in pounds.
  public var saving: Double
  /// The part of it that rests on a stale figure.
  public var staleSaving: Double
  /// The target take-up of the saving.
  public var target: Double
  /// Services in scope for assisted digital, and those with provision in force.
  public var assistedDigitalInScope: Int
  public var assistedDigitalCovered: Int
  /// Covered ÷ in scope by count and by annual volume; nil when none is in scope.
  public var assistedDigitalByCount: Double?
  public var assistedDigitalByVolume: Double?
  /// Priority services with at least one service manager.
  public var priorityServicesManaged: Int
  /// Exemplars (as the strategy names them), those live, late, and unknown (no phase
  /// recorded), and the services they cover.
  public var exemplars: Int
  public var exemplarsLive: Int
  public var exemplarsLate: Int
  public var exemplarsUnknown: Int
  public var exemplarServices: Int
  /// Strategy actions: all, done, recorded as late, past their due date with no progress
  /// recorded, and with no progress recorded at all (due or not).
  public var actions: Int
  public var actionsDone: Int
  public var actionsLate: Int
  public var actionsPastDueWithNoProgress: Int
  public var actionsWithNoProgress: Int
  /// Strategy milestones: all, met, recorded as late, and past their due date with no
  /// progress recorded.
  public var milestones: Int
  public var milestonesMet: Int
  public var milestonesLate: Int
  public var milestonesPastDueWithNoProgress: Int
  /// Standard findings by severity.
  public var errors: Int
  public var warnings: Int

  /// The figures of `snapshot`.
  public init(_ snapshot: BoardSnapshot) {
    let rows = snapshot.priorities.rows
    let shift = snapshot.shift
    let coverage = snapshot.coverage
    let actions = snapshot.progress.allActions
    let milestones = snapshot.progress.allMilestones
    services = rows.count
    priorityServices = rows.filter(\.priority.isPriority).count
    servicesWithVolume = rows.filter { $0.annual.volume != nil }.count
    transactions = rows.compactMap(\.annual.volume).reduce(0, +)
    servicesWithTakeUp = shift.estimated.count
    takeUpTransactions = shift.portfolioVolume
    digitalTransactions = Int(roundingSaturated: shift.portfolioDigital)
    takeUp = shift.portfolioTakeUp
    let dominant = shift.dominant
    dominantService = dominant?.row.service.id
    takeUpWithoutDominant = dominant?.takeUpWithout
    staleTransactions = shift.staleVolume
    cost = shift.portfolioCosts.reduce(0, +)
    staleCost = shift.staleCost
    servicesWithRecordedCosts =
      shift.estimated.filter { $0.estimate?.basis.kind == .recorded }
      .count
    saving = shift.portfolioSaving
    staleSaving = shift.staleSaving
    target = shift.target
    assistedDigitalInScope = coverage.rows.count
    assistedDigitalCovered = coverage.rows.count - coverage.uncovered.count
    assistedDigitalByCount = coverage.coverageByCount
    assistedDigitalByVolume = coverage.coverageByVolume
    let managed = snapshot.roster.rows.filter { $0.priority.isPriority && !$0.managers.isEmpty }
    priorityServicesManaged = managed.count
    exemplars = snapshot.exemplars.exemplars.count
    exemplarsLive = snapshot.exemplars.count(.live)
    exemplarsLate = snapshot.exemplars.count(.late)
    exemplarsUnknown = snapshot.exemplars.count(.unknown)
    exemplarServices = snapshot.exemplars.rows.count
    self.actions = actions.count
    actionsDone = actions.filter { $0.standing == .done }.count
    actionsLate = actions.filter { $0.standing == .late }.count
    actionsPastDueWithNoProgress = actions.filter { $0.standing == .noProgressRecorded }.count
    actionsWithNoProgress = actions.filter { $0.progress == nil }.count
    self.milestones = milestones.count
    milestonesMet = milestones.filter { $0.met != nil }.count
    milestonesLate = milestones.filter { $0.standing == .late }.count
    milestonesPastDueWithNoProgress =
      milestones.filter { $0.standing == .noProgressRecorded }.count
    errors = snapshot.findings.filter { $0.severity == .error }.count
    warnings = snapshot.findings.filter { $0.severity == .warning }.count
  }
}
