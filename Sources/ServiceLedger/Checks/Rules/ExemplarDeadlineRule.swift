/// `exemplar-deadline`: an exemplar service is live by the due date its designation set.
public enum ExemplarDeadlineRule: StandardRule {
  public static let rule = CheckRule.exemplarDeadline

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.catalogue.services.compactMap { record in
      guard let exemplar = record.exemplar, exemplar.due < facts.asOf, record.phase != .live
      else { return nil }
      let location = facts.evidence[record.id].exemplar?.location
      let strategy =
        facts.progress.titles[exemplar.strategy].map { "\(exemplar.strategy) (\($0))" }
        ?? "\(exemplar.strategy)"
      let command = FindingText.record(
        .phaseEntered, ["service=\(record.id)", "phase=live", "on=\(FindingText.date)"],
        file: facts.evidence.file(of: record.id))
      let message =
        "\(FindingText.service(record)), an exemplar of the strategy \(strategy), was due live "
        + "by \(exemplar.due) and \(FindingText.phase(record)), "
        + FindingText.days(exemplar.due.days(to: facts.asOf)) + " late: the strategy "
        + "committed it to be live, meeting "
        + StandardCitation.name(.inForce(on: exemplar.due)) + ", by then; when it goes live "
        + "(after passing its live assessment), record it with \(command)"
      return Finding(rule, service: record.id, message: message, at: location)
    }
  }
}
