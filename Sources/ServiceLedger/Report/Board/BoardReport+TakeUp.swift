extension BoardReport {
  /// The columns that show a service's take-up, the same in every table that shows both
  /// figures.
  public static let takeUpColumns = [
    "12-month take-up", "12 months to", "Latest-quarter take-up", "Quarter to",
    "Vs previous quarter",
  ]

  /// The take-up figures of `service` at the report's date.
  public func takeUp(of service: ServiceID) -> TakeUpFigures {
    current.takeUp(of: service)
  }

  /// The cells under `takeUpColumns` for `service`.
  public func takeUpCells(of service: ServiceID) -> [TableData.Cell] {
    let figures = takeUp(of: service)
    return [
      .percent(figures.twelveMonth), dated(figures.twelveMonth == nil ? nil : figures.annualTo),
      .percent(figures.latestQuarter?.takeUp), dated(figures.latestQuarter?.to),
      .points(figures.quarterChange),
    ]
  }

  /// The JSON members of `service`'s take-up, the same names wherever they appear:
  /// `digitalTakeUp` over `from`…`to` (the annual-volume window, as `ledger priorities`
  /// gives it) and `quarterTakeUp` over `quarterFrom`…`quarterTo`, with `quarterChange`.
  public func takeUpJSON(of service: ServiceID) -> [JSONMember] {
    let figures = takeUp(of: service)
    return [
      JSONMember(key: "from", value: .date(figures.annualFrom)),
      JSONMember(key: "to", value: .date(figures.annualTo)),
      JSONMember(key: "digitalTakeUp", value: .rate(figures.twelveMonth)),
      JSONMember(key: "quarterFrom", value: .date(figures.latestQuarter?.from)),
      JSONMember(key: "quarterTo", value: .date(figures.latestQuarter?.to)),
      JSONMember(key: "quarterTakeUp", value: .rate(figures.latestQuarter?.takeUp)),
      JSONMember(key: "quarterChange", value: .rate(figures.quarterChange)),
    ]
  }

  /// What the two take-up figures are, for the notes under the tables.
  static let takeUpDefinition =
    "12-month take-up is digital ÷ all transactions over the 12 months of the annual volume "
    + "(assisted digital is not digital), the figure take-up, cost and saving use throughout "
    + "this report; latest-quarter take-up is the same for the latest quarter with a digital "
    + "figure, and its change from the quarterly figure before."

  /// The name of the figure a take-up series shows: quarterly points are latest-quarter
  /// take-up, 12-month points 12-month take-up.
  static func figureName(_ span: TakeUpSeries.Span?) -> String {
    span == .twelveMonth ? TakeUpFigures.twelveMonthName : TakeUpFigures.latestQuarterName
  }

  /// `36.3% (quarter to 2015-03-31)`.
  static func figureText(_ point: TakeUpSeries.Point) -> String {
    "\(Format.percent(point.takeUp)) (\(window(point)))"
  }

  /// `quarter to 2015-03-31`.
  static func window(_ point: TakeUpSeries.Point) -> String {
    TakeUpFigures.window(from: point.from, to: point.to)
  }

  /// `2014-09-30 (stale)` for a figure's end date.
  func dated(_ to: CivilDate?) -> TableData.Cell {
    guard let to else { return .missing }
    return .text(to.description + (Staleness.isStale(to, asOf: period.asOf) ? " (stale)" : ""))
  }
}
