/// `assisted-digital`: a service in beta or live has assisted-digital provision in force
/// (26 points: point 10; 18 points: point 14).
public enum AssistedDigitalRule: StandardRule {
  public static let rule = CheckRule.assistedDigital

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.services(in: [.beta, .live]).compactMap { record in
      guard record.assistedDigital == nil else { return nil }
      let marks = facts.evidence[record.id]
      let concerned = ServiceEvidence.latest(marks.phase, marks.assistedDigitalWithdrawn)
      let withdrawn = concerned != nil && concerned == marks.assistedDigitalWithdrawn
      let command = FindingText.record(
        .assistedDigitalProvided,
        ["service=\(record.id)", "routes=phone,face-to-face", "on=\(FindingText.date)"],
        file: facts.evidence.file(of: record.id))
      let message =
        "\(FindingText.service(record)) \(FindingText.phase(record)) with no "
        + "assisted-digital provision in force" + (withdrawn ? " (it was withdrawn)" : "")
        + ": " + StandardCitation.point(rule, facts.standard)
        + "; put support in place for users who cannot use the service alone and record it "
        + "with \(command) (routes: phone, face-to-face, web-chat, partner, home-visit, other)"
      return Finding(rule, service: record.id, message: message, at: concerned?.location)
    }
  }
}
