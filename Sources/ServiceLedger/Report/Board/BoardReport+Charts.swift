extension BoardReport {
  /// Take-up over time for the exemplars.
  var exemplarChart: String? {
    let rows = current.exemplars.rows.filter { !$0.series.points.isEmpty }
    guard !rows.isEmpty else { return nil }
    return SVGLineChart(
      title: "Take-up over time: the exemplar services",
      description: "Take-up per report period (quarterly, else 12-month), 0 to 100%, for "
        + rows.map(\.service.name).joined(separator: ", ") + ".",
      series: rows.map { Self.line($0.service, $0.series) }, end: period.asOf,
      target: current.shift.target
    ).svg()
  }

  /// Take-up over time for the largest other services.
  var topServicesChart: String? {
    let rows = topServices
    guard !rows.isEmpty else { return nil }
    return SVGLineChart(
      title: "Take-up over time: the largest other services",
      description: "Take-up per report period (quarterly, else 12-month), 0 to 100%, for "
        + rows.map(\.service.name).joined(separator: ", ") + ".",
      series: rows.map { Self.line($0.service, $0.series) }, end: period.asOf,
      target: current.shift.target
    ).svg()
  }

  static func line(_ service: ServiceRecord, _ series: TakeUpSeries) -> SVGLineChart.Series {
    SVGLineChart.Series(
      name: service.name, points: series.points.map { ($0.to, $0.takeUp) },
      note: series.latest.map(figureText) ?? "")
  }

  /// Transactions and estimated cost by channel, as shares.
  var channelMixChart: String? {
    let volumes = channelVolumes
    let costs = current.shift.portfolioCosts
    guard volumes.reduce(0, +) > 0 else { return nil }
    let volume = Int(roundingSaturated: volumes.reduce(0, +))
    return SVGBarChart.stacked(
      [
        SVGBarChart.Stack(
          label: "Transactions", amounts: volumes, total: Format.integer(volume) + " a year"),
        SVGBarChart.Stack(
          label: "Estimated cost", amounts: costs,
          total: Format.pounds(costs.reduce(0, +)) + " a year"),
      ], categories: Self.channelTitles, title: "The portfolio's channel mix",
      description: "Shares of transactions and of estimated cost by channel, over the "
        + "\(current.shift.estimated.count) services with a 12-month digital figure.")
  }

  /// Progress against the strategy's commitments, as bars on one 0–100% scale.
  var scorecardChart: String {
    let now = headlines
    func share(_ label: String, _ part: Int, _ whole: Int, unrecorded: Int = 0)
      -> SVGBarChart.Progress
    {
      SVGBarChart.Progress(
        label: label, value: whole > 0 ? Double(part) / Double(whole) : nil,
        text: "\(Format.integer(part)) of \(Format.integer(whole))"
          + (unrecorded > 0 ? "; \(Format.integer(unrecorded)) unrecorded" : ""),
        target: nil, unrecorded: whole > 0 ? Double(unrecorded) / Double(whole) : nil)
    }
    let rows = [
      share("Exemplars live", now.exemplarsLive, now.exemplars, unrecorded: now.exemplarsUnknown),
      share("Priority services with a manager", now.priorityServicesManaged, now.priorityServices),
      share(
        "Services in scope with assisted digital", now.assistedDigitalCovered,
        now.assistedDigitalInScope),
      SVGBarChart.Progress(
        label: "Assisted-digital coverage by volume", value: now.assistedDigitalByVolume,
        text: now.assistedDigitalByVolume.map { Format.percent($0) } ?? "", target: nil),
      SVGBarChart.Progress(
        label: "12-month take-up", value: now.takeUp,
        text: now.takeUp.map { Format.percent($0) } ?? "", target: now.target),
      share(
        "Strategy actions done", now.actionsDone, now.actions,
        unrecorded: now.actionsWithNoProgress),
      share(
        "Milestones met", now.milestonesMet, now.milestones,
        unrecorded: now.milestonesPastDueWithNoProgress),
    ]
    return SVGBarChart.progress(
      rows, title: "Progress against the strategy's commitments",
      description: rows.map { "\($0.label): \($0.value == nil ? "no data" : $0.text)" }
        .joined(separator: "; ") + ".")
  }
}
