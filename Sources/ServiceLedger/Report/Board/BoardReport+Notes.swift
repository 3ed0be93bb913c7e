extension BoardReport {
  /// What the data behind the figures lacks, one plain sentence each.
  public var qualityItems: [String] {
    let quality = self.quality
    let services = headlines.services
    var items: [String] = []
    if let invalid = quality.invalidLines {
      items.append(
        invalid == 0
          ? "Every line of the log is valid."
          : "\(Self.count(invalid, "invalid line")) of the log left out; ledger check "
            + "lists them.")
    }
    if !quality.behind.isEmpty {
      let listed = quality.behind.map { item in
        "\(item.service.name) (to \(item.to)\(item.isStale ? ", stale" : ""))"
      }
      items.append(
        "Latest figures end before \(period.asOf) for \(quality.behind.count) of \(services) "
          + "services: " + listed.joined(separator: "; ") + "."
          + (quality.behind.contains(where: \.isStale)
            ? " Stale: \(Self.staleRule(period.asOf))." : ""))
    }
    if !quality.noVolume.isEmpty {
      items.append("No volume reported: " + Self.list(quality.noVolume) + ".")
    }
    if !quality.noTakeUp.isEmpty {
      items.append(
        "No 12-month digital figure for \(quality.noTakeUp.count) of \(services) services, so "
          + "12-month take-up, cost and saving leave them out: " + Self.list(quality.noTakeUp)
          + ".")
    }
    if !quality.digitalElsewhere.isEmpty {
      let listed = quality.digitalElsewhere.map { item in
        "\(item.service.name) \(Format.percent(item.takeUp)) for the "
          + TakeUpFigures.window(from: item.from, to: item.to)
      }
      items.append(
        "Of these, \(quality.digitalElsewhere.count) "
          + (quality.digitalElsewhere.count == 1 ? "has" : "have")
          + " a digital figure for another period "
          + "(their latest, as take-up): " + listed.joined(separator: "; ") + ".")
    }
    if !quality.annualised.isEmpty {
      items.append(
        "Annualised from part of a year (estimates): " + Self.list(quality.annualised) + ".")
    }
    if !quality.channelsEstimated.isEmpty {
      items.append(
        "Non-digital channels not reported for \(quality.channelsEstimated.count) of the "
          + "\(headlines.servicesWithTakeUp) costed services; their non-digital volume is split "
          + "80% phone, 20% face to face, as the Digital Efficiency Report modelled it.")
    }
    items.append(
      "No phase recorded for \(quality.noPhase.count) of \(services) services; no KPI report "
        + "for \(quality.noKPIs.count) of \(services).")
    if quality.restated.isEmpty {
      items.append("No figure has been restated.")
    } else {
      let listed = quality.restated.map { item in
        "\(item.service.name), \(item.from) to \(item.to): "
          + (item.previousTotal.map { Format.integer($0) + " → " } ?? "")
          + Format.integer(item.total)
          + (item.times > 1 ? " (restated \(item.times) times)" : "")
      }
      items.append(
        "\(Self.count(quality.restated.count, "figure")) restated: "
          + listed.joined(separator: "; ") + ".")
    }
    items.append(unitCostsItem)
    return items
  }

  /// Which unit costs each costed service uses.
  var unitCostsItem: String {
    let costs = current.shift.unitCosts
    let fallback = "\(costs.source)" + (costs.on.map { ", set \($0)" } ?? "")
    let estimated = current.shift.estimated
    let recorded = estimated.filter { $0.estimate?.basis.kind == .recorded }
    guard !recorded.isEmpty else {
      return "Unit costs: \(fallback), for every costed service (none records its own)."
    }
    let listed = recorded.compactMap { row in
      row.estimate.map { "\(row.service.name), \($0.basis.label(asOf: period.asOf))" }
    }
    return "Unit costs: each service's own recorded cost for \(recorded.count) of the "
      + "\(estimated.count) costed services (" + listed.joined(separator: "; ") + "); "
      + "\(fallback) for the rest and for whatever a service does not record."
  }

  /// One overdue action or milestone.
  public struct OverdueItem: Sendable, Equatable {
    /// The action's number (the milestone's action for a milestone).
    public var action: Int
    /// `Action: …` or `Milestone: …`, the title cut to 90 characters.
    public var title: String
    public var due: CivilDate
    /// Days from the due date to the report's date.
    public var days: Int
    /// Whether it is an action (else a milestone).
    public var isAction: Bool
    /// For an action, its latest status, or nil.
    public var status: ActionStatus?
  }

  /// The overdue actions and milestones, most overdue first (then actions before milestones,
  /// in the strategy's order).
  public var overdue: [OverdueItem] {
    let asOf = period.asOf
    let actions = current.progress.allActions.compactMap { action -> OverdueItem? in
      guard action.isOverdue, let due = action.definition.due else { return nil }
      return OverdueItem(
        action: action.definition.action,
        title: "Action: " + Self.short(action.definition.title, 90), due: due,
        days: due.days(to: asOf), isAction: true, status: action.progress?.status)
    }
    let milestones = current.progress.allMilestones.filter(\.isOverdue).map { milestone in
      OverdueItem(
        action: milestone.definition.action,
        title: "Milestone: " + Self.short(milestone.definition.title, 90),
        due: milestone.definition.due, days: milestone.definition.due.days(to: asOf),
        isAction: false, status: nil)
    }
    return (actions + milestones).enumerated().sorted { lhs, rhs in
      (-lhs.element.days, lhs.offset) < (-rhs.element.days, rhs.offset)
    }.map(\.element)
  }

  /// The overdue actions and milestones, one sentence each, most overdue first.
  public var overdueItems: [String] {
    overdue.map { item in
      "\(item.title) (action \(item.action)): due \(item.due), "
        + "\(Self.count(item.days, "day")) overdue"
        + (item.isAction
          ? ", " + (item.status.map { "status \($0.rawValue)" } ?? "no progress recorded") : "")
        + "."
    }
  }

  /// Names, comma-separated.
  static func list(_ services: [ServiceRecord]) -> String {
    services.map(\.name).joined(separator: ", ")
  }
}
