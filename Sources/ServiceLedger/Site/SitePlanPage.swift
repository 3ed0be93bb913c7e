extension Site {
  /// Every plan the ledger records: the published strategies, each with a line of progress
  /// and a page of its own, then every plan of the registry, of any form.
  func plansPage() -> SitePage {
    let path = SitePath.plans
    let strategies = snapshot.progress.strategies
    var body = "<h2 id=\"strategies\">Strategies</h2>\n"
    if strategies.isEmpty {
      body += SiteHTML.note("No strategy is published in the ledger as of \(asOf).")
    } else {
      body += "<ul>\n"
      for strategy in strategies {
        let actions = strategy.themes.flatMap(\.actions)
        let done = actions.filter { $0.progress?.status == .done }.count
        body +=
          "<li>"
          + SiteHTML.link(
            strategy.publication.title, to: SitePath.plan(strategy.publication.strategy), from: path
          )
          + SiteHTML.escaped(
            ", published \(strategy.publication.published): \(actions.count) actions, "
              + "\(done) done, " + Self.pastDue(actions)) + "</li>\n"
      }
      body += "</ul>\n"
    }
    body += "<h2 id=\"all-plans\">Every plan</h2>\n" + registryHTML(from: path)
    return document(
      path, title: "Plans", section: .plans,
      lead: "Every plan in the ledger, of any form: the strategies, with their actions and "
        + "milestones by theme, then every plan of the registry (principles, plans with "
        + "targets, regulations, action plans and the rest).",
      body: body)
  }

  /// One plan: its actions and milestones by theme, as `ledger actions` gives them.
  func planPage(_ strategy: StrategyProgress.Strategy) -> SitePage {
    let path = SitePath.plan(strategy.publication.strategy)
    let actions = strategy.themes.flatMap(\.actions)
    let milestones = actions.flatMap(\.milestones)
    var body =
      SiteHTML.element(
        "p",
        "\(actions.count) actions: \(actions.filter { $0.standing == .done }.count) done, "
          + Self.pastDue(actions) + "; "
          + "\(actions.filter { $0.progress == nil }.count) with no progress recorded. "
          + "\(milestones.count) milestones: \(milestones.filter { $0.met != nil }.count) met, "
          + "\(milestones.filter { $0.standing == .late }.count) recorded as late, "
          + "\(milestones.filter { $0.standing == .noProgressRecorded }.count) past their due "
          + "date with no progress recorded.") + "\n"
    for theme in strategy.themes {
      body +=
        "<h2 id=\"theme-\(theme.number)\">"
        + SiteHTML.escaped("Theme \(theme.number): \(theme.title)") + "</h2>\n"
      guard !theme.actions.isEmpty else {
        body += SiteHTML.note("No actions under this theme.")
        continue
      }
      body += SiteHTML.table(
        "Actions of theme \(theme.number)",
        [
          .init(title: "Action", isNumber: true), .init(title: "What"), .init(title: "Due"),
          .init(title: "Status"), .init(title: "Milestones"),
        ],
        theme.actions.map { action in
          [
            "<span id=\"action-\(action.definition.action)\">\(action.definition.action)</span>",
            SiteHTML.escaped(action.definition.title),
            action.definition.due.map { "<span class=\"nowrap\">\($0)</span>" }
              ?? SiteHTML.missing,
            "<span class=\"status\">"
              + SiteHTML.escaped(
                (action.progress?.status.rawValue ?? "no progress recorded")
                  + (action.progress.map { " on \($0.on)" } ?? ""))
              + "</span>" + (action.standing == .late ? " <span class=\"tag\">late</span>" : ""),
            milestoneList(action.milestones),
          ]
        }, class: "actions cards")
    }
    return document(
      path, title: strategy.publication.title, section: .plans,
      lead: "Published \(strategy.publication.published). Progress as of \(asOf).", body: body)
  }

  /// An action's milestones: what, due, and met, late, or with no progress recorded.
  func milestoneList(_ milestones: [StrategyProgress.Milestone]) -> String {
    guard !milestones.isEmpty else { return SiteHTML.missing }
    return "<ul class=\"plain\">"
      + milestones.map { milestone in
        let state: String
        switch milestone.standing {
        case .met: state = "met \(milestone.met?.on.description ?? "")"
        case .late: state = "late"
        case .noProgressRecorded: state = "no progress recorded"
        case .withdrawn: state = "withdrawn (its action was dropped)"
        case .done, .dropped, .open: state = "not met"
        }
        return "<li>"
          + SiteHTML.escaped("\(milestone.definition.title), due \(milestone.definition.due): ")
          + (milestone.standing == .late
            ? "<span class=\"tag\">late</span>" : SiteHTML.escaped(state))
          + "</li>"
      }.joined() + "</ul>"
  }

  /// `0 recorded as late, 2 past their due date with no progress recorded`.
  static func pastDue(_ actions: [StrategyProgress.Action]) -> String {
    "\(actions.filter { $0.standing == .late }.count) recorded as late, "
      + "\(actions.filter { $0.standing == .noProgressRecorded }.count) past their due date "
      + "with no progress recorded"
  }
}
