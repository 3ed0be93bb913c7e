extension Site {
  /// Every plan of the registry (`ledger plans`), whatever its form: a table of them, then a
  /// section for each plan without a page of its own (a strategy has one), with what it is and
  /// its items, as `ledger plan ID` gives them.
  func registryHTML(from path: String) -> String {
    let all = plans.allPlans
    guard !all.isEmpty else {
      return SiteHTML.note("No plan is registered in the ledger as of \(asOf).")
    }
    // A strategy's plan (read from it through `Upcaster`) has the strategy's page.
    let pages = Dictionary(
      snapshot.progress.strategies.map {
        ($0.publication.strategy.rawValue, $0.publication.strategy)
      },
      uniquingKeysWith: { first, _ in first })
    func hasPage(_ plan: PlanRegistry.Plan) -> Bool {
      pages[plan.registration.plan.rawValue] != nil
    }
    func link(_ plan: PlanRegistry.Plan) -> String {
      let registration = plan.registration
      if let strategy = pages[registration.plan.rawValue] {
        return SiteHTML.link(registration.title, to: SitePath.plan(strategy), from: path)
      }
      return "<a href=\"#\(Self.anchor(registration.plan))\">"
        + SiteHTML.escaped(registration.title) + "</a>"
    }
    var body = SiteHTML.table(
      "\(all.count) plan\(all.count == 1 ? "" : "s") in the registry as of \(asOf)",
      [
        .init(title: "Plan"), .init(title: "Organisation"), .init(title: "Form"),
        .init(title: "Period"), .init(title: "In force"), .init(title: "Status"),
        .init(title: "Items", isNumber: true), .init(title: "Done", isNumber: true),
        .init(title: "No progress recorded", isNumber: true),
      ],
      all.map { plan in
        [
          link(plan), SiteHTML.escaped(organisationName(plan)),
          SiteHTML.escaped(plan.registration.form.rawValue),
          PlansView.period(plan.registration).map(SiteHTML.escaped) ?? SiteHTML.missing,
          SiteHTML.escaped(PlanValidity(plan, at: asOf).rawValue),
          PlansView.status(plan.status).map(SiteHTML.escaped) ?? SiteHTML.missing,
          String(plan.items.count), String(plan.done), String(plan.unrecorded),
        ]
      }, id: "registry", class: "cards")
    for plan in all where !hasPage(plan) { body += section(plan) }
    return body
  }

  /// The organisation's name, or its id when it is not registered.
  func organisationName(_ plan: PlanRegistry.Plan) -> String {
    plans.organisation(plan.registration.organisation)?.name
      ?? plan.registration.organisation.rawValue
  }

  /// `plan-ID`: a plan's section on the plans page.
  static func anchor(_ plan: PlanID) -> String { "plan-\(plan.rawValue)" }

  /// One plan's section: what it is, and its items with their status and targets.
  func section(_ plan: PlanRegistry.Plan) -> String {
    let registration = plan.registration
    var facts = ["\(registration.form.rawValue) of \(organisationName(plan))"]
    if let number = registration.number { facts.append("number \(number)") }
    if let issued = registration.issuedText ?? registration.issued?.description {
      facts.append("issued \(issued)")
    }
    facts.append(
      PlansView.period(registration).map { "period \($0)" } ?? "no period given")
    facts.append("\(PlanValidity(plan, at: asOf).rawValue) as of \(asOf)")
    if let status = PlansView.status(plan.status) {
      facts.append("status \(status)" + (plan.status.map { " since \($0.on)" } ?? ""))
    }
    if let framework = registration.framework { facts.append("framework \(framework)") }
    if let body = registration.governedBy { facts.append("governed by \(body)") }
    if let link = registration.link { facts.append("document: \(link)") }
    var out =
      "<section id=\"\(Self.anchor(registration.plan))\">\n"
      + SiteHTML.element("h3", registration.title) + "\n"
      + SiteHTML.element("p", facts.joined(separator: "; ") + ".") + "\n"
    if plan.items.isEmpty {
      out += SiteHTML.note("No items are recorded for this plan.")
    } else {
      out += SiteHTML.table(
        "Items of \(registration.title)",
        [
          .init(title: "Item"), .init(title: "Kind"), .init(title: "What"), .init(title: "Due"),
          .init(title: "Status"), .init(title: "Target"),
        ],
        plan.items.map { item in
          let definition = item.definition
          return [
            SiteHTML.escaped(definition.item.rawValue), SiteHTML.escaped(definition.kind.rawValue),
            SiteHTML.escaped(definition.title),
            (definition.dueText ?? definition.due?.description).map(SiteHTML.escaped)
              ?? SiteHTML.missing,
            SiteHTML.escaped(
              item.progress.map { "\($0.status.rawValue) on \($0.on)" }
                ?? (item.isWork ? "no progress recorded" : "-")),
            PlanView.target(item).map(SiteHTML.escaped) ?? SiteHTML.missing,
          ]
        }, class: "cards")
    }
    return out + "</section>\n"
  }
}
