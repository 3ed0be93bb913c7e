extension BoardReport {
  /// The sections after the priority services.
  func renderMarkdownSections(into out: inout some TextOutputStream) {
    section("Channel shift", into: &out)
    paragraph(channelShiftNote, into: &out)
    if !costAssumptions.isEmpty { list(costAssumptions, into: &out) }
    if !current.shift.estimated.isEmpty {
      table(channelMixTable, into: &out)
      table(costTable, into: &out)
    }
    if !largestMovers.isEmpty {
      paragraph("Largest movers since \(period.previousLabel):", into: &out)
      table(moversTable, into: &out)
    }
    section("Assisted digital", into: &out)
    paragraph(assistedDigitalNote, into: &out)
    if !current.coverage.uncovered.isEmpty { table(uncoveredTable, into: &out) }
    section("Service managers", into: &out)
    paragraph(managersNote, into: &out)
    if !unmanagedItems.isEmpty { list(unmanagedItems, into: &out) }
    section("Strategy actions", into: &out)
    renderActionsMarkdown(into: &out)
    section("Data quality", into: &out)
    list(qualityItems, into: &out)
    section("Standard findings", into: &out)
    paragraph(findingsNote, into: &out)
    if !current.findings.isEmpty { table(findingsTable, into: &out) }
    if !errorItems.isEmpty {
      paragraph("Errors:", into: &out)
      list(errorItems, into: &out)
    }
  }

  func renderChangesMarkdown(into out: inout some TextOutputStream) {
    section("What changed since \(period.previousLabel)", into: &out)
    for change in changeSections {
      subsection(change.title, into: &out)
      list(change.items, into: &out)
    }
    if !unchangedTopics.isEmpty {
      paragraph("No change in: " + unchangedTopics.joined(separator: ", ") + ".", into: &out)
    }
  }

  func renderActionsMarkdown(into out: inout some TextOutputStream) {
    let strategies = current.progress.strategies
    if strategies.isEmpty {
      paragraph("No strategy is published as of \(period.asOf).", into: &out)
    }
    for strategy in strategies {
      for theme in strategy.themes {
        subsection("Theme \(theme.number): \(theme.title)", into: &out)
        list(theme.actions.map(Self.actionLine), into: &out)
      }
    }
    if !pastDueItems.isEmpty {
      subsection("Past due", into: &out)
      paragraph(pastDueNote, into: &out)
      list(pastDueItems, into: &out)
    }
  }

  /// `Action 6: Bringing … No progress recorded (due 2013-04-30).`, `Action 1: … Due
  /// 2015-03-31, late; in-progress since 2014-01-01; milestones 0 of 3 met, 3 past due with no
  /// progress recorded.`
  static func actionLine(_ action: StrategyProgress.Action) -> String {
    var parts: [String] = []
    if action.standing == .noProgressRecorded, let due = action.definition.due {
      parts.append("no progress recorded (due \(due))")
    } else {
      if let due = action.definition.due {
        parts.append("due \(due)" + (action.standing == .late ? ", late" : ""))
      }
      parts.append(
        action.progress.map { "\($0.status.rawValue) since \($0.on)" } ?? "no progress recorded")
    }
    if !action.milestones.isEmpty { parts.append("milestones " + milestoneCounts(action)) }
    let title = action.definition.title
    let stop = title.hasSuffix(".") ? "" : "."
    return "Action \(action.definition.action): \(title)\(stop) "
      + parts.joined(separator: "; ").capitalisedFirst + "."
  }

  /// `0 of 3 met, 1 late, 2 past due with no progress recorded`.
  static func milestoneCounts(_ action: StrategyProgress.Action) -> String {
    let met = action.milestones.filter { $0.met != nil }.count
    let late = action.milestones.filter { $0.standing == .late }.count
    let unrecorded = action.milestones.filter { $0.standing == .noProgressRecorded }.count
    return "\(met) of \(action.milestones.count) met" + (late > 0 ? ", \(late) late" : "")
      + (unrecorded > 0 ? ", \(unrecorded) past due with no progress recorded" : "")
  }

  var channelShiftNote: String {
    let shift = current.shift
    guard let takeUp = shift.portfolioTakeUp else {
      return "No service reports digital transactions in its latest 12 months as of "
        + "\(period.asOf)."
    }
    var text =
      "Across the \(shift.estimated.count) services with a 12-month digital figure "
      + "(\(Format.integer(shift.portfolioVolume)) transactions a year, "
      + "\(Format.integer(headlines.digitalTransactions)) of them digital), 12-month take-up is "
      + "\(Format.percent(takeUp))"
    if let old = previous.shift.portfolioTakeUp {
      text += " (\(Format.percent(old)) at \(period.previousLabel))"
    }
    return text + ", weighted by volume. Their estimated cost is "
      + "\(Format.pounds(shift.portfolioCosts.reduce(0, +))) a year; moving to "
      + "\(Format.percent(shift.target, digits: 0)) take-up would save "
      + "\(Format.pounds(shift.portfolioSaving)) a year. " + costModelNote
  }

  var assistedDigitalNote: String {
    let coverage = current.coverage
    guard !coverage.rows.isEmpty else {
      return "No service is in assisted-digital scope (\(Self.assistedDigitalScope))."
    }
    let need = coverage.rows.compactMap(\.expectedNeed).reduce(0, +)
    let exemplars = current.exemplars.rows.map(\.service.id)
    let inScope = Set(coverage.rows.map(\.service.id))
    let outside = exemplars.filter { !inScope.contains($0) }.map(name(of:))
    return
      "\(headlines.assistedDigitalCovered) of \(coverage.rows.count) services in scope "
      + "(\(Self.assistedDigitalScope)) have assisted-digital support"
      + (coverage.coverageByVolume.map { ", \(Format.percent($0)) of their volume" } ?? "")
      + ". "
      + (exemplars.isEmpty
        ? ""
        : outside.isEmpty
          ? "Every exemplar service is in scope. "
          : "Exemplar services outside it, with no digital transactions reported in their latest "
            + "12 months of figures: " + outside.joined(separator: ", ") + ". ")
      + "A service is in scope on its digital figures of any period in those 12 months, so one "
      + "with quarterly digital figures but no 12-month one is in scope though take-up, cost "
      + "and saving leave it out. Expected need: \(Format.integer(need)) transactions a year, "
      + "18% of their volume, the share of adults rarely or never online (Digital Landscape "
      + "Research 2012)."
  }

  var managersNote: String {
    let roster = current.roster
    let managed = roster.rows.filter { !$0.managers.isEmpty }.count
    let without = roster.priorityWithoutManager
    var text =
      "\(managed) of \(roster.rows.count) services have a service manager. "
      + (without.isEmpty
        ? "Every priority service has one."
        : "\(without.count) of \(headlines.priorityServices) priority services have none"
          + " (listed below).")
    for holder in roster.holdingSeveral {
      text +=
        " \(people.display(holder.person)) manages \(holder.services.count) services: "
        + holder.services.map(name(of:)).joined(separator: ", ") + "."
    }
    return text
  }

  /// The priority services without a service manager: `Money claims (exemplar)`.
  var unmanagedItems: [String] {
    current.roster.priorityWithoutManager.map { "\($0.service.name) (\($0.priority.rawValue))" }
  }

  /// The error findings, each as `rule: what is wrong`.
  var errorItems: [String] {
    current.findings.filter { $0.severity == .error }.map { "\($0.rule): " + Self.headline(of: $0) }
  }

  var findingsNote: String {
    "The service standard's checks (ledger check) as of \(period.asOf): "
      + "\(Self.count(headlines.errors, "error")), \(Self.count(headlines.warnings, "warning"))."
  }
}

extension String {
  /// The string with its first character upper-cased.
  var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
