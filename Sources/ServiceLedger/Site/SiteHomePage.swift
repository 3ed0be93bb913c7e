extension Site {
  /// The home page: the board's headline figures as of the date (beside the previous
  /// quarter's end), the exemplars, the priority services, and links to everything else.
  func homePage() -> SitePage {
    let path = SitePath.home
    var body = "<h2>At a glance</h2>\n" + BoardHTML.list(report.summary)
    body += report.tilesHTML
    body += SiteHTML.note(
      "Changes are since \(report.period.previousLabel) (as of \(report.period.previousEnd)). "
        + "Take-up, cost and saving cover the services with digital figures; the saving is "
        + "the Digital Efficiency Report's model at "
        + "\(Format.percent(snapshot.shift.target, digits: 0)) "
        + "take-up.")
    body += exemplarsSection(from: path)
    if let chart = report.channelMixChart {
      body += "<h2>Channels</h2>\n<figure>\n" + chart
      body +=
        SiteHTML.element(
          "figcaption",
          "Shares of transactions a year and of their estimated cost by channel, over the "
            + "\(snapshot.shift.estimated.count) services with digital figures. Digital is "
            + "\(Format.percent(snapshot.shift.portfolioTakeUp ?? 0)) of transactions.")
        + "\n</figure>\n"
    }
    let priority = snapshot.priorityRows
    body += "<h2>Priority services</h2>\n"
    body += servicesTable(
      priority, from: path,
      caption: "\(priority.count) exemplar and high-volume services as of \(asOf)",
      sortable: false)
    body +=
      "<p>"
      + SiteHTML.link(
        "All \(snapshot.priorities.rows.count) services", to: SitePath.services, from: path)
      + "</p>\n"
    body += "<h2>Browse</h2>\n<ul>\n"
    body +=
      "<li>" + SiteHTML.link("Organisations", to: SitePath.organisations, from: path)
      + ": " + SiteHTML.escaped(organisationSlugs.keys.sorted().joined(separator: ", ")) + "</li>\n"
    for strategy in snapshot.progress.strategies {
      body +=
        "<li>"
        + SiteHTML.link(
          strategy.publication.title, to: SitePath.plan(strategy.publication.strategy), from: path)
        + ": actions and milestones by theme</li>\n"
    }
    let quarters = reportQuarters
    if let latest = quarters.last {
      body +=
        "<li>" + SiteHTML.link("Board reports", to: SitePath.reports, from: path)
        + ": \(quarters.count) quarters, the latest "
        + SiteHTML.link(latest.description, to: SitePath.report(latest), from: path) + "</li>\n"
    }
    body +=
      "<li>" + SiteHTML.link("Downloads", to: SitePath.downloads, from: path)
      + ": every view as CSV and JSON, and the ledger's own files</li>\n</ul>\n"
    return document(
      path, title: "Digital services as of \(asOf)", section: .home,
      lead: "\(subject): the department's services, their take-up and the strategy's progress, "
        + "from the ledger.", body: body)
  }

  /// The exemplars against their due date, each with the services it covers, from `ledger
  /// exemplars`.
  func exemplarsSection(from path: String) -> String {
    let progress = snapshot.exemplars
    guard !progress.exemplars.isEmpty else { return "" }
    var out = "<h2>Exemplars</h2>\n"
    var rows: [[String]] = []
    var footnote = 0
    for exemplar in progress.exemplars {
      for row in exemplar.services {
        if row.designation.note != nil { footnote += 1 }
        rows.append([
          SiteHTML.escaped(exemplar.title),
          "<span class=\"status\">\(SiteHTML.escaped(exemplar.status.words))</span>",
          SiteHTML.link(row.service.name, to: SitePath.service(row.service.id), from: path)
            + (row.designation.note != nil ? " [\(footnote)]" : ""),
          "<span class=\"nowrap\">\(row.designation.due)</span>",
          Format.integer(row.daysToDue),
          row.service.phase.map { SiteHTML.escaped($0.rawValue) } ?? SiteHTML.notRecorded,
          row.series.latest.map {
            SiteHTML.figure(Format.percent($0.takeUp), value: .rate($0.takeUp)) + " to \($0.to)"
          } ?? SiteHTML.notKnown,
        ])
      }
    }
    out += SiteHTML.table(
      ExemplarsView.summary(progress),
      [
        .init(title: "Exemplar"), .init(title: "Status"), .init(title: "Service"),
        .init(title: "Due"), .init(title: "Days to due", isNumber: true), .init(title: "Phase"),
        .init(title: "Latest take-up", isNumber: true),
      ], rows, class: "cards")
    // A footnote is the user's text (a name, a note): its backquotes are not a command's.
    for footnote in report.exemplarFootnotes {
      out += "<p class=\"note\">\(SiteHTML.escaped(footnote))</p>\n"
    }
    if let chart = report.exemplarChart {
      out +=
        "<figure>\n" + chart
        + SiteHTML.element(
          "figcaption",
          "Digital take-up of each exemplar per report period; the dashed line is the "
            + "\(Format.percent(snapshot.shift.target, digits: 0)) target.") + "\n</figure>\n"
    }
    return out
  }
}
