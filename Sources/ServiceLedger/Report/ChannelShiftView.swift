/// `ledger channel-shift`: 12-month and latest-quarter take-up, estimated costs by channel and
/// the saving at a target take-up.
///
/// JSON (rates rounded to 4 decimals, money in whole pounds a year), as for the shipped ledger:
/// ```json
/// {"asOf":"2015-03-31","target":0.82,
///  "unitCosts":{"source":"…","on":null,"digital":0.15,"assisted":3.39,"phone":2.83,
///   "post":12.1,"faceToFace":8.62,"other":2.83},
///  "portfolio":{"services":6,"annualVolume":4611418,"digitalTakeUp":0.3617,
///   "cost":52820540,"costByChannel":{"digital":6424318,…},"saving":6618197,
///   "digitalTransactions":1667873,"staleTransactions":1907332,"staleCost":52534318,
///   "staleSaving":6572673},
///  "services":[{"service":"moj-prison-visit-booking","name":"…","annualVolume":1183878,
///   "basis":"12-month","from":"2014-04-01","to":"2015-03-31","digitalTakeUp":0.212,
///   "span":"quarterly","series":[{"from":"2012-10-01","to":"2012-12-31","total":355835,
///   "digital":0,"takeUp":0.0,"restatements":0}],"latestTakeUp":0.3631,
///   "changeFromPrevious":0.0367,"changeSinceFirst":0.3631,"cost":4498736,
///   "costByChannel":{"digital":803162,…},"saving":548068,"stale":false,
///   "quarterFrom":"2015-01-01","quarterTo":"2015-03-31","quarterTakeUp":0.3631,
///   "quarterChange":0.0367,"costBasis":{"basis":"recorded","from":"2013-10-01",
///   "to":"2014-09-30","on":null,"stale":true,"costPerTransaction":3.8,
///   "digitalCostPerTransaction":3.2,"source":"…","fallback":"benchmark"},
///   "unitCosts":{"digital":3.2,"assisted":3.36,"phone":2.8,…},"costStale":true}]}
/// ```
/// `portfolio` counts the services with an estimate (an annual volume with a digital figure);
/// `unitCosts` at the top are the fallback in force, a service's `unitCosts` what its estimate
/// used; `costBasis.basis` is `recorded` (its own `kpi.reported`), `costs.set` or `benchmark`.
/// `digitalTakeUp` is over `from`…`to`, as `ledger priorities` gives it; `quarterTakeUp` over
/// `quarterFrom`…`quarterTo`. `latestTakeUp` and the changes are of the `series` (quarterly
/// when there are quarterly reports, else 12-month). `stale` and `costStale` mark figures six
/// months or more old (`Staleness`). A service's `span`, take-up figures, changes, `cost`,
/// `costByChannel`, `saving`, `costBasis` and `unitCosts` are null when unknown; `series` is
/// `[]` then.
public enum ChannelShiftView {
  /// The view of `shift`; services without any annual volume are left out and counted.
  public static func output(_ shift: ChannelShift) -> ViewOutput {
    let rows = shift.rows.filter { $0.annual.volume != nil }
    let table = TableData(
      fields: [
        "SERVICE": "service", "VOLUME": "annual_volume", "BASIS": "basis", "YEAR TO": "year_to",
        "12-MONTH TAKE-UP": "digital_take_up_percent", "QUARTER TO": "quarter_to",
        "LATEST-QUARTER TAKE-UP": "quarter_take_up_percent",
        "VS PREV QUARTER": "quarter_change_pp", "UNIT COSTS": "unit_costs",
        "COST/YEAR": "annual_cost_gbp", "COST DIGITAL": "annual_cost_digital_gbp",
        "COST ASSISTED": "annual_cost_assisted_gbp", "COST PHONE": "annual_cost_phone_gbp",
        "COST POST": "annual_cost_post_gbp", "COST FACE TO FACE": "annual_cost_face_to_face_gbp",
        "COST OTHER": "annual_cost_other_gbp", "SAVING/YEAR": "annual_saving_gbp",
        "STALE": "stale",
      ],
      rows: rows.map { row in
        [
          .text(row.service.id.rawValue), .count(row.annual.volume),
          .optional(row.annual.basis?.rawValue), .date(row.annual.to),
          .percent(row.takeUp.twelveMonth), .date(row.takeUp.latestQuarter?.to),
          .percent(row.takeUp.latestQuarter?.takeUp), .points(row.takeUp.quarterChange),
          .optional(row.estimate?.basis.label(asOf: shift.asOf)), .pounds(row.estimate?.cost),
        ] + (0..<6).map { index in .pounds(row.estimate?.costs[index]) }
          + [.pounds(row.estimate?.saving), .optional(staleText(row, asOf: shift.asOf))]
      },
      leftOutFirst: [
        "COST OTHER", "COST POST", "COST ASSISTED", "COST FACE TO FACE", "COST PHONE",
        "COST DIGITAL", "STALE", "UNIT COSTS", "BASIS", "QUARTER TO", "YEAR TO", "VOLUME",
        "VS PREV QUARTER", "SAVING/YEAR", "LATEST-QUARTER TAKE-UP", "COST/YEAR",
      ])
    return ViewOutput(
      table: table, json: json(shift, rows: rows),
      emptyNote: "no volume reported for any service as of \(shift.asOf)",
      notes: notes(shift, shown: rows.count))
  }

  static func json(_ shift: ChannelShift, rows: [ChannelShift.Row]) -> JSONValue {
    let costs = shift.unitCosts
    return .members([
      "asOf": .date(shift.asOf),
      "target": .rate(shift.target),
      "unitCosts": .members([
        "source": .string(costs.source), "on": .date(costs.on),
        "digital": .decimal(costs.digital), "assisted": .decimal(costs.assisted),
        "phone": .decimal(costs.phone), "post": .decimal(costs.post),
        "faceToFace": .decimal(costs.faceToFace), "other": .decimal(costs.other),
      ]),
      "portfolio": .members([
        "services": .integer(shift.estimated.count),
        "annualVolume": .integer(shift.portfolioVolume),
        "digitalTakeUp": .rate(shift.portfolioTakeUp),
        "cost": .pounds(shift.portfolioCosts.reduce(0, +)),
        "costByChannel": byChannel(shift.portfolioCosts),
        "saving": .pounds(shift.portfolioSaving),
        "digitalTransactions": .integer(
          Int(roundingSaturated: shift.portfolioDigital)),
        "staleTransactions": .integer(shift.staleVolume),
        "staleCost": .pounds(shift.staleCost),
        "staleSaving": .pounds(shift.staleSaving),
      ]),
      "services": .array(rows.map { json($0, asOf: shift.asOf) }),
    ])
  }

  static func json(_ row: ChannelShift.Row, asOf: CivilDate) -> JSONValue {
    .members([
      "service": .string(row.service.id.rawValue),
      "name": .string(row.service.name),
      "annualVolume": .integer(row.annual.volume),
      "basis": .string(row.annual.basis?.rawValue),
      "from": .date(row.annual.from),
      "to": .date(row.annual.to),
      "digitalTakeUp": .rate(row.annual.digitalTakeUp),
      "span": .string(row.series.span?.rawValue),
      "series": .array(
        row.series.points.map { point in
          .members([
            "from": .date(point.from), "to": .date(point.to), "total": .integer(point.total),
            "digital": .integer(point.digital), "takeUp": .rate(point.takeUp),
            "restatements": .integer(point.restatements),
          ])
        }),
      "latestTakeUp": .rate(row.series.latest?.takeUp),
      "changeFromPrevious": .rate(row.series.changeFromPrevious),
      "changeSinceFirst": .rate(row.series.changeSinceFirst),
      "cost": .pounds(row.estimate?.cost),
      "costByChannel": row.estimate.map { byChannel($0.costs) } ?? .null,
      "saving": .pounds(row.estimate?.saving),
      "stale": .bool(row.isVolumeStale),
      "quarterFrom": .date(row.takeUp.latestQuarter?.from),
      "quarterTo": .date(row.takeUp.latestQuarter?.to),
      "quarterTakeUp": .rate(row.takeUp.latestQuarter?.takeUp),
      "quarterChange": .rate(row.takeUp.quarterChange),
      "costBasis": row.estimate?.basis.json(asOf: asOf) ?? .null,
      "unitCosts": row.estimate.map { CostBasis.unitsJSON($0.units) } ?? .null,
      "costStale": .bool(row.isCostStale),
    ])
  }

  /// `volume to 2014-09-30; recorded cost to 2014-09-30` for what is stale; nil when nothing.
  static func staleText(_ row: ChannelShift.Row, asOf: CivilDate) -> String? {
    let parts = row.staleFigures(asOf: asOf)
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// `{"digital":…,"assisted":…,…}` in whole pounds.
  static func byChannel(_ costs: [Double]) -> JSONValue {
    .object(
      zip(VolumeReported.channelNames, costs).map { JSONMember(key: $0, value: .pounds($1)) })
  }

  static func notes(_ shift: ChannelShift, shown: Int) -> [String] {
    var notes = [
      "12-MONTH TAKE-UP is digital ÷ all transactions (assisted digital is not digital) over "
        + "the annual volume's YEAR TO window, as `ledger priorities` gives it; cost and saving "
        + "use it. LATEST-QUARTER TAKE-UP is the same for the latest quarter with a digital figure "
        + "(QUARTER TO), and VS PREV QUARTER its change from the quarterly figure before."
    ]
    let costs = shift.portfolioCosts
    if let takeUp = shift.portfolioTakeUp {
      let channels = zip(["digital", "assisted", "phone", "post", "face to face", "other"], costs)
        .map { "\($0) \(Format.pounds($1))" }.joined(separator: ", ")
      let digital = Int(roundingSaturated: shift.portfolioDigital)
      notes.append(
        "Portfolio: \(shift.estimated.count) services with a 12-month digital figure, "
          + "\(Format.integer(shift.portfolioVolume)) transactions a year, "
          + "\(Format.integer(digital)) of them digital: 12-month take-up "
          + "\(Format.percent(takeUp)) weighted by volume. Estimated cost "
          + "\(Format.pounds(costs.reduce(0, +))) a year (\(channels)); moving to "
          + "\(Format.percent(shift.target)) take-up would save "
          + "\(Format.pounds(shift.portfolioSaving)) a year.")
      if shift.staleCost > 0 || shift.staleVolume > 0 {
        notes.append(
          "Stale (figures \(Staleness.months) months or more old at \(shift.asOf)): "
            + "\(Format.integer(shift.staleVolume)) of those transactions a year; "
            + "\(Format.pounds(shift.staleCost)) of the cost and "
            + "\(Format.pounds(shift.staleSaving)) of the saving.")
      }
    }
    let fallback = shift.unitCosts.on.map { "the unit costs set on \($0)" } ?? "the benchmark"
    notes.append(
      "UNIT COSTS: each service's own recorded cost per transaction (kpi.reported) where the "
        + "ledger has one, else \(shift.unitCosts.source)"
        + (shift.unitCosts.on.map { " (set \($0))" } ?? "") + ". A recorded all-channel cost "
        + "sets the average at this year's channel mix; the channels it leaves out keep the "
        + "differences of \(fallback), so its saving is what \(fallback) gives. Channels not "
        + "reported are split 80% phone, 20% face to face.")
    let hidden = shift.rows.count - shown
    if hidden > 0 { notes.append("\(hidden) services have no volume report as of \(shift.asOf).") }
    return notes
  }
}
