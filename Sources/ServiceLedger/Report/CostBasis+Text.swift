extension CostBasis {
  /// The basis in a few words, the same in every view: `recorded £3.80 a transaction, £3.20
  /// digital (12 months to 2014-09-30, stale)`, `costs.set 2014-01-01`, or `benchmark`.
  public func label(asOf: CivilDate) -> String {
    guard let recorded else {
      return fallback.on.map { "costs.set \($0)" } ?? "benchmark"
    }
    var figures: [String] = []
    if let all = allChannels { figures.append("£\(Format.decimal(all, digits: 2)) a transaction") }
    if let digital { figures.append("£\(Format.decimal(digital, digits: 2)) digital") }
    return "recorded " + figures.joined(separator: ", ") + " ("
      + TakeUpFigures.window(from: recorded.from, to: recorded.to)
      + (isStale(asOf: asOf) ? ", stale" : "") + ")"
  }

  /// `{"basis":"recorded","from":…,"to":…,"stale":false,"costPerTransaction":110.0,
  /// "digitalCostPerTransaction":null,"source":…,"fallback":"benchmark"}`; `from`, `to` and the
  /// recorded figures are null for `costs.set` and `benchmark`, `source` is theirs then.
  public func json(asOf: CivilDate) -> JSONValue {
    .members([
      "basis": .string(kind.rawValue),
      "from": .date(recorded?.from),
      "to": .date(recorded?.to),
      "on": .date(recorded == nil ? fallback.on : nil),
      "stale": .bool(isStale(asOf: asOf)),
      "costPerTransaction": .decimal(allChannels),
      "digitalCostPerTransaction": .decimal(digital),
      "source": .string(recorded.map { $0.source ?? "not given" } ?? fallback.source),
      "fallback": .string(fallback.on == nil ? "benchmark" : "costs.set"),
    ])
  }

  /// Pounds a transaction by channel, to the penny: `{"digital":3.2,"assisted":…,…}`.
  public static func unitsJSON(_ units: [Double]) -> JSONValue {
    .object(
      zip(VolumeReported.channelNames, units).map { name, unit in
        JSONMember(key: name, value: .decimal((unit * 100).rounded(.toNearestOrAwayFromZero) / 100))
      })
  }
}

extension ChannelShift.Row {
  /// What of this service's figures is stale at `asOf`: `volume to 2014-09-30`, `recorded cost
  /// to 2014-09-30`; empty when nothing is.
  public func staleFigures(asOf: CivilDate) -> [String] {
    var parts: [String] = []
    if isVolumeStale, let to = annual.to { parts.append("volume to \(to)") }
    if let basis = estimate?.basis, basis.isStale(asOf: asOf), let to = basis.recorded?.to {
      parts.append("recorded cost to \(to)")
    }
    return parts
  }
}
