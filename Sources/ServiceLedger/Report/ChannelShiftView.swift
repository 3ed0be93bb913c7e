/// `ledger channel-shift`: take-up trends, estimated costs by channel and the saving at a
/// target take-up.
///
/// JSON (rates rounded to 4 decimals, money in whole pounds a year), as for the shipped ledger:
/// ```json
/// {"asOf":"2015-03-31","target":0.82,
///  "unitCosts":{"source":"…","on":null,"digital":0.15,"assisted":3.39,"phone":2.83,
///   "post":12.1,"faceToFace":8.62,"other":2.83},
///  "portfolio":{"services":6,"annualVolume":4611418,"digitalTakeUp":0.3617,
///   "cost":11989038,"costByChannel":{"digital":250181,"assisted":0,"phone":6664186,
///   "post":0,"faceToFace":5074672,"other":0},"saving":8832690},
///  "services":[{"service":"moj-prison-visit-booking","name":"…","annualVolume":1183878,
///   "basis":"12-month","from":"2014-04-01","to":"2015-03-31","digitalTakeUp":0.212,
///   "span":"quarterly","series":[{"from":"2012-10-01","to":"2012-12-31","total":355835,
///   "digital":0,"takeUp":0.0,"restatements":0}],"latestTakeUp":0.3631,
///   "changeFromPrevious":0.0367,"changeSinceFirst":0.3631,"cost":3758014,
///   "costByChannel":{"digital":37648,…},"saving":2762562}]}
/// ```
/// `portfolio` counts the services with an estimate (an annual volume with a digital figure);
/// a service's `span`, `latestTakeUp`, the changes, `cost`, `costByChannel` and `saving` are
/// null when unknown; `series` is `[]` then.
public enum ChannelShiftView {
  /// The view of `shift`; services without any annual volume are left out and counted.
  public static func output(_ shift: ChannelShift) -> ViewOutput {
    let rows = shift.rows.filter { $0.annual.volume != nil }
    let table = TableData(
      fields: [
        "SERVICE": "service", "SPAN": "span", "LATEST TO": "latest_to",
        "TAKE-UP": "latest_take_up_percent", "VS PREV": "change_from_previous_pp",
        "VS FIRST": "change_since_first_pp", "VOLUME": "annual_volume", "BASIS": "basis",
        "YEAR TO": "year_to", "YEAR TAKE-UP": "digital_take_up_percent",
        "COST/YEAR": "annual_cost_gbp", "COST DIGITAL": "annual_cost_digital_gbp",
        "COST ASSISTED": "annual_cost_assisted_gbp", "COST PHONE": "annual_cost_phone_gbp",
        "COST POST": "annual_cost_post_gbp", "COST FACE TO FACE": "annual_cost_face_to_face_gbp",
        "COST OTHER": "annual_cost_other_gbp", "SAVING/YEAR": "annual_saving_gbp",
      ],
      rows: rows.map { row in
        [
          .text(row.service.id.rawValue), .optional(row.series.span?.rawValue),
          .date(row.series.latest?.to), .percent(row.series.latest?.takeUp),
          .points(row.series.changeFromPrevious), .points(row.series.changeSinceFirst),
          .count(row.annual.volume), .optional(row.annual.basis?.rawValue), .date(row.annual.to),
          .percent(row.annual.digitalTakeUp), .pounds(row.estimate?.cost),
        ] + (0..<6).map { index in .pounds(row.estimate?.costs[index]) }
          + [.pounds(row.estimate?.saving)]
      },
      leftOutFirst: [
        "COST OTHER", "COST POST", "COST ASSISTED", "COST FACE TO FACE", "COST PHONE",
        "COST DIGITAL", "SPAN", "BASIS", "LATEST TO", "YEAR TO", "YEAR TAKE-UP", "VOLUME",
        "VS FIRST", "SAVING/YEAR", "COST/YEAR", "VS PREV", "TAKE-UP",
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
      ]),
      "services": .array(rows.map(json)),
    ])
  }

  static func json(_ row: ChannelShift.Row) -> JSONValue {
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
    ])
  }

  /// `{"digital":…,"assisted":…,…}` in whole pounds.
  static func byChannel(_ costs: [Double]) -> JSONValue {
    .object(
      zip(VolumeReported.channelNames, costs).map { JSONMember(key: $0, value: .pounds($1)) })
  }

  static func notes(_ shift: ChannelShift, shown: Int) -> [String] {
    var notes = [
      "TAKE-UP is digital ÷ all transactions (assisted digital is not digital) in each "
        + "service's latest quarterly report, or 12-month report when it has no quarterly "
        + "ones; VS PREV and VS FIRST compare it with the previous and the first such report."
    ]
    let costs = shift.portfolioCosts
    if let takeUp = shift.portfolioTakeUp {
      let channels = zip(["digital", "assisted", "phone", "post", "face to face", "other"], costs)
        .map { "\($0) \(Format.pounds($1))" }.joined(separator: ", ")
      notes.append(
        "Portfolio: \(shift.estimated.count) services with digital figures, "
          + "\(Format.integer(shift.portfolioVolume)) transactions a year, take-up "
          + "\(Format.percent(takeUp)) weighted by volume. Estimated cost "
          + "\(Format.pounds(costs.reduce(0, +))) a year (\(channels)); moving to "
          + "\(Format.percent(shift.target)) take-up would save "
          + "\(Format.pounds(shift.portfolioSaving)) a year.")
    }
    notes.append(
      "Unit costs: \(shift.unitCosts.source)"
        + (shift.unitCosts.on.map { " (set \($0))" } ?? "") + "; channels not reported are "
        + "split 80% phone, 20% face to face.")
    let hidden = shift.rows.count - shown
    if hidden > 0 { notes.append("\(hidden) services have no volume report as of \(shift.asOf).") }
    return notes
  }
}
