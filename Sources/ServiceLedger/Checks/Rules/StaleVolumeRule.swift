/// `stale-volume` (warning): a priority service's latest volume report ended no more than 15
/// months before the as-of date, so that the board's priorities rest on current figures.
public enum StaleVolumeRule: StandardRule {
  public static let rule = CheckRule.staleVolume

  /// How old the latest report's period end may be.
  public static let months = 15

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    let limit = facts.asOf.adding(months: -months)
    return facts.catalogue.services.compactMap { record in
      guard let latest = facts.volumes.reports[record.id]?.last, latest.report.to < limit,
        facts.priority(of: record).isPriority
      else { return nil }
      let command = FindingText.record(
        .volumeReported,
        [
          "service=\(record.id)", "from=\(FindingText.date)", "to=\(FindingText.date)",
          "total=N", "digital=N",
        ], file: facts.evidence.file(of: record.id))
      let message =
        "\(FindingText.service(record)) is a priority service "
        + "(\(facts.priorityReason(of: record))) whose latest volume report ended "
        + "\(latest.report.to), more than \(months) months before \(facts.asOf): "
        + StandardCitation.point(rule, facts.standard)
        + "; record its latest figures with \(command)"
      return Finding(rule, service: record.id, message: message, at: latest.location)
    }
  }
}
