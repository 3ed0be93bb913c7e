extension Site {
  /// Channel names for people, in `VolumeReported.channelNames` order.
  static let channelTitles = BoardReport.channelTitles

  /// Take-up over time: the line chart of `ledger channel-shift`'s series, and its table.
  func takeUpSection(_ service: ServiceRecord) -> String {
    let series = shiftRows[service.id]?.series ?? .empty
    var out = "<h2>Digital take-up over time</h2>\n"
    guard let span = series.span else {
      return out
        + SiteHTML.note(
          "No quarterly or 12-month report of this service gives a digital figure as of "
            + "\(asOf), and the take-up series is drawn from those alone.")
    }
    let chart = SVGLineChart(
      title: "Digital take-up of \(service.name)",
      description: "Digital take-up of each \(span.rawValue) report, 0 to 100%, "
        + "\(series.points.count) reports up to \(series.latest?.to.description ?? "").",
      series: [BoardReport.line(service, series)], end: asOf, target: snapshot.shift.target
    ).svg()
    out += "<div class=\"pair\">\n<figure>\n" + chart
    out +=
      SiteHTML.element(
        "figcaption",
        "Each point is one \(span.rawValue) report; the dashed line is the "
          + "\(Format.percent(snapshot.shift.target, digits: 0)) target.") + "\n</figure>\n"
    out += SiteHTML.table(
      "Take-up by \(span.rawValue) report",
      [
        .init(title: "Period ending"), .init(title: "Transactions", isNumber: true),
        .init(title: "Digital", isNumber: true), .init(title: "Take-up", isNumber: true),
      ],
      series.points.reversed().map { point in
        [
          SiteHTML.escaped(point.to.description)
            + (point.restatements > 0 ? " <span class=\"restated\">(restated)</span>" : ""),
          Format.integer(point.total), Format.integer(point.digital),
          SiteHTML.figure(Format.percent(point.takeUp), value: .rate(point.takeUp)),
        ]
      })
    return out + "</div>\n"
  }

  /// Every current report of the service, by channel, with a chart of the series' span.
  func volumesSection(_ service: ServiceRecord) -> String {
    let entries = volumes.reports[service.id] ?? []
    var out = "<h2>Transactions by channel</h2>\n"
    guard !entries.isEmpty else {
      return out + SiteHTML.note("No volume reported as of \(asOf).")
    }
    let span = shiftRows[service.id]?.series.span
    let charted = entries.filter { entry in
      span == .twelveMonth
        ? entry.report.days == 365 || entry.report.days == 366
        : TakeUpSeries.isQuarter(entry.report)
    }
    if !charted.isEmpty {
      let chart = SiteVolumeChart(
        title: "Transactions by channel of \(service.name)",
        reports: charted.map(\.report), channels: Self.channelTitles)
      out +=
        "<figure>\n" + chart.svg()
        + SiteHTML.element(
          "figcaption",
          "Each column is one \(span?.rawValue ?? "quarterly") report, \(chart.reading). "
            + "The table lists every report.")
        + "\n</figure>\n"
    }
    out += SiteHTML.table(
      "Reports as of \(asOf), latest first",
      [.init(title: "Period"), .init(title: "Total", isNumber: true)]
        + Self.channelTitles.map { .init(title: $0, isNumber: true) },
      entries.reversed().map { entry in
        [
          Self.period(entry.report.from, entry.report.to)
            + (entry.restatements > 0 ? " <span class=\"restated\">(restated)</span>" : "")
            + (entry.report.label.map { " <span class=\"note\">\(SiteHTML.escaped($0))</span>" }
              ?? ""),
          Format.integer(entry.report.total),
        ] + entry.report.channels.map { $0.map(Format.integer) ?? SiteHTML.notReported }
      })
    if volumes.cut.contains(service.id) {
      out += SiteHTML.note(
        "The \(entries.count) reports with the latest periods; `ledger log --service "
          + "\(service.id) --type volume.reported` lists every report, the earlier ones too.")
    }
    return out
  }

  /// `2016-10-01 to 2016-12-31`, each date kept whole.
  static func period(_ from: CivilDate, _ to: CivilDate) -> String {
    "<span class=\"nowrap\">\(from)</span> to <span class=\"nowrap\">\(to)</span>"
  }

  /// The estimate of `ledger channel-shift` by channel.
  func costsSection(_ service: ServiceRecord) -> String {
    guard let estimate = shiftRows[service.id]?.estimate else { return "" }
    var out = "<h2>Estimated cost a year by channel</h2>\n"
    out += SiteHTML.table(
      "Cost of \(Format.integer(priorityRows[service.id]?.annual.volume ?? 0)) transactions a year",
      [
        .init(title: "Channel"), .init(title: "Transactions a year", isNumber: true),
        .init(title: "Unit cost", isNumber: true), .init(title: "Cost a year", isNumber: true),
      ],
      Self.channelTitles.indices.map { index in
        [
          SiteHTML.escaped(Self.channelTitles[index]),
          Format.integer(Int(roundingSaturated: estimate.volumes[index])),
          "£" + Format.decimal(estimate.units[index], digits: 2),
          Format.pounds(estimate.costs[index]),
        ]
      } + [
        [
          "<strong>All channels</strong>", "", "",
          "<strong>\(Format.pounds(estimate.cost))</strong>",
        ]
      ])
    out += SiteHTML.note(
      "Unit costs: \(Self.costBasis(estimate.basis)). "
        + "Transactions whose channel is not reported are split 80% phone, 20% face to face. "
        + "Reaching \(Format.percent(estimate.target, digits: 0)) take-up would save "
        + "\(Format.pounds(estimate.saving)) a year.")
    return out
  }

  /// The reports replaced by a later report for the same period, as of the date.
  func restatementsSection(_ service: ServiceRecord) -> String {
    let restated = (volumes.reports[service.id] ?? []).filter { $0.restatements > 0 }
    guard !restated.isEmpty else { return "" }
    let current = currentReports(service)
    var out = "<h2>Restated figures</h2>\n"
    out += SiteHTML.note(
      "A later report for the same period replaces the earlier one; both stay in the ledger "
        + "and in the history below.")
    out += SiteHTML.table(
      "\(restated.count) restated reports",
      [
        .init(title: "Period"), .init(title: "Now", isNumber: true),
        .init(title: "Before", isNumber: true), .init(title: "Times restated", isNumber: true),
      ],
      restated.map { entry in
        let period = Self.period(entry.report.from, entry.report.to)
        let id = current[Period(from: entry.report.from, to: entry.report.to)]
        return [
          id.map { "<a href=\"#\(SitePath.anchor($0))\">\(period)</a>" } ?? period,
          Format.integer(entry.report.total),
          entry.previousTotal.map(Format.integer) ?? SiteHTML.missing,
          String(entry.restatements),
        ]
      })
    return out
  }

  /// Where a service's unit costs come from, in words.
  static func costBasis(_ basis: CostBasis) -> String {
    let fallback =
      basis.fallback.source + (basis.fallback.on.map { " (set \($0))" } ?? "")
    guard let recorded = basis.recorded else { return fallback }
    return "the service's own recorded cost per transaction, from its KPI report for "
      + "\(recorded.from) to \(recorded.to)" + (recorded.source.map { " (\($0))" } ?? "")
      + ", with the differences between channels from the \(fallback)"
  }
}
