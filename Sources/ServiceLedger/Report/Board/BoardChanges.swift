/// What changed between the previous quarter's end and the report's date, both as known at the
/// report's knowledge time, plus the figures restated by reports recorded in between.
public struct BoardChanges: Sendable, Equatable {
  /// A service whose phase differs.
  public struct PhaseChange: Sendable, Equatable {
    public var service: ServiceRecord
    public var from: Phase?
    public var to: Phase?
  }

  /// A service whose priority differs (a volume crossing the threshold, a designation).
  public struct PriorityChange: Sendable, Equatable {
    public var service: ServiceRecord
    public var from: Priority
    public var to: Priority
  }

  /// A service whose latest take-up figure is new: a later report, or a first one.
  public struct TakeUpMovement: Sendable, Equatable {
    public var service: ServiceRecord
    /// The figure both points are: quarterly (latest-quarter take-up) or 12-month.
    public var span: TakeUpSeries.Span?
    /// The latest point of the same span known at the previous quarter's end; nil for a first
    /// figure of that span.
    public var previous: TakeUpSeries.Point?
    public var current: TakeUpSeries.Point
    /// `current − previous` in rate (0.01 is 1 percentage point); nil for a first figure.
    public var change: Double? { previous.map { current.takeUp - $0.takeUp } }
  }

  /// A strategy action whose status differs.
  public struct StatusChange: Sendable, Equatable {
    public var action: ActionDefined
    public var from: ActionStatus?
    public var to: ActionProgressed
  }

  /// A service whose service managers differ.
  public struct ManagerChange: Sendable, Equatable {
    public var service: ServiceRecord
    public var from: [PersonID]
    public var to: [PersonID]
  }

  public var newServices: [ServiceRecord] = []
  public var retiredServices: [ServiceRecord] = []
  public var phaseChanges: [PhaseChange] = []
  public var priorityChanges: [PriorityChange] = []
  /// By size of the change, largest first (first figures last), then service id. Only changes:
  /// a later figure whose take-up moved by less than 0.05 percentage points (`0.0 pp` as
  /// shown) is left out.
  public var takeUpMovements: [TakeUpMovement] = []
  /// Volume reports recorded in the period that replaced an earlier figure with different
  /// numbers (one that repeats the same numbers changes nothing and is left out).
  public var restatements: [Restatement] = []
  public var actionChanges: [StatusChange] = []
  public var milestonesMet: [StrategyProgress.Milestone] = []
  /// Services whose assisted-digital provision started or ended.
  public var assistedDigitalStarted: [ServiceRecord] = []
  public var assistedDigitalEnded: [ServiceRecord] = []
  public var managerChanges: [ManagerChange] = []
  /// Standard findings now that were not there at the previous quarter's end, and the reverse.
  public var newFindings: [Finding] = []
  public var resolvedFindings: [Finding] = []

  /// The changes from `previous` to `current`; `recorded` are the restatements recorded
  /// after the day `previous.asOf` and on or before `current.asOf` (`RestatementWindow`), of
  /// which those that changed a figure are listed.
  public init(
    from previous: BoardSnapshot, to current: BoardSnapshot, restatements recorded: [Restatement]
  ) {
    let before = Dictionary(
      previous.catalogue.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let now = current.catalogue.services
    newServices = now.filter { before[$0.id] == nil }
    let kept = Set(now.map(\.id))
    retiredServices = previous.catalogue.services.filter { !kept.contains($0.id) }.map {
      current.catalogue.records[$0.id] ?? $0
    }
    for record in now {
      guard let old = before[record.id] else { continue }
      if old.phase != record.phase {
        phaseChanges.append(PhaseChange(service: record, from: old.phase, to: record.phase))
      }
      if old.managers != record.managers {
        managerChanges.append(
          ManagerChange(service: record, from: old.managers, to: record.managers))
      }
      if old.assistedDigital == nil, record.assistedDigital != nil {
        assistedDigitalStarted.append(record)
      } else if old.assistedDigital != nil, record.assistedDigital == nil {
        assistedDigitalEnded.append(record)
      }
    }
    for row in current.priorities.rows {
      guard let old = previous.priorities.priority(of: row.service.id), old != row.priority
      else { continue }
      priorityChanges.append(PriorityChange(service: row.service, from: old, to: row.priority))
    }
    takeUpMovements = Self.movements(from: previous, to: current)
    restatements = recorded.filter {
      $0.before.total != $0.after.total || $0.before.channels != $0.after.channels
    }
    compareStrategy(previous.progress, current.progress)
    let keys = Set(previous.findings.map(FindingKey.init))
    let nowKeys = Set(current.findings.map(FindingKey.init))
    newFindings = current.findings.filter { !keys.contains(FindingKey($0)) }
    resolvedFindings = previous.findings.filter { !nowKeys.contains(FindingKey($0)) }
  }

  /// Whether nothing changed.
  public var isEmpty: Bool {
    newServices.isEmpty && retiredServices.isEmpty && phaseChanges.isEmpty
      && priorityChanges.isEmpty && takeUpMovements.isEmpty && restatements.isEmpty
      && actionChanges.isEmpty && milestonesMet.isEmpty && assistedDigitalStarted.isEmpty
      && assistedDigitalEnded.isEmpty && managerChanges.isEmpty && newFindings.isEmpty
      && resolvedFindings.isEmpty
  }

  /// The smallest movement in take-up that counts as a change: 0.05 percentage points, the
  /// least that shows as `0.1 pp`.
  static let smallestChange = 0.0005

  static func movements(from previous: BoardSnapshot, to current: BoardSnapshot)
    -> [TakeUpMovement]
  {
    let moves = current.catalogue.services.compactMap { record -> TakeUpMovement? in
      let series = current.series(of: record.id)
      guard let latest = series.latest else { return nil }
      // Only a figure of the same span is compared: a quarter is never set against 12 months.
      let before = previous.series(of: record.id)
      let old = before.span == series.span ? before.latest : nil
      if let old, old == latest { return nil }
      let move = TakeUpMovement(service: record, span: series.span, previous: old, current: latest)
      if let change = move.change, abs(change) < Self.smallestChange { return nil }
      return move
    }
    return moves.sorted { lhs, rhs in
      let left = lhs.change.map { -abs($0) } ?? 2
      let right = rhs.change.map { -abs($0) } ?? 2
      return (left, lhs.service.id) < (right, rhs.service.id)
    }
  }

  private mutating func compareStrategy(_ previous: StrategyProgress, _ current: StrategyProgress) {
    var oldStatus: [String: ActionStatus] = [:]
    for action in previous.allActions {
      oldStatus["\(action.definition.strategy)#\(action.definition.action)"] =
        action.progress?.status
    }
    for action in current.allActions {
      guard let progress = action.progress else { continue }
      let old = oldStatus["\(action.definition.strategy)#\(action.definition.action)"]
      if old != progress.status {
        actionChanges.append(StatusChange(action: action.definition, from: old, to: progress))
      }
    }
    let metBefore = Set(
      previous.allMilestones.filter { $0.met != nil }.map {
        "\($0.definition.strategy)/\($0.definition.milestone)"
      })
    milestonesMet = current.allMilestones.filter { milestone in
      milestone.met != nil
        && !metBefore.contains("\(milestone.definition.strategy)/\(milestone.definition.milestone)")
    }
  }
}

/// What makes two findings at different dates the same finding: the rule, the service and the
/// event concerned (messages change as days pass).
struct FindingKey: Hashable {
  var rule: String
  var service: ServiceID?
  var file: String?
  var line: Int?

  init(_ finding: Finding) {
    rule = finding.rule
    service = finding.service
    file = finding.file
    line = finding.line
  }
}
