extension BoardReport {
  /// `Exemplars: 0 of 4 live, covering 5 services; 4 unknown (no phase recorded); due
  /// 2015-03-31, the date of this report.`
  var exemplarSummary: String {
    let now = headlines
    let progress = current.exemplars
    var parts = [
      "\(now.exemplarsLive) of \(now.exemplars) live, covering "
        + "\(Self.count(now.exemplarServices, "service"))"
    ]
    for status in [ExemplarProgress.Status.late, .onTrack, .unknown]
    where progress.count(status) > 0 {
      parts.append("\(progress.count(status)) \(status.words)")
    }
    let dues = Set(progress.exemplars.filter { $0.status != .live }.map(\.due)).sorted()
    if let first = dues.first, let last = dues.last {
      let asOf = period.asOf
      parts.append(
        first == last
          ? "due \(first)"
            + (first == asOf
              ? ", the date of this report"
              : first < asOf
                ? ", \(Self.count(first.days(to: asOf), "day")) before this report"
                : ", \(Self.count(asOf.days(to: first), "day")) after this report")
          : "due between \(first) and \(last)")
    }
    return "Exemplars: " + parts.joined(separator: "; ") + "."
  }

  /// `Strategy: 0 of 20 actions done, 0 recorded as late, 20 with no progress recorded (2 of
  /// them past their due date); 0 of 10 milestones met, 0 recorded as late, 9 past their due
  /// date with no progress recorded.`
  var strategySummary: String {
    let now = headlines
    var actions =
      "\(now.actionsDone) of \(now.actions) actions done, \(now.actionsLate) recorded as late, "
      + "\(now.actionsWithNoProgress) with no progress recorded"
    if now.actionsPastDueWithNoProgress > 0 {
      actions +=
        " (\(now.actionsPastDueWithNoProgress) of them past their due date)"
    }
    var text = "Strategy: " + actions
    if now.milestones > 0 {
      text +=
        "; \(now.milestonesMet) of \(now.milestones) milestones met, \(now.milestonesLate) "
        + "recorded as late, \(now.milestonesPastDueWithNoProgress) past their due date with "
        + "no progress recorded"
    }
    return text + "."
  }
}
