extension Site {
  /// One service: what it is, its figures as `ledger priorities` and `ledger channel-shift`
  /// give them, take-up and volumes over time (charts with their tables), costs, phases,
  /// managers, assessments, assisted digital, KPIs, restatements and its full event history.
  func servicePage(_ service: ServiceRecord) -> SitePage {
    let path = SitePath.service(service.id)
    var body = aboutService(service, from: path)
    body += serviceFigures(service)
    body += takeUpSection(service)
    body += volumesSection(service)
    body += costsSection(service)
    body += restatementsSection(service)
    body += kpiSection(service)
    body += standardSection(service)
    body += historySection(service)
    return document(
      path, title: service.name, section: .services,
      lead:
        "\(service.organisation) · \(Self.title(priorityRows[service.id]?.priority ?? .noData)) "
        + "· \(service.id)", body: body)
  }

  /// What the catalogue says about the service.
  func aboutService(_ service: ServiceRecord, from path: String) -> String {
    let slug = organisationSlugs[service.organisation] ?? ""
    var facts: [(String, String)] = [
      (
        "Organisation",
        SiteHTML.link(service.organisation, to: SitePath.organisation(slug), from: path)
      ),
      ("Priority", SiteHTML.escaped(Self.title(priorityRows[service.id]?.priority ?? .noData))),
      (
        "Phase",
        service.phase.map { phase in
          SiteHTML.escaped(phase.rawValue + (service.phaseSince.map { " since \($0)" } ?? ""))
        } ?? SiteHTML.notRecorded
      ),
      ("Service managers", managers(service)),
    ]
    if let exemplar = service.exemplar {
      let group = snapshot.exemplars.exemplars.first { group in
        group.services.contains { $0.service.id == service.id }
      }
      let status = group?.services.first { $0.service.id == service.id }?.status
      var text = (group.map { "\($0.title): \($0.status.words); " } ?? "") + "this service due "
      text += "\(exemplar.due)" + (status.map { ", \($0.words)" } ?? "")
      text += " (\(exemplar.strategy))" + (exemplar.note.map { ". Note: \($0)" } ?? "")
      facts.append(("Exemplar", SiteHTML.escaped(text)))
    }
    if let on = service.registeredOn {
      facts.append(("Registered", SiteHTML.escaped(on.description)))
    }
    if let on = service.govukOn { facts.append(("On GOV.UK", SiteHTML.escaped("since \(on)"))) }
    if let category = service.category { facts.append(("Category", SiteHTML.escaped(category))) }
    if let url = service.url { facts.append(("Address", "<code>\(SiteHTML.escaped(url))</code>")) }
    if !service.components.isEmpty {
      facts.append(
        ("Components", SiteHTML.escaped(service.components.map(\.rawValue).joined(separator: ", ")))
      )
    }
    var out = SiteHTML.facts(facts)
    if let description = service.description { out += SiteHTML.element("p", description) + "\n" }
    return out
  }

  /// The figures of `ledger priorities` and `ledger channel-shift` as of the date.
  func serviceFigures(_ service: ServiceRecord) -> String {
    let annual = priorityRows[service.id]?.annual ?? .none
    let shift = shiftRows[service.id]
    let series = shift?.series ?? .empty
    let takeUp = shift?.takeUp
    func figure(_ id: String, _ text: String?, _ value: JSONValue, _ after: String = "") -> String {
      guard let text else { return SiteHTML.notKnown }
      return SiteHTML.figure(text, value: value, id: id) + SiteHTML.escaped(after)
    }
    /// `, stale` for a window that ended six months or more before the date, as the report.
    func stale(_ to: CivilDate) -> String { Staleness.isStale(to, asOf: asOf) ? ", stale" : "" }
    let basis =
      annual.basis.map { basis in
        " (\(basis.rawValue)"
          + (annual.from.flatMap { from in annual.to.map { ", \(from) to \($0)" } } ?? "")
          + ")"
      } ?? ""
    var out = "<h2>Figures as of \(asOf)</h2>\n"
    out += SiteHTML.facts([
      (
        "Transactions a year",
        figure("annual-volume", annual.volume.map(Format.integer), .integer(annual.volume), basis)
      ),
      (
        "12-month take-up (that year)",
        figure(
          "digital-take-up", annual.digitalTakeUp.map { Format.percent($0) },
          .rate(annual.digitalTakeUp))
      ),
      (
        "Latest-quarter take-up",
        figure(
          "quarter-take-up", takeUp?.latestQuarter.map { Format.percent($0.takeUp) },
          .rate(takeUp?.latestQuarter?.takeUp),
          takeUp?.latestQuarter.map { " (quarter to \($0.to)\(stale($0.to)))" } ?? "")
      ),
      (
        "Change since the quarter before",
        figure(
          "quarter-change", takeUp?.quarterChange.map { Format.points($0) },
          .rate(takeUp?.quarterChange))
      ),
      (
        "Estimated cost a year",
        figure(
          "cost", shift?.estimate.map { Format.pounds($0.cost) }, .pounds(shift?.estimate?.cost))
      ),
      (
        "Saving at \(Format.percent(snapshot.shift.target, digits: 0)) take-up",
        figure(
          "saving", shift?.estimate.map { Format.pounds($0.saving) },
          .pounds(shift?.estimate?.saving))
      ),
      (
        "Latest report's take-up",
        figure(
          "latest-take-up", series.latest.map { Format.percent($0.takeUp) },
          .rate(series.latest?.takeUp),
          series.latest.map { " (\(series.span?.rawValue ?? "") to \($0.to)\(stale($0.to)))" }
            ?? "")
      ),
      (
        "Change since the previous report",
        figure(
          "change-from-previous", series.changeFromPrevious.map { Format.points($0) },
          .rate(series.changeFromPrevious))
      ),
      (
        "Change since the first report",
        figure(
          "change-since-first", series.changeSinceFirst.map { Format.points($0) },
          .rate(series.changeSinceFirst))
      ),
    ])
    out += staleness(shift)
    out += SiteHTML.note(
      "Transactions a year follow the five-step rule of `ledger priorities` (a 12-month "
        + "report, quarters summed, or annualised from part of a year). Take-up is digital ÷ "
        + "all transactions; assisted digital is not digital. Costs multiply each channel's "
        + "volume by its unit cost (the table below says where each comes from).")
    return out
  }

  /// What `ledger channel-shift` says is stale about the service's figures, if anything.
  func staleness(_ shift: ChannelShift.Row?) -> String {
    guard let shift, shift.isVolumeStale || shift.isCostStale else { return "" }
    var parts: [String] = []
    if shift.isVolumeStale {
      parts.append(
        SiteHTML.figure("Stale", value: .bool(true), id: "stale")
          + SiteHTML.escaped(
            ": its transactions a year come from a window that ended six months or more "
              + "before \(asOf)."))
    }
    if shift.isCostStale {
      parts.append(
        SiteHTML.figure("Stale cost", value: .bool(true), id: "cost-stale")
          + SiteHTML.escaped(": its cost rests on a stale volume or recorded unit cost."))
    }
    return "<p class=\"status\">" + parts.joined(separator: " ") + "</p>\n"
  }
}
