/// `govuk`: a live service is on GOV.UK (26 and 18 points: point 13).
public enum GovukRule: StandardRule {
  public static let rule = CheckRule.govuk

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.services(in: [.live]).compactMap { record in
      guard record.govukOn == nil else { return nil }
      let location = facts.evidence[record.id].phase?.location
      let command = FindingText.record(
        .govukTransitioned,
        ["service=\(record.id)", "on=\(FindingText.date)", "url=https://www.gov.uk/START-PAGE"],
        file: facts.evidence.file(of: record.id))
      let message =
        "\(FindingText.service(record)) \(FindingText.phase(record)) but is not on GOV.UK: "
        + StandardCitation.point(rule, facts.standard)
        + "; move its start page to GOV.UK and record it with \(command)"
      return Finding(rule, service: record.id, message: message, at: location)
    }
  }
}
