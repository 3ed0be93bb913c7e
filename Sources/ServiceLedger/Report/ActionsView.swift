/// `ledger actions`: the strategies' actions by theme with their latest status, due date,
/// overdue flag and milestones.
///
/// JSON:
/// ```json
/// {"asOf":"2015-03-31","overdueActions":2,"milestones":10,"milestonesMet":0,
///  "overdueMilestones":9,"strategies":[{"strategy":"moj-2012","title":"…",
///  "published":"2012-12-20","themes":[{"number":1,"title":"Transforming our services",
///  "actions":[{"action":1,"title":"…","status":null,"statusOn":null,"due":"2015-03-31",
///   "overdue":false,"milestones":[{"milestone":"opg-lpa-applications-digital","title":"…",
///   "due":"2013-04-30","met":null,"overdue":true}]}]}]}]}
/// ```
/// `status` and `statusOn` are null when no progress is recorded; `due` is null for an action
/// without one; a milestone's `met` is the date it was met, or null.
public enum ActionsView {
  /// The view of `progress`.
  public static func output(_ progress: StrategyProgress) -> ViewOutput {
    let strategies = progress.strategies
    let several = strategies.count > 1
    var rows: [[TableData.Cell]] = []
    for strategy in strategies {
      for theme in strategy.themes {
        for action in theme.actions {
          let theme =
            several ? "\(strategy.publication.strategy) \(theme.number)" : "\(theme.number)"
          rows.append([
            .text(theme), .count(action.definition.action),
            .text(action.definition.title), .optional(action.progress?.status.rawValue),
            .date(action.definition.due), .text(action.isOverdue ? "yes" : "no"),
            .optional(milestones(action)),
          ])
        }
      }
    }
    let table = TableData(
      fields: [
        "THEME": "theme", "#": "action", "ACTION": "title", "STATUS": "status", "DUE": "due",
        "OVERDUE": "overdue", "MILESTONES": "milestones",
      ], rows: rows, leftOutFirst: ["MILESTONES", "THEME", "OVERDUE", "STATUS", "DUE"])
    return ViewOutput(
      table: table, json: json(progress, strategies),
      emptyNote: "no strategy published as of \(progress.asOf)",
      notes: notes(progress, strategies))
  }

  /// `2/3 met, 1 overdue`, or nil for an action without milestones.
  static func milestones(_ action: StrategyProgress.Action) -> String? {
    guard !action.milestones.isEmpty else { return nil }
    let met = action.milestones.filter { $0.met != nil }.count
    let late = action.milestones.filter(\.isOverdue).count
    return "\(met)/\(action.milestones.count) met" + (late > 0 ? ", \(late) overdue" : "")
  }

  static func json(_ progress: StrategyProgress, _ strategies: [StrategyProgress.Strategy])
    -> JSONValue
  {
    let actions = strategies.flatMap { $0.themes.flatMap(\.actions) }
    let milestones = actions.flatMap(\.milestones)
    return .members([
      "asOf": .date(progress.asOf),
      "overdueActions": .integer(actions.filter(\.isOverdue).count),
      "milestones": .integer(milestones.count),
      "milestonesMet": .integer(milestones.filter { $0.met != nil }.count),
      "overdueMilestones": .integer(milestones.filter(\.isOverdue).count),
      "strategies": .array(
        strategies.map { strategy in
          .members([
            "strategy": .string(strategy.publication.strategy.rawValue),
            "title": .string(strategy.publication.title),
            "published": .date(strategy.publication.published),
            "themes": .array(strategy.themes.map(json)),
          ])
        }),
    ])
  }

  static func json(_ theme: StrategyProgress.Theme) -> JSONValue {
    .members([
      "number": .integer(theme.number),
      "title": .string(theme.title),
      "actions": .array(
        theme.actions.map { action in
          .members([
            "action": .integer(action.definition.action),
            "title": .string(action.definition.title),
            "status": .string(action.progress?.status.rawValue),
            "statusOn": .date(action.progress?.on),
            "due": .date(action.definition.due),
            "overdue": .bool(action.isOverdue),
            "milestones": .array(
              action.milestones.map { milestone in
                .members([
                  "milestone": .string(milestone.definition.milestone.rawValue),
                  "title": .string(milestone.definition.title),
                  "due": .date(milestone.definition.due),
                  "met": .date(milestone.met?.on),
                  "overdue": .bool(milestone.isOverdue),
                ])
              }),
          ])
        }),
    ])
  }

  static func notes(_ progress: StrategyProgress, _ strategies: [StrategyProgress.Strategy])
    -> [String]
  {
    var notes: [String] = []
    for strategy in strategies {
      let actions = strategy.themes.flatMap(\.actions)
      let milestones = actions.flatMap(\.milestones)
      let late = actions.filter(\.isOverdue).map { String($0.definition.action) }
      let unreported = actions.filter { $0.progress == nil }.count
      notes.append(
        "\(strategy.publication.strategy) as of \(progress.asOf): \(actions.count) actions, "
          + (late.isEmpty
            ? "none overdue" : "\(late.count) overdue (\(late.joined(separator: ", ")))")
          + ", \(unreported) with no progress recorded; \(milestones.count) milestones, "
          + "\(milestones.filter { $0.met != nil }.count) met, "
          + "\(milestones.filter(\.isOverdue).count) overdue.")
    }
    for strategy in strategies {
      notes.append(
        "\(strategy.publication.strategy) themes: "
          + strategy.themes.map { "\($0.number) \($0.title)" }.joined(separator: "; ") + ".")
    }
    return notes
  }
}
