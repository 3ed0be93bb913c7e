/// `kpis`: a live service reported the four KPIs (cost per transaction, user satisfaction,
/// completion rate, digital take-up) for a period ending in the 6 months up to the as-of date
/// (26 points: points 7 and 21 to 24; 18 points: points 16 and 17). Digital take-up comes from
/// `volume.reported` with `digital`; the other three from `kpi.reported`.
public enum KPIRule: StandardRule {
  public static let rule = CheckRule.kpis

  /// How far back a report's period may end and still count.
  public static let months = 6

  /// One KPI: its name, the field that records it with a placeholder for its value, and the
  /// latest `to` reported for it.
  struct Indicator {
    var name: String
    var field: String
    var placeholder: String
    var latest: CivilDate?
  }

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    let start = facts.asOf.startOfMonths(months)
    return facts.services(in: [.live]).compactMap { record in
      let missing = indicators(of: record.id, facts).filter { $0.latest.map { $0 < start } ?? true }
      guard !missing.isEmpty else { return nil }
      let location = facts.evidence[record.id].phase?.location
      let listed = missing.map { indicator in
        indicator.name
          + (indicator.latest.map { " (last for a period ending \($0))" } ?? " (never)")
      }
      var commands: [String] = []
      let kpiFields = missing.filter { $0.field != "digital" }.map {
        "\($0.field)=\($0.placeholder)"
      }
      if !kpiFields.isEmpty {
        commands.append(
          FindingText.record(
            .kpiReported,
            ["service=\(record.id)", "from=\(FindingText.date)", "to=\(FindingText.date)"]
              + kpiFields, file: facts.evidence.file(of: record.id)))
      }
      if missing.contains(where: { $0.field == "digital" }) {
        commands.append(
          FindingText.record(
            .volumeReported,
            [
              "service=\(record.id)", "from=\(FindingText.date)", "to=\(FindingText.date)",
              "total=N", "digital=N",
            ], file: facts.evidence.file(of: record.id)))
      }
      let message =
        "\(FindingText.service(record)) \(FindingText.phase(record)) but has not reported "
        + listed.joined(separator: ", ") + " for a period ending on or after \(start): "
        + StandardCitation.point(rule, facts.standard) + "; record them with "
        + commands.joined(separator: " and ")
      return Finding(rule, service: record.id, message: message, at: location)
    }
  }

  /// The four KPIs of `service` with the latest period end each was reported for, in the
  /// order the service manual lists them.
  static func indicators(of service: ServiceID, _ facts: StandardFacts) -> [Indicator] {
    let kpis = facts.volumes.kpis[service] ?? []
    func latest(_ value: (KPIReported) -> Double?) -> CivilDate? {
      kpis.filter { value($0) != nil }.map(\.to).max()
    }
    let takeUp = facts.digitalReportEnds.latest(of: service)
    return [
      Indicator(
        name: "cost per transaction", field: "costPerTransaction", placeholder: "POUNDS",
        latest: latest(\.costPerTransaction)),
      Indicator(
        name: "user satisfaction", field: "userSatisfaction", placeholder: "RATE",
        latest: latest(\.userSatisfaction)),
      Indicator(
        name: "completion rate", field: "completionRate", placeholder: "RATE",
        latest: latest(\.completionRate)),
      Indicator(name: "digital take-up", field: "digital", placeholder: "N", latest: takeUp),
    ]
  }
}
