extension BoardReport {
  /// How each service's unit costs were chosen, and what was assumed, in words.
  var costModelNote: String {
    let fallback = current.shift.unitCosts
    let base =
      (fallback.on.map { "the unit costs set on \($0) (\(fallback.source))" }
        ?? "the \(fallback.source)")
      + ": digital £\(Format.decimal(fallback.digital, digits: 2)), phone "
      + "£\(Format.decimal(fallback.phone, digits: 2)), face to face "
      + "£\(Format.decimal(fallback.faceToFace, digits: 2)) a transaction"
    let name = fallback.on.map { "the unit costs set on \($0)" } ?? "the benchmark"
    return "Unit costs are each service's own recorded cost per transaction (kpi.reported) "
      + "where the ledger has one, else \(base). A recorded digital cost is the digital unit "
      + "cost. A recorded cost per transaction is an average over all channels: it sets what "
      + "the service's transactions cost at this year's channel mix, but not how the channels "
      + "differ, so the channels it leaves out keep the differences of \(name) (each costs "
      + "its figure plus the same amount), and the saving from moving a transaction to digital "
      + "is what \(name) gives. Non-digital transactions without a channel are split 80% "
      + "phone, 20% face to face. Figures \(Self.staleRule(period.asOf)) are marked stale."
  }

  /// What was assumed for each service costed at a recorded cost of its own, one plain
  /// sentence each, in the cost table's order.
  var costAssumptions: [String] {
    current.shift.estimated.compactMap { row -> String? in
      guard let estimate = row.estimate, let recorded = estimate.basis.recorded,
        let volume = row.annual.volume
      else { return nil }
      let window = TakeUpFigures.window(from: recorded.from, to: recorded.to)
      let fallback = estimate.basis.fallback
      let fallbackName = fallback.on.map { "the unit costs set on \($0)" } ?? "the benchmark"
      let name = row.service.name
      let target = Format.percent(estimate.target, digits: 0)
      switch (estimate.basis.allChannels, estimate.basis.digital) {
      case (let all?, nil):
        return
          "\(name) records only what a transaction costs over all channels (\(Self.money(all)), "
          + "\(window)): its estimated cost is that times its \(Format.integer(volume)) "
          + "transactions a year, \(Format.pounds(estimate.cost)). How its channels differ is not "
          + "recorded, so they are assumed to differ as \(fallbackName)'s do, and its saving at "
          + "\(target), \(Format.pounds(estimate.saving)), is what \(fallbackName) gives."
      case (let all?, let digital?):
        let moved = Self.perMove(estimate.volumes, estimate.units)
        let benchmark = Self.perMove(estimate.volumes, fallback.channels)
        return "\(name) records \(Self.money(all)) a transaction over all channels and "
          + "\(Self.money(digital)) a digital one (\(window)): at this year's channel mix a "
          + "non-digital transaction then costs \(Self.money(moved + digital)), so each one moved "
          + "to digital saves \(Self.money(moved)) (\(fallbackName) would say "
          + "\(Self.money(benchmark)))."
      case (nil, let digital?):
        return "\(name) records \(Self.money(digital)) a digital transaction (\(window)); its "
          + "other channels cost \(fallbackName)'s."
      case (nil, nil):
        return nil
      }
    }
  }

  /// What moving one transaction to digital saves at unit costs `units` for a year's channel
  /// `volumes`: the non-digital average less the digital cost.
  static func perMove(_ volumes: [Double], _ units: [Double]) -> Double {
    let nonDigital = volumes.dropFirst().reduce(0, +)
    guard nonDigital > 0 else { return 0 }
    let cost = zip(volumes, units).dropFirst().map { $0 * $1 }.reduce(0, +)
    return cost / nonDigital - units[0]
  }

  /// `£3.80`.
  static func money(_ value: Double) -> String { "£" + Format.decimal(value, digits: 2) }
}
