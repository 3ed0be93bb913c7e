/// `service-manager`: a priority service (exemplar or high-volume) in alpha, beta or live has
/// a service manager (26 points: point 2; 18 points: point 3).
public enum ServiceManagerRule: StandardRule {
  public static let rule = CheckRule.serviceManager

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.services(in: [.alpha, .beta, .live]).compactMap { record in
      guard record.managers.isEmpty, facts.priority(of: record).isPriority else { return nil }
      let marks = facts.evidence[record.id]
      let concerned = ServiceEvidence.latest(marks.phase, marks.managerDeparted)
      let departed = concerned != nil && concerned == marks.managerDeparted
      let command = FindingText.record(
        .managerAppointed,
        ["service=\(record.id)", "person=PERSON-ID", "on=\(FindingText.date)"],
        file: facts.evidence.file(of: record.id))
      let message =
        "\(FindingText.service(record)) \(FindingText.phase(record)) and is a priority "
        + "service (\(facts.priorityReason(of: record))), but has no service manager"
        + (departed ? " since its last one departed" : "") + ": "
        + StandardCitation.point(rule, facts.standard)
        + "; record the appointment with \(command)"
      return Finding(rule, service: record.id, message: message, at: concerned?.location)
    }
  }
}
