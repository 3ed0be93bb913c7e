extension BoardReport {
  /// Which services are in assisted-digital scope, in words.
  static let assistedDigitalScope =
    "digital transactions reported in their latest 12 months of figures, or in beta or live"

  /// The take-up sentences of "at a glance": the digital count, the total and the coverage in
  /// words that cannot be read as one fraction, the figure without a service that carries most
  /// of it, and what rests on stale figures.
  var takeUpSummary: [String] {
    let now = headlines
    guard let takeUp = now.takeUp else { return [] }
    var line =
      "12-month take-up is \(Format.percent(takeUp)): \(Format.integer(now.digitalTransactions)) "
      + "of the \(Format.integer(now.takeUpTransactions)) transactions a year of the "
      + "\(Self.count(now.servicesWithTakeUp, "service")) with a 12-month digital figure were "
      + "digital"
    if let old = previousHeadlines.takeUp {
      line += ", \(Format.points(takeUp - old)) since \(period.previousLabel)"
      if let moved = takeUpServicesMoved {
        func names(_ list: [String]) -> String { " (" + list.joined(separator: "; ") + ")" }
        let gone =
          moved.gone.isEmpty
          ? nil
          : "\(moved.gone.count) had a 12-month digital figure then and not now"
            + names(moved.gone)
        let new =
          moved.new.isEmpty
          ? nil
          : "\(moved.new.count) had none then and \(moved.new.count == 1 ? "has" : "have") one now"
            + names(moved.new)
        line +=
          ", but over other services: " + [gone, new].compactMap { $0 }.joined(separator: ", ")
      }
    }
    var lines = [line + "."]
    if now.transactions > 0 {
      let others = now.servicesWithVolume - now.servicesWithTakeUp
      let rest =
        others == 1
        ? "; the other has no 12-month digital figure and is left out of take-up, cost and saving."
        : others > 1
          ? "; the other \(others) have no 12-month digital figure and are left out of take-up, "
            + "cost and saving." : "."
      lines.append(
        (now.servicesWithTakeUp == 1
          ? "That service handles " : "Those \(now.servicesWithTakeUp) services handle ")
          + "\(Format.percent(Double(now.takeUpTransactions) / Double(now.transactions))) of the "
          + "\(Format.integer(now.transactions)) transactions a year of "
          + (now.servicesWithVolume == 1
            ? "the one service" : "all \(now.servicesWithVolume) services")
          + " with volumes" + rest)
    }
    if let dominant = current.shift.dominant {
      let rest = dominant.takeUpWithout.map { Format.percent($0) } ?? "not known"
      lines.append(
        "\(dominant.row.service.name) carries \(Self.share(dominant.share, of: 1)) of those "
          + "digital transactions (\(Self.whole(dominant.digital)) a year); without it, 12-month "
          + "take-up is \(rest) (\(Self.whole(dominant.digitalWithout)) of "
          + "\(Format.integer(dominant.volumeWithout)) transactions a year).")
    }
    if now.staleTransactions > 0, now.takeUpTransactions > 0 {
      let stale = current.shift.estimated.filter(\.isVolumeStale)
      lines.append(
        "\(Format.integer(now.staleTransactions)) of those transactions a year "
          + "(\(Self.share(Double(now.staleTransactions), of: Double(now.takeUpTransactions))))"
          + " rest on stale figures, \(Self.staleRule(period.asOf)): "
          + stale.map { "\($0.service.name) (to \($0.annual.to?.description ?? "-"))" }
          .joined(separator: "; ") + ".")
    }
    return lines
  }

  /// The cost sentences of "at a glance": the cost and saving, their bases, and how much of
  /// each rests on stale figures.
  var costSummary: [String] {
    let now = headlines
    let benchmark = now.servicesWithTakeUp - now.servicesWithRecordedCosts
    let costs = current.shift.unitCosts
    let fallback =
      costs.on.map { "the unit costs set on \($0) (\(costs.source))" }
      ?? "the \(costs.source)"
    let bases = [
      now.servicesWithRecordedCosts > 0
        ? "\(now.servicesWithRecordedCosts) at "
          + (now.servicesWithRecordedCosts == 1 ? "its" : "their")
          + " own recorded cost per transaction" : nil,
      benchmark > 0 ? "\(benchmark) at \(fallback)" : nil,
    ].compactMap { $0 }
    var line =
      "The estimated cost of those \(now.servicesWithTakeUp) services is "
      + "\(Format.pounds(now.cost)) a year (" + bases.joined(separator: ", ") + ")"
    line += "; reaching \(Format.percent(now.target, digits: 0)) take-up would save "
    line += "\(Format.pounds(now.saving)) a year."
    var lines = [line]
    let largest = current.shift.estimated.max {
      ($0.estimate?.cost ?? 0) < ($1.estimate?.cost ?? 0)
    }
    if let largest, let estimate = largest.estimate, now.cost > 0, estimate.cost > now.cost / 2 {
      lines.append(
        "\(largest.service.name) carries \(Self.share(estimate.cost, of: now.cost)) of that "
          + "cost: \(Format.pounds(estimate.cost)) a year, unit costs "
          + "\(estimate.basis.label(asOf: period.asOf)).")
    }
    let stale = current.shift.estimated.filter(\.isCostStale)
    if !stale.isEmpty {
      lines.append(
        "\(Format.pounds(now.staleCost)) of that cost "
          + "(\(Self.share(now.staleCost, of: now.cost))) and \(Format.pounds(now.staleSaving)) "
          + "of the saving (\(Self.share(now.staleSaving, of: now.saving))) rest on stale "
          + "figures: " + stale.map(staleReason).joined(separator: "; ") + ".")
    }
    return lines
  }

  /// The services whose 12-month digital figure came or went since the previous quarter, or
  /// nil when 12-month take-up covers the same services at both dates: a change over other
  /// services is not a change in take-up (2015-Q3's -16.8 pp is mostly one service at 98%
  /// leaving the figure).
  var takeUpServicesMoved: (gone: [String], new: [String])? {
    let now = Set(current.shift.estimated.map(\.service.id))
    let before = Set(previous.shift.estimated.map(\.service.id))
    guard now != before else { return nil }
    return (
      previous.shift.estimated.filter { !now.contains($0.service.id) }.map(\.service.name),
      current.shift.estimated.filter { !before.contains($0.service.id) }.map(\.service.name)
    )
  }

  /// `Court fines: payments (volume to 2014-09-30)`, `… (recorded cost to 2014-09-30)`.
  func staleReason(_ row: ChannelShift.Row) -> String {
    "\(row.service.name) (" + row.staleFigures(asOf: period.asOf).joined(separator: ", ") + ")"
  }

  /// `6 months or more old at 2015-03-31`.
  static func staleRule(_ asOf: CivilDate) -> String {
    "\(Staleness.months) months or more old at \(asOf)"
  }

  /// `1,113,611`: a count worked out as a fraction, rounded half away from zero.
  static func whole(_ value: Double) -> String {
    Format.integer(Int(roundingSaturated: value))
  }

  /// `55.1%`, or `-` when the whole is 0. A part that is not all of the whole never reads
  /// `100.0%` (`over 99.9%`), nor one above nothing `0.0%` (`under 0.1%`): a board reading
  /// "100.0% on stale figures" would take it that no figure is current.
  static func share(_ part: Double, of whole: Double) -> String {
    guard whole != 0 else { return "-" }
    let text = Format.percent(part / whole)
    if text == "100.0%" && part != whole { return "over 99.9%" }
    if text == "0.0%" && part != 0 { return "under 0.1%" }
    return text
  }
}
