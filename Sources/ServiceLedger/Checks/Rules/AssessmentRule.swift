/// `assessment`: a service in beta or live passed a service assessment for that stage.
public enum AssessmentRule: StandardRule {
  public static let rule = CheckRule.assessment

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    facts.services(in: [.beta, .live]).compactMap { record in
      guard let phase = record.phase, let stage = AssessmentStage(rawValue: phase.rawValue),
        !record.hasPassed(stage)
      else { return nil }
      let failed = record.assessments.last { $0.stage == stage }
      let annual = facts.volumes.annualVolume(of: record.id).volume ?? 0
      // GDS assessed services over 100,000 transactions a year; the department, smaller ones.
      let assessor: Assessor = annual > Priority.defaultThreshold ? .gds : .department
      let location = facts.evidence[record.id].phase?.location
      let command = FindingText.record(
        .assessmentRecorded,
        [
          "service=\(record.id)", "stage=\(stage.rawValue)", "result=pass",
          "on=\(FindingText.date)", "assessor=\(assessor.rawValue)",
        ], file: facts.evidence.file(of: record.id))
      let history =
        failed.map { "its \(stage.rawValue) assessment on \($0.on) was not passed" }
        ?? "no \(stage.rawValue) assessment is recorded"
      let message =
        "\(FindingText.service(record)) \(FindingText.phase(record)) without a passed "
        + "\(stage.rawValue) assessment (\(history)): "
        + StandardCitation.point(rule, facts.standard)
        + "; pass the \(stage.rawValue) assessment and record it with \(command)"
      return Finding(rule, service: record.id, message: message, at: location)
    }
  }
}
