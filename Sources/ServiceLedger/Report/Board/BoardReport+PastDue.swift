extension BoardReport {
  /// One action or milestone past its due date and not finished.
  public struct PastDueItem: Sendable, Equatable {
    /// The action's number (the milestone's action for a milestone).
    public var action: Int
    /// `Action: …` or `Milestone: …`, the title cut to 90 characters.
    public var title: String
    public var due: CivilDate
    /// Days from the due date to the report's date.
    public var days: Int
    /// Whether it is an action (else a milestone).
    public var isAction: Bool
    /// `late` (recorded as unfinished) or `no-progress-recorded`.
    public var standing: StrategyProgress.Standing
    /// For an action recorded as late, its latest progress; for a milestone recorded as late,
    /// its action's.
    public var progress: ActionProgressed?
  }

  /// The actions and milestones past their due date, most days past first (then actions
  /// before milestones, in the strategy's order).
  public var pastDue: [PastDueItem] {
    let asOf = period.asOf
    let actions = current.progress.allActions.compactMap { action -> PastDueItem? in
      guard action.isPastDue, let due = action.definition.due else { return nil }
      return PastDueItem(
        action: action.definition.action,
        title: "Action: " + Self.short(action.definition.title, 90), due: due,
        days: due.days(to: asOf), isAction: true, standing: action.standing,
        progress: action.progress)
    }
    let milestones = current.progress.allActions.flatMap { action in
      action.milestones.filter(\.isPastDue).map { milestone in
        PastDueItem(
          action: milestone.definition.action,
          title: "Milestone: " + Self.short(milestone.definition.title, 90),
          due: milestone.definition.due, days: milestone.definition.due.days(to: asOf),
          isAction: false, standing: milestone.standing,
          progress: milestone.standing == .late ? action.progress : nil)
      }
    }
    return (actions + milestones).enumerated().sorted { lhs, rhs in
      (-lhs.element.days, lhs.offset) < (-rhs.element.days, rhs.offset)
    }.map(\.element)
  }

  /// How many past-due items are recorded as late and how many simply have nothing recorded.
  var pastDueNote: String {
    let items = pastDue
    let late = items.filter { $0.standing == .late }.count
    let actions = items.filter(\.isAction).count
    return
      "Past their due date: \(Self.count(actions, "action")) and "
      + "\(Self.count(items.count - actions, "milestone")); \(late) recorded as late, "
      + "\(items.count - late) with no progress recorded, so the ledger cannot say whether "
      + "they were done."
  }

  /// The past-due actions and milestones, one sentence each, most days past first.
  public var pastDueItems: [String] {
    pastDue.map { item in
      "\(item.title) (action \(item.action)): " + Self.standingText(item) + "."
    }
  }

  /// `no progress recorded (due 2013-04-30, 700 days before this report)` or `late: due
  /// 2013-04-30, 700 days ago; in-progress on 2014-01-01`.
  static func standingText(_ item: PastDueItem) -> String {
    let days = count(item.days, "day")
    guard item.standing == .late else {
      return "no progress recorded (due \(item.due), \(days) before this report)"
    }
    return "late: due \(item.due), \(days) ago"
      + (item.progress.map { "; \($0.status.rawValue) on \($0.on)" } ?? "")
  }

  /// The past-due actions and milestones, most days past first.
  public var pastDueTable: TableData {
    TableData(
      columns: ["Action", "Past-due item", "Due", "Days past", "Standing"],
      rows: pastDue.map { item in
        [
          .number(String(item.action)), .text(item.title), .date(item.due),
          .number(Format.integer(item.days)),
          .text(
            item.standing == .late
              ? "late" + (item.progress.map { " (\($0.status.rawValue) on \($0.on))" } ?? "")
              : "no progress recorded"),
        ]
      })
  }

  var pastDueJSON: JSONValue {
    let asOf = period.asOf
    return .members([
      "actions": .array(
        current.progress.allActions.filter(\.isPastDue).map { action in
          .members([
            "strategy": .string(action.definition.strategy.rawValue),
            "action": .integer(action.definition.action),
            "title": .string(action.definition.title),
            "due": .date(action.definition.due),
            "daysPast": .integer(action.definition.due.map { $0.days(to: asOf) }),
            "standing": .string(action.standing.rawValue),
            "status": .string(action.progress?.status.rawValue),
          ])
        }),
      "milestones": .array(
        current.progress.allMilestones.filter(\.isPastDue).map { milestone in
          .members([
            "strategy": .string(milestone.definition.strategy.rawValue),
            "milestone": .string(milestone.definition.milestone.rawValue),
            "action": .integer(milestone.definition.action),
            "title": .string(milestone.definition.title),
            "due": .date(milestone.definition.due),
            "daysPast": .integer(milestone.definition.due.days(to: asOf)),
            "standing": .string(milestone.standing.rawValue),
          ])
        }),
    ])
  }
}
