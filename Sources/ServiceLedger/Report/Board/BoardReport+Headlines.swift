extension BoardReport {
  /// One headline figure at the report's date and the previous quarter's end.
  public struct HeadlineRow: Sendable, Equatable {
    public var label: String
    public var current: String
    public var previous: String
    /// The change, signed (`+2.2 pp`, `-£518,562`, `0`); `-` when it cannot be worked out. A
    /// row for a part of a money figure gives its share of the whole (`99.5% (£52,534,318)`)
    /// and the change of that share in points.
    public var change: String
  }

  /// The headline figures, as people read them.
  public var headlineRows: [HeadlineRow] {
    let now = headlines
    let old = previousHeadlines
    func counts(_ label: String, _ value: (BoardHeadlines) -> Int) -> HeadlineRow {
      HeadlineRow(
        label: label, current: Format.integer(value(now)), previous: Format.integer(value(old)),
        change: Self.signed(value(now) - value(old)))
    }
    func share(_ label: String, _ part: (BoardHeadlines) -> Int, _ whole: (BoardHeadlines) -> Int)
      -> HeadlineRow
    {
      let current = "\(Format.integer(part(now))) of \(Format.integer(whole(now)))"
      let previous = "\(Format.integer(part(old))) of \(Format.integer(whole(old)))"
      return HeadlineRow(
        label: label, current: current, previous: previous,
        change: Self.signed(part(now) - part(old)))
    }
    func rate(_ label: String, _ value: (BoardHeadlines) -> Double?) -> HeadlineRow {
      let change = value(now).flatMap { new in value(old).map { Format.points(new - $0) } }
      return HeadlineRow(
        label: label, current: value(now).map { Format.percent($0) } ?? "-",
        previous: value(old).map { Format.percent($0) } ?? "-", change: change ?? "-")
    }
    func money(_ label: String, _ value: (BoardHeadlines) -> Double) -> HeadlineRow {
      // From the rounded figures, so that the change is what a reader would subtract.
      let change =
        value(now).rounded(.toNearestOrAwayFromZero) - value(old).rounded(.toNearestOrAwayFromZero)
      return HeadlineRow(
        label: label, current: Format.pounds(value(now)), previous: Format.pounds(value(old)),
        change: (change > 0 ? "+" : "") + Format.pounds(change))
    }
    // A part of a money figure as its share of the whole (and the amount beside it), so that
    // its change reads as a change of share (`+99.4 pp`), never as a change of cost.
    func part(
      _ label: String, _ part: (BoardHeadlines) -> Double, of whole: (BoardHeadlines) -> Double
    ) -> HeadlineRow {
      func level(_ figures: BoardHeadlines) -> String {
        "\(Self.share(part(figures), of: whole(figures))) (\(Format.pounds(part(figures))))"
      }
      let shares = [now, old].map { whole($0) == 0 ? nil : part($0) / whole($0) }
      let change = shares[0].flatMap { new in shares[1].map { Format.points(new - $0) } }
      return HeadlineRow(
        label: label, current: level(now), previous: level(old), change: change ?? "-")
    }
    let target = Format.percent(now.target, digits: 0)
    let threshold = Format.integer(Priority.defaultThreshold)
    return [
      counts("Services", \.services),
      counts("Priority services (exemplar, or over \(threshold) a year)", \.priorityServices),
      counts("Transactions a year", \.transactions),
      rate("12-month take-up (services with a 12-month digital figure)", \.takeUp),
      share("Services with a 12-month digital figure", \.servicesWithTakeUp, \.services),
      counts("Transactions a year (those services)", \.takeUpTransactions),
      counts("Digital transactions a year (those services)", \.digitalTransactions),
      money("Estimated cost a year (those services)", \.cost),
      part("Share of that cost resting on stale figures", \.staleCost, of: \.cost),
      money("Potential saving a year at \(target) take-up", \.saving),
      part("Share of that saving resting on stale figures", \.staleSaving, of: \.saving),
      share(
        "Assisted-digital support (services in assisted-digital scope)",
        \.assistedDigitalCovered, \.assistedDigitalInScope),
      rate("Assisted-digital coverage by volume", \.assistedDigitalByVolume),
      share(
        "Priority services with a service manager", \.priorityServicesManaged,
        \.priorityServices),
      share("Exemplars live", \.exemplarsLive, \.exemplars),
      counts("Exemplars with no phase recorded", \.exemplarsUnknown),
      share("Strategy actions done", \.actionsDone, \.actions),
      counts("Strategy actions recorded as late", \.actionsLate),
      counts("Strategy actions past due, no progress recorded", \.actionsPastDueWithNoProgress),
      share("Milestones met", \.milestonesMet, \.milestones),
      counts("Milestones recorded as late", \.milestonesLate),
      counts("Milestones past due, no progress recorded", \.milestonesPastDueWithNoProgress),
      counts("Standard findings: errors", \.errors),
      counts("Standard findings: warnings", \.warnings),
    ]
  }

  /// `+3`, `-2`, `0`.
  static func signed(_ value: Int) -> String {
    (value > 0 ? "+" : "") + Format.integer(value)
  }

  /// `title` cut at a word boundary to at most `limit` characters, with `…` when cut.
  static func short(_ title: String, _ limit: Int = 80) -> String {
    let flat = title.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard flat.count > limit else { return flat }
    var cut = String(flat.prefix(limit - 1))
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2
    {
      cut = String(cut[..<space])
    }
    while let last = cut.last, ",;:".contains(last) { cut.removeLast() }
    return cut + "…"
  }
}
