extension Site {
  /// The services table: every service that counts, in `ledger priorities` order, with its
  /// organisation, priority, annual volume, take-up, trend, phase and managers. The inline
  /// script sorts it by any column and filters it by organisation and priority.
  func servicesPage() -> SitePage {
    let path = SitePath.services
    let rows = snapshot.priorities.rows
    var body = SiteHTML.note(
      "In priority order: exemplars, then high-volume services (over "
        + "\(Format.integer(snapshot.priorities.threshold)) transactions a year), standard, "
        + "and services with no volume reported; then by annual volume. Latest take-up is "
        + "digital ÷ all transactions in the latest quarterly (else 12-month) report, with the "
        + "day that report ends (stale: \(Staleness.months) months or more before \(asOf)), and "
        + "trend its change since the report before. Select a column title to sort by it.")
    body += filtersForm(rows)
    body += "<p id=\"table-status\" class=\"note\" role=\"status\" aria-live=\"polite\"></p>\n"
    body += servicesTable(rows, from: path, caption: "\(rows.count) services as of \(asOf)")
    return document(
      path, title: "Services", section: .services,
      lead: "Every service of the department, with what the ledger knows about it.", body: body,
      script: true)
  }

  /// The filter controls, hidden until the script shows them (without it they would do
  /// nothing).
  func filtersForm(_ rows: [Priorities.Row]) -> String {
    let organisations = organisationSlugs.keys.sorted()
    let priorities = Priority.allCases.filter { priority in
      rows.contains { $0.priority == priority }
    }
    var out = "<form id=\"filters\" class=\"filters\" hidden=\"hidden\">\n"
    out += "<div><label for=\"filter-organisation\">Organisation</label>"
    out += "<select id=\"filter-organisation\" name=\"organisation\">"
    out += "<option value=\"\">All organisations</option>"
    for name in organisations {
      out += "<option value=\"\(organisationSlugs[name] ?? "")\">\(SiteHTML.escaped(name))</option>"
    }
    out += "</select></div>\n<div><label for=\"filter-priority\">Priority</label>"
    out += "<select id=\"filter-priority\" name=\"priority\">"
    out += "<option value=\"\">All priorities</option>"
    for priority in priorities {
      out += "<option value=\"\(priority.rawValue)\">\(Self.title(priority))</option>"
    }
    return out + "</select></div>\n</form>\n"
  }

  /// The table of `rows` as on the services page; `id="services"` when the script drives it.
  func servicesTable(
    _ rows: [Priorities.Row], from path: String, caption: String, sortable: Bool = true
  ) -> String {
    let titles: [(String, Bool)] = [
      ("Service", false), ("Organisation", false), ("Priority", false),
      ("Annual volume", true), ("Latest take-up", true), ("Trend", true), ("Phase", false),
      ("Service managers", false),
    ]
    var out =
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
      + "aria-label=\"\(SiteHTML.escaped(caption))\">"
      + "<table class=\"cards\"\(sortable ? " id=\"services\"" : "")>"
      + "<caption>\(SiteHTML.escaped(caption))"
      + "</caption>\n<thead><tr>"
    for (title, number) in titles {
      out += "<th scope=\"col\"\(number ? " class=\"num\" data-type=\"number\"" : "")>\(title)</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      let service = row.service
      let shift = shiftRows[service.id]
      let slug = organisationSlugs[service.organisation] ?? ""
      let change = shift?.series.changeFromPrevious
      let latest = shift?.series.latest?.takeUp
      // The window it is for, marked as the report marks it when stale: a take-up years old
      // beside this year's volume would read as current.
      let window = shift?.series.latest.map { report in
        " <span class=\"note\">to \(report.to)"
          + (Staleness.isStale(report.to, asOf: asOf) ? ", stale" : "") + "</span>"
      }
      out += "<tr data-organisation=\"\(slug)\" data-priority=\"\(row.priority.rawValue)\">"
      out += "<th scope=\"row\">"
      out += SiteHTML.link(service.name, to: SitePath.service(service.id), from: path) + "</th>"
      out += Self.cell(
        "Organisation",
        SiteHTML.link(service.organisation, to: SitePath.organisation(slug), from: path))
      out += Self.cell(
        "Priority", Self.title(row.priority),
        sort: "\(Priority.allCases.firstIndex(of: row.priority) ?? 0)")
      out += Self.cell(
        "Annual volume",
        row.annual.volume.map { SiteHTML.figure(Format.integer($0), value: .integer($0)) },
        sort: "\(row.annual.volume ?? -1)", number: true)
      out += Self.cell(
        "Latest take-up",
        latest.map { SiteHTML.figure(Format.percent($0), value: .rate($0)) + (window ?? "") },
        sort: "\(latest ?? -1)", number: true)
      out += Self.cell(
        "Trend", change.map { SiteHTML.figure(Format.points($0), value: .rate($0)) },
        sort: "\(change ?? -2)", number: true)
      out += Self.cell(
        "Phase", service.phase.map { SiteHTML.escaped($0.rawValue) }, missing: SiteHTML.notRecorded)
      out += Self.cell("Service managers", managers(service)) + "</tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }

  /// A cell of the services table: its column's title as `data-label` (narrow screens show
  /// it before the value), the value the script sorts by, and its HTML (`missing` when nil:
  /// `not known`, never `none`, which would read as 0).
  static func cell(
    _ label: String, _ html: String?, sort: String? = nil, number: Bool = false,
    missing: String = SiteHTML.notKnown
  ) -> String {
    "<td" + (number ? " class=\"num\"" : "") + " data-label=\"\(label)\""
      + (sort.map { " data-sort=\"\($0)\"" } ?? "") + ">" + (html ?? missing) + "</td>"
  }

  /// A service's managers by name, or `none`.
  func managers(_ service: ServiceRecord) -> String {
    service.managers.isEmpty
      ? SiteHTML.missing
      : service.managers.map { SiteHTML.escaped(person($0)) }.joined(separator: ", ")
  }

  /// `Exemplar`, `High volume`, `Standard`, `No data`.
  static func title(_ priority: Priority) -> String {
    switch priority {
    case .exemplar: return "Exemplar"
    case .highVolume: return "High volume"
    case .standard: return "Standard"
    case .noData: return "No data"
    }
  }
}
