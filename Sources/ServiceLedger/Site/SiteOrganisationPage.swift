extension Site {
  /// The list of organisations, each with its number of services.
  func organisationsPage() -> SitePage {
    let path = SitePath.organisations
    let rows = snapshot.priorities.rows
    let names = organisationSlugs.keys.sorted()
    let body = SiteHTML.table(
      "\(names.count) organisations as of \(asOf)",
      [
        .init(title: "Organisation"), .init(title: "Services", isNumber: true),
        .init(title: "Priority services", isNumber: true),
      ],
      names.map { name in
        let own = rows.filter { $0.service.organisation == name }
        return [
          SiteHTML.link(name, to: SitePath.organisation(organisationSlugs[name] ?? ""), from: path),
          String(own.count), String(own.filter(\.priority.isPriority).count),
        ]
      })
    return document(
      path, title: "Organisations", section: .organisations,
      lead: "The department's organisations and their services.", body: body)
  }

  /// One organisation: its services as on the services page, and its exemplars.
  func organisationPage(_ name: String) -> SitePage {
    let path = SitePath.organisation(organisationSlugs[name] ?? "")
    let rows = snapshot.priorities.rows.filter { $0.service.organisation == name }
    var body = servicesTable(
      rows, from: path, caption: "\(rows.count) services of \(name) as of \(asOf)", sortable: false)
    let exemplars = rows.filter { $0.priority == .exemplar }
    if !exemplars.isEmpty {
      body +=
        SiteHTML.element(
          "p",
          "Exemplars: " + exemplars.map(\.service.name).joined(separator: ", ") + ".") + "\n"
    }
    body += "<p>" + SiteHTML.link("All services", to: SitePath.services, from: path) + "</p>\n"
    return document(
      path, title: name, section: .organisations,
      lead: "Services of \(name) in priority order.", body: body)
  }
}
