extension BoardReport {
  /// The sections after the headline figures.
  func renderHTMLSections(into out: inout some TextOutputStream) {
    out.write("<section>\n<div class=\"keep\">\n<h2>Exemplars</h2>\n")
    out.write(BoardHTML.element("p", exemplarNote) + "\n")
    if !current.exemplars.exemplars.isEmpty { out.write(BoardHTML.table(exemplarTable)) }
    for footnote in exemplarFootnotes { out.write(BoardHTML.element("p", footnote, class: "note")) }
    out.write("</div>\n")
    if !current.exemplars.exemplars.isEmpty {
      out.write("<h3>Take-up of the exemplar services</h3>\n")
      out.write(BoardHTML.table(exemplarTakeUpTable))
    }
    if let chart = exemplarChart {
      out.write(
        figure(
          chart, title: "Take-up over time: the exemplar services",
          caption: "Take-up per report up to \(period.asOf): quarterly take-up where a service "
            + "has quarterly figures, else 12-month take-up (each line's label names its last "
            + "window); dashed line: the \(Format.percent(headlines.target, digits: 0)) target."))
    }
    out.write("</section>\n<section>\n<h2>Priority services</h2>\n")
    out.write(BoardHTML.element("p", priorityNote) + "\n")
    if !current.priorityRows.isEmpty { out.write(BoardHTML.table(priorityTable)) }
    out.write("</section>\n<section>\n<h2>Channel shift</h2>\n")
    out.write(BoardHTML.element("p", channelShiftNote) + "\n")
    if !costAssumptions.isEmpty { out.write(BoardHTML.list(costAssumptions)) }
    if let chart = channelMixChart {
      out.write(
        figure(
          chart, title: "The portfolio's channel mix",
          caption: "Shares of transactions and of estimated cost by channel, over the "
            + "\(current.shift.estimated.count) services with a 12-month digital figure. "
            + "Non-digital transactions without a channel are split 80% phone, 20% face "
            + "to face, as the Digital Efficiency Report modelled them."))
      out.write("<div class=\"keep\">\n" + BoardHTML.table(costTable) + "</div>\n")
    }
    if let chart = topServicesChart {
      out.write(
        figure(
          chart, title: "Take-up over time: the largest other services",
          caption: "The \(topServices.count) largest services other than the exemplars with at "
            + "least two take-up figures: quarterly take-up where a service has quarterly "
            + "figures, else 12-month take-up (each line's label names its last window)."))
    }
    if !largestMovers.isEmpty {
      out.write("<div class=\"keep\">\n<h3>Largest movers since \(period.previousLabel)</h3>\n")
      out.write(BoardHTML.table(moversTable) + "</div>\n")
    }
    out.write("</section>\n<section class=\"keep\">\n<h2>Assisted digital</h2>\n")
    out.write(BoardHTML.element("p", assistedDigitalNote) + "\n")
    if !current.coverage.uncovered.isEmpty { out.write(BoardHTML.table(uncoveredTable)) }
    out.write("</section>\n<section>\n<h2>Service managers</h2>\n")
    out.write(BoardHTML.element("p", managersNote) + "\n")
    if !unmanagedItems.isEmpty { out.write(BoardHTML.list(unmanagedItems, class: "cols")) }
    out.write("</section>\n")
    renderActionsHTML(into: &out)
    out.write("<section>\n<h2>Data quality</h2>\n" + BoardHTML.list(qualityItems))
    out.write("</section>\n<section class=\"keep\">\n<h2>Standard findings</h2>\n")
    out.write(BoardHTML.element("p", findingsNote) + "\n")
    if !current.findings.isEmpty { out.write(BoardHTML.table(findingsTable)) }
    if !errorItems.isEmpty {
      out.write(BoardHTML.element("h3", "Errors") + "\n" + BoardHTML.list(errorItems))
    }
    out.write("</section>\n")
  }

  func renderChangesHTML(into out: inout some TextOutputStream) {
    out.write("<section>\n")
    out.write(BoardHTML.element("h2", "What changed since \(period.previousLabel)") + "\n")
    for change in changeSections {
      out.write(
        "<div class=\"keep\">" + BoardHTML.element("h3", change.title) + "\n"
          + BoardHTML.list(change.items) + "</div>\n")
    }
    if !unchangedTopics.isEmpty {
      out.write(
        BoardHTML.element("p", "No change in: " + unchangedTopics.joined(separator: ", ") + ".")
          + "\n")
    }
    out.write("</section>\n")
  }

  func renderActionsHTML(into out: inout some TextOutputStream) {
    out.write("<section>\n<h2>Strategy actions</h2>\n")
    let strategies = current.progress.strategies
    if strategies.isEmpty {
      out.write(BoardHTML.element("p", "No strategy is published as of \(period.asOf).") + "\n")
    }
    for strategy in strategies {
      for theme in strategy.themes {
        out.write(BoardHTML.element("h3", "Theme \(theme.number): \(theme.title)") + "\n")
        out.write(BoardHTML.table(Self.actionTable(theme), class: "actions"))
      }
    }
    if !pastDueTable.rows.isEmpty {
      out.write("<div class=\"keep\">\n<h3>Past due</h3>\n")
      out.write(BoardHTML.element("p", pastDueNote) + "\n" + BoardHTML.table(pastDueTable))
      out.write("</div>\n")
    }
    out.write("</section>\n")
  }

  /// A theme's actions: number, title, status, due date and milestones.
  static func actionTable(_ theme: StrategyProgress.Theme) -> TableData {
    TableData(
      columns: ["#", "Action", "Status", "Due", "Milestones"],
      rows: theme.actions.map { action in
        [
          .number(String(action.definition.action)), .text(action.definition.title),
          .text(
            action.progress.map {
              "\($0.status.rawValue) (\($0.on))" + (action.standing == .late ? ", late" : "")
            } ?? "not recorded"),
          .text(
            action.definition.due.map {
              $0.description + (action.standing == .noProgressRecorded ? ", past" : "")
            } ?? "-"),
          .text(action.milestones.isEmpty ? "-" : milestoneCounts(action)),
        ]
      })
  }
}
