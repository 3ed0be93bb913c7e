extension Site {
  /// The service's KPI reports as of the date.
  func kpiSection(_ service: ServiceRecord) -> String {
    let kpis = volumes.kpis[service.id] ?? []
    guard !kpis.isEmpty else { return "" }
    func pounds(_ value: Double?) -> String {
      value.map { "£" + Format.decimal($0, digits: 2) } ?? SiteHTML.missing
    }
    func rate(_ value: Double?) -> String { value.map { Format.percent($0) } ?? SiteHTML.missing }
    let cut =
      volumes.cut.contains(service.id)
      ? SiteHTML.note(
        "At most the \(limit) reports with the latest periods; `ledger log --service "
          + "\(service.id) --type kpi.reported` lists every report.") : ""
    return "<h2>Key performance indicators</h2>\n" + cut
      + SiteHTML.table(
        "\(kpis.count) KPI reports, latest first",
        [
          .init(title: "Period"), .init(title: "Cost per transaction", isNumber: true),
          .init(title: "Digital cost per transaction", isNumber: true),
          .init(title: "Completion rate", isNumber: true),
          .init(title: "User satisfaction", isNumber: true), .init(title: "Source"),
        ],
        kpis.reversed().map { kpi in
          [
            SiteHTML.escaped("\(kpi.from) to \(kpi.to)"), pounds(kpi.costPerTransaction),
            pounds(kpi.digitalCostPerTransaction), rate(kpi.completionRate),
            rate(kpi.userSatisfaction), kpi.source.map(SiteHTML.escaped) ?? SiteHTML.missing,
          ]
        })
  }

  /// Phases, managers, assessments and assisted digital: the service standard's record, by
  /// the date each holds from (same day: in the order recorded).
  func standardSection(_ service: ServiceRecord) -> String {
    let events = (standard[service.id] ?? []).filter(inForce.admits).enumerated()
      .sorted { lhs, rhs in
        (lhs.element.effectiveDate?.dayNumber ?? .min, lhs.offset)
          < (rhs.element.effectiveDate?.dayNumber ?? .min, rhs.offset)
      }.map(\.element)
    // A date links to its event in the history when the page lists it.
    let listed = Set((histories[service.id]?.events ?? []).map(\.id))
    var rows: [[String]] = []
    for event in events {
      let isListed = listed.contains(event.id)
      let link = isListed ? "<a href=\"#\(SitePath.anchor(event.id))\">" : ""
      let close = isListed ? "</a>" : ""
      switch event.event {
      case .phaseEntered(let p):
        rows.append([
          link + "\(p.on)" + close, "Phase", SiteHTML.escaped("entered \(p.phase.rawValue)"),
        ])
      case .managerAppointed(let p):
        rows.append([
          link + "\(p.on)" + close, "Manager",
          SiteHTML.escaped("\(person(p.person)) appointed as \(p.effectiveRole.rawValue)"),
        ])
      case .managerDeparted(let p):
        rows.append([
          link + "\(p.on)" + close, "Manager", SiteHTML.escaped("\(person(p.person)) left"),
        ])
      case .assessmentRecorded(let p):
        rows.append([
          link + "\(p.on)" + close, "Assessment",
          SiteHTML.escaped(
            "\(p.stage.rawValue) assessment: \(p.result.rawValue) against the "
              + "\(p.effectiveStandard.rawValue) standard"
              + (p.assessor.map { " (\($0.rawValue))" } ?? "")),
        ])
      case .assistedDigitalProvided(let p):
        rows.append([
          link + "\(p.on)" + close, "Assisted digital",
          SiteHTML.escaped(
            "provided: " + p.routes.map(\.rawValue).joined(separator: ", ")
              + (p.provider.map { " by \($0)" } ?? "")),
        ])
      case .assistedDigitalWithdrawn(let p):
        rows.append([
          link + "\(p.on)" + close, "Assisted digital",
          SiteHTML.escaped("withdrawn" + (p.reason.map { ": \($0)" } ?? "")),
        ])
      case .govukTransitioned(let p):
        rows.append([link + "\(p.on)" + close, "GOV.UK", "moved to GOV.UK"])
      default:
        continue
      }
    }
    var out = "<h2>Phases, managers, assessments and assisted digital</h2>\n"
    out += assistedDigitalSummary(service)
    guard !rows.isEmpty else {
      return out
        + SiteHTML.note(
          "No phase, service manager, assessment or assisted-digital provision is recorded "
            + "for this service as of \(asOf).")
    }
    return out
      + SiteHTML.table(
        "The service standard's record, oldest first",
        [.init(title: "Date"), .init(title: "What"), .init(title: "Detail")], rows)
  }

  /// Whether the service is in scope for assisted digital, and whether it is covered, as
  /// `ledger assisted-digital` says.
  func assistedDigitalSummary(_ service: ServiceRecord) -> String {
    guard let row = snapshot.coverage.rows.first(where: { $0.service.id == service.id }) else {
      return SiteHTML.note("Not in scope for assisted digital as of \(asOf).")
    }
    let provision =
      row.service.assistedDigital.map { provided in
        "covered since \(provided.on) (" + provided.routes.map(\.rawValue).joined(separator: ", ")
          + ")"
      } ?? "in scope with no assisted-digital support recorded"
    let need =
      row.expectedNeed.map {
        "; expected need \(Format.integer($0)) transactions a year (18% of its volume)"
      } ?? ""
    let reported = row.reportedAssisted.map { ", \(Format.integer($0)) assisted reported" } ?? ""
    return SiteHTML.element("p", "Assisted digital: \(provision)\(need)\(reported).") + "\n"
  }
}
