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
        + "the Digital Efficiency Report's model at \(Format.percent(snapshot.shift.target, digits: 0)) "
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

  /// The exemplars against their due date, from `ledger exemplars`.
  func exemplarsSection(from path: String) -> String {
    let rows = snapshot.exemplars.rows
    guard !rows.isEmpty else { return "" }
    var out = "<h2>Exemplars</h2>\n"
    out += SiteHTML.table(
      "\(rows.count) exemplar services as of \(asOf)",
      [
        .init(title: "Service"), .init(title: "Due"), .init(title: "Status"),
        .init(title: "Days to due", isNumber: true), .init(title: "Phase"),
        .init(title: "Latest take-up", isNumber: true),
      ],
      rows.map { row in
        [
          SiteHTML.link(row.service.name, to: SitePath.service(row.service.id), from: path),
          "<span class=\"nowrap\">\(row.designation.due)</span>",
          "<span class=\"status\">\(SiteHTML.escaped(row.status.rawValue))</span>",
          Format.integer(row.daysToDue),
          row.service.phase.map { SiteHTML.escaped($0.rawValue) } ?? SiteHTML.missing,
          row.series.latest.map {
            SiteHTML.figure(Format.percent($0.takeUp), value: .rate($0.takeUp)) + " to \($0.to)"
          } ?? SiteHTML.missing,
        ]
      }, class: "cards")
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
