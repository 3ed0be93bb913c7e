/// `ledger actions`: the strategies' actions by theme with their latest status, due date,
/// standing and milestones.
///
/// JSON:
/// ```json
/// {"asOf":"2015-03-31","actions":20,"actionsDone":0,"lateActions":0,
///  "actionsWithNoProgress":20,"actionsPastDueWithNoProgress":2,"milestones":10,
///  "milestonesMet":0,"lateMilestones":0,"milestonesPastDueWithNoProgress":9,
///  "strategies":[{"strategy":"moj-2012","title":"…","published":"2012-12-20",
///  "themes":[{"number":1,"title":"Transforming our services",
///  "actions":[{"action":1,"title":"…","status":null,"statusOn":null,"due":"2015-03-31",
///   "standing":"open","milestones":[{"milestone":"opg-lpa-applications-digital",
///   "title":"…","due":"2013-04-30","met":null,"standing":"no-progress-recorded"}]}]}]}]}
/// ```
/// `status` and `statusOn` are null when no progress is recorded; `due` is null for an action
/// without one; a milestone's `met` is the date it was met, or null. `standing` is one of
/// `done`, `dropped`, `met`, `withdrawn`, `late`, `no-progress-recorded`, `open`
/// (`StrategyProgress.Standing`): past its due date, an item with nothing recorded is
/// `no-progress-recorded`, never `late`.
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
            .text(action.definition.title), .text(status(action)),
            .date(action.definition.due), .optional(milestones(action)),
          ])
        }
      }
    }
    let table = TableData(
      fields: [
        "THEME": "theme", "#": "action", "ACTION": "title", "STATUS": "status", "DUE": "due",
        "MILESTONES": "milestones",
      ], rows: rows, leftOutFirst: ["MILESTONES", "THEME", "STATUS", "DUE"])
    return ViewOutput(
      table: table, json: json(progress, strategies),
      emptyNote: "no strategy published as of \(progress.asOf)",
      notes: notes(progress, strategies))
  }

  /// The latest status (`in-progress`, `in-progress (late)` past the due date), or `not
  /// recorded`.
  static func status(_ action: StrategyProgress.Action) -> String {
    guard let progress = action.progress else { return "not recorded" }
    return progress.status.rawValue + (action.standing == .late ? " (late)" : "")
  }

  /// `2/3 met, 1 late, 1 past due unrecorded`, or nil for an action without milestones: the
  /// last counts those past their due date with no progress recorded (not those not yet due).
  static func milestones(_ action: StrategyProgress.Action) -> String? {
    guard !action.milestones.isEmpty else { return nil }
    let met = action.milestones.filter { $0.met != nil }.count
    let late = action.milestones.filter { $0.standing == .late }.count
    let unrecorded = action.milestones.filter { $0.standing == .noProgressRecorded }.count
    return "\(met)/\(action.milestones.count) met" + (late > 0 ? ", \(late) late" : "")
      + (unrecorded > 0 ? ", \(unrecorded) past due unrecorded" : "")
  }

  static func json(_ progress: StrategyProgress, _ strategies: [StrategyProgress.Strategy])
    -> JSONValue
  {
    let actions = strategies.flatMap { $0.themes.flatMap(\.actions) }
    let milestones = actions.flatMap(\.milestones)
    func count<T>(_ items: [T], _ standing: (T) -> Bool) -> JSONValue {
      .integer(items.filter(standing).count)
    }
    return .members([
      "asOf": .date(progress.asOf),
      "actions": .integer(actions.count),
      "actionsDone": count(actions) { $0.standing == .done },
      "lateActions": count(actions) { $0.standing == .late },
      "actionsWithNoProgress": count(actions) { $0.progress == nil },
      "actionsPastDueWithNoProgress": count(actions) { $0.standing == .noProgressRecorded },
      "milestones": .integer(milestones.count),
      "milestonesMet": count(milestones) { $0.met != nil },
      "lateMilestones": count(milestones) { $0.standing == .late },
      "milestonesPastDueWithNoProgress": count(milestones) {
        $0.standing == .noProgressRecorded
      },
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
            "standing": .string(action.standing.rawValue),
            "milestones": .array(
              action.milestones.map { milestone in
                .members([
                  "milestone": .string(milestone.definition.milestone.rawValue),
                  "title": .string(milestone.definition.title),
                  "due": .date(milestone.definition.due),
                  "met": .date(milestone.met?.on),
                  "standing": .string(milestone.standing.rawValue),
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
      let late = actions.filter { $0.standing == .late }.map { String($0.definition.action) }
      let unrecorded = actions.filter { $0.standing == .noProgressRecorded }
      let silent = actions.filter { $0.progress == nil }.count
      notes.append(
        "\(strategy.publication.strategy) as of \(progress.asOf): \(actions.count) actions, "
          + "\(actions.filter { $0.standing == .done }.count) done, "
          + (late.isEmpty
            ? "none recorded as late" : "\(late.count) late (\(late.joined(separator: ", ")))")
          + ", \(silent) with no progress recorded"
          + (unrecorded.isEmpty
            ? ""
            : " (past their due date: "
              + unrecorded.map { action in
                "action \(action.definition.action), due "
                  + (action.definition.due?.description ?? "-")
              }.joined(separator: "; ") + ")")
          + "; \(milestones.count) milestones, \(milestones.filter { $0.met != nil }.count) met, "
          + "\(milestones.filter { $0.standing == .late }.count) late, "
          + "\(milestones.filter { $0.standing == .noProgressRecorded }.count) past their due "
          + "date with no progress recorded (MILESTONES: past due unrecorded).")
    }
    for strategy in strategies {
      notes.append(
        "\(strategy.publication.strategy) themes: "
          + strategy.themes.map { "\($0.number) \($0.title)" }.joined(separator: "; ") + ".")
    }
    notes.append(
      "Past its due date, an action or milestone with no progress recorded is neither done nor "
        + "late as far as the ledger knows; it is late only when the ledger records it as "
        + "unfinished.")
    return notes
  }
}
