/// `subject-request-sla` (error): a data subject's request was not answered in the time a
/// regulation's rule (`request-rule.defined`) allows: access within 10 days, or a correction
/// within 3 days with the subject notified (order 01-10/967, App. 2 §5.4 and §5.7). Also a
/// step recorded for a request that was never received.
public enum SubjectRequestSLARule: StandardRule {
  public static let rule = CheckRule.subjectRequestSLA

  public static func findings(_ facts: StandardFacts) -> [Finding] {
    let requests = facts.requests
    let late = requests.breaches.map { breach -> Finding in
      let received = breach.request.received
      let definition = breach.rule.definition
      let outcome: String
      if let done = breach.done {
        outcome =
          "\(breach.step.rawValue) on \(done), \(FindingText.days(breach.due.days(to: done))) "
          + "after its deadline \(breach.due)"
      } else {
        outcome =
          "no \(breach.step.rawValue) recorded by \(requests.asOf); it was due \(breach.due) ("
          + FindingText.days(breach.due.days(to: requests.asOf)) + " ago)"
      }
      let quote =
        definition.source.map { ": " + FindingText.quoted(PlanCitation.quotation($0), limit: 240) }
        ?? ""
      let command = FindingText.record(
        breach.step.eventType, ["request=\(received.request)", "on=YYYY-MM-DD"],
        file: breach.request.location?.file)
      return Finding(
        rule,
        message: "request \(received.request) (\(received.kind.rawValue) by \(received.person), "
          + "received \(received.on)): \(outcome); \(definition.plan) allows \(FindingText.days(definition.days))"
          + quote
          + (breach.done == nil
            ? "; answer it and record each step when it is done with \(command)"
            : "; the step was late and the log keeps it so (it is not corrected by editing): "
              + "answer later requests within the days allowed"),
        at: breach.request.location)
    }
    let orphans = requests.orphans.map { orphan in
      Finding(
        rule,
        message: "\(orphan.step.eventType.rawValue) for request \(orphan.request), which was never "
          + "received; record `request.received` for it first, or retract this step "
          + "(`ledger record event.retracted event=ID`)",
        at: orphan.location)
    }
    return late + orphans
  }
}

extension SubjectRequestStep {
  /// The event type that records the step.
  public var eventType: EventType {
    switch self {
    case .accessGranted: return .requestAccessGranted
    case .correctionMade: return .requestCorrectionMade
    case .subjectNotified: return .requestSubjectNotified
    }
  }
}
