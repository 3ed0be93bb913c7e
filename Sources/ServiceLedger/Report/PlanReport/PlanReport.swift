/// The board report for one plan of any form (`ledger report --plan ID`): the plan at one
/// date beside the end of the previous quarter, its items with their responsible parties and
/// status, what changed in the quarter, and the plan rules' findings.
public struct PlanReport: Sendable {
  /// One change between the previous quarter's end and the report's date.
  public struct Change: Sendable, Equatable {
    /// `status`, `item` (a new item), or `progress`.
    public var kind: String
    /// The plan, or the item concerned.
    public var subject: String
    public var before: String?
    public var after: String?
  }

  public let period: ReportPeriod
  public let knownAt: Timestamp?
  public let registry: PlanRegistry
  public let plan: PlanRegistry.Plan
  /// The plan at the previous quarter's end; nil when it was not registered by then.
  public let previous: PlanRegistry.Plan?
  public let changes: [Change]
  /// The plan rules' findings about this plan (and the bodies of its organisation) at the date.
  public private(set) var findings: [Finding]

  /// What the report folds: the plans at the report's date and at the previous quarter's end.
  public static func fold(_ period: ReportPeriod) -> TwoDates<PlanRegistry> {
    TwoDates(
      current: PlanRegistry(asOf: period.asOf), previous: PlanRegistry(asOf: period.previousEnd),
      previousEnd: period.previousEnd)
  }

  /// The report on `id` from the plans folded at both dates; nil when the plan is not
  /// registered by the report's date.
  public init?(
    _ registries: TwoDates<PlanRegistry>, plan id: PlanID, period: ReportPeriod,
    knownAt: Timestamp?
  ) {
    let now = registries.current
    guard let plan = now.plan(withID: id) else { return nil }
    let earlier = registries.previous
    self.period = period
    self.knownAt = knownAt
    registry = now
    self.plan = plan
    previous = earlier.plan(withID: id)
    changes = Self.changes(from: previous, to: plan)
    findings = PlanRules.findings(for: plan, in: now)
  }

  /// This report with the ledger named, by `suggestions`, in the commands its findings suggest,
  /// as `ledger check` on the same ledger names them, in every format.
  public func naming(_ suggestions: SuggestedCommands) -> PlanReport {
    var report = self
    for index in report.findings.indices {
      report.findings[index].message = suggestions.naming(report.findings[index].message)
    }
    return report
  }

  /// The status in words: `suspended since 2023-03-31 (dissolution of …)`, or `none recorded`.
  static func status(_ status: PlanRegistry.Status?) -> String {
    guard let status else { return "none recorded" }
    return (PlansView.status(status) ?? status.status.rawValue) + " since \(status.on)"
  }

  /// The status changes, new items and changed progress from `before` to `after`.
  static func changes(from before: PlanRegistry.Plan?, to after: PlanRegistry.Plan) -> [Change] {
    var changes: [Change] = []
    let was = before?.status.map { status($0) }
    let now = after.status.map { status($0) }
    if was != now {
      changes.append(
        Change(kind: "status", subject: after.registration.plan.rawValue, before: was, after: now))
    }
    let earlier = Dictionary(
      (before?.items ?? []).map { ($0.definition.item, $0) }, uniquingKeysWith: { $1 })
    for item in after.items {
      let id = item.definition.item.rawValue
      guard let old = earlier[item.definition.item] else {
        changes.append(Change(kind: "item", subject: id, before: nil, after: item.definition.title))
        continue
      }
      let then = old.progress.map { "\($0.status.rawValue) (\($0.on))" }
      let current = item.progress.map { "\($0.status.rawValue) (\($0.on))" }
      if then != current {
        changes.append(Change(kind: "progress", subject: id, before: then, after: current))
      }
    }
    return changes
  }
}
