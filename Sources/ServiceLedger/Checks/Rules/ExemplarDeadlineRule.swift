/// `exemplar-deadline`: each service of an exemplar is live by the due date its designation
/// set.
///
/// A service recorded in a phase other than live after its due date is late. A service with
/// no phase recorded is reported too, but as unknown, not late: the ledger cannot say whether
/// it went live, and the finding asks for its phase to be recorded.
public enum ExemplarDeadlineRule: StandardRule {
  public static let rule = CheckRule.exemplarDeadline

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.catalogue.services.compactMap { record in
      guard let exemplar = record.exemplar, exemplar.due < facts.asOf, record.phase != .live
      else { return nil }
      let location = facts.evidence[record.id].exemplar?.location
      let days = FindingText.days(exemplar.due.days(to: facts.asOf))
      let file = facts.evidence.file(of: record.id)
      let commitment =
        "the strategy committed it to be live, meeting "
        + StandardCitation.name(.inForce(on: exemplar.due)) + ", by then"
      let subject =
        "\(FindingText.service(record)), \(FindingText.exemplar(exemplar, facts)), was due "
        + "live by \(exemplar.due)"
      let message: String
      if record.phase == nil {
        let command = FindingText.record(
          .phaseEntered, ["service=\(record.id)", "phase=PHASE", "on=\(FindingText.date)"],
          file: file)
        message =
          "\(subject) and no phase is recorded for it, so whether it is live is unknown "
          + "(\(days) after its due date): \(commitment); record the phase it is in with "
          + "\(command)"
      } else {
        let command = FindingText.record(
          .phaseEntered, ["service=\(record.id)", "phase=live", "on=\(FindingText.date)"],
          file: file)
        message =
          "\(subject) and \(FindingText.phase(record)), \(days) late: \(commitment); when it "
          + "goes live (after passing its live assessment), record it with \(command)"
      }
      return Finding(rule, service: record.id, message: message, at: location)
    }
  }
}
