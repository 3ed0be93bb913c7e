extension BoardReport {
  /// What the data behind the figures lacks, one plain sentence each.
  public var qualityItems: [String] {
    let quality = self.quality
    let services = headlines.services
    var items: [String] = []
    if let invalid = quality.invalidLines {
      items.append(
        invalid == 0
          ? "Every line of the log is valid."
          : "\(Self.count(invalid, "invalid line")) of the log left out; ledger check "
            + "lists them.")
    }
    if !quality.behind.isEmpty {
      let listed = quality.behind.map { item in
        "\(item.service.name) (to \(item.to)\(item.isStale ? ", stale" : ""))"
      }
      items.append(
        "Latest figures end before \(period.asOf) for \(quality.behind.count) of \(services) "
          + "services: " + listed.joined(separator: "; ") + "."
          + (quality.behind.contains(where: \.isStale)
            ? " Stale: \(Self.staleRule(period.asOf))." : ""))
    }
    if !quality.noVolume.isEmpty {
      items.append("No volume reported: " + Self.list(quality.noVolume) + ".")
    }
    if !quality.noTakeUp.isEmpty {
      items.append(
        "No 12-month digital figure for \(quality.noTakeUp.count) of \(services) services, so "
          + "12-month take-up, cost and saving leave them out: " + Self.list(quality.noTakeUp)
          + ".")
    }
    if !quality.digitalElsewhere.isEmpty {
      let listed = quality.digitalElsewhere.map { item in
        "\(item.service.name) \(Format.percent(item.takeUp)) for the "
          + TakeUpFigures.window(from: item.from, to: item.to)
      }
      items.append(
        "Of these, \(quality.digitalElsewhere.count) "
          + (quality.digitalElsewhere.count == 1 ? "has" : "have")
          + " a digital figure for another period "
          + "(their latest, as take-up): " + listed.joined(separator: "; ") + ".")
    }
    if !quality.annualised.isEmpty {
      items.append(
        "Annualised from part of a year (estimates): " + Self.list(quality.annualised) + ".")
    }
    if !quality.channelsEstimated.isEmpty {
      items.append(
        "Non-digital channels not reported for \(quality.channelsEstimated.count) of the "
          + "\(headlines.servicesWithTakeUp) costed services; their non-digital volume is split "
          + "80% phone, 20% face to face, as the Digital Efficiency Report modelled it.")
    }
    items.append(
      "No phase recorded for \(quality.noPhase.count) of \(services) services; no KPI report "
        + "for \(quality.noKPIs.count) of \(services).")
    if quality.restated.isEmpty {
      items.append("No figure this report uses has been restated.")
    } else {
      let listed = quality.restated.map { item in
        "\(item.service.name), \(item.from) to \(item.to): "
          + (item.previousTotal.map { Format.integer($0) + " → " } ?? "")
          + Format.integer(item.total)
          + (item.times > 1 ? " (restated \(item.times) times)" : "")
      }
      items.append(
        "\(Self.count(quality.restated.count, "figure")) this report uses restated (of the "
          + "reports behind each annual volume, and the quarterly and 12-month series): "
          + listed.joined(separator: "; ") + ".")
    }
    items.append(unitCostsItem)
    return items
  }

  /// Which unit costs each costed service uses.
  var unitCostsItem: String {
    let costs = current.shift.unitCosts
    let fallback = "\(costs.source)" + (costs.on.map { ", set \($0)" } ?? "")
    let estimated = current.shift.estimated
    let recorded = estimated.filter { $0.estimate?.basis.kind == .recorded }
    guard !recorded.isEmpty else {
      return "Unit costs: \(fallback), for every costed service (none records its own)."
    }
    let listed = recorded.compactMap { row in
      row.estimate.map { "\(row.service.name), \($0.basis.label(asOf: period.asOf))" }
    }
    return "Unit costs: each service's own recorded cost for \(recorded.count) of the "
      + "\(estimated.count) costed services (" + listed.joined(separator: "; ") + "); "
      + "\(fallback) for the rest and for whatever a service does not record."
  }

  /// Names, comma-separated.
  static func list(_ services: [ServiceRecord]) -> String {
    services.map(\.name).joined(separator: ", ")
  }
}
