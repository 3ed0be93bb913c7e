extension PlanReport {
  /// Every figure of the report: `{"period": {"label", "asOf", "previous"}, "knownAt",
  /// "plan": {…as ledger plan…}, "previousStatus", "changes": [{"kind", "subject", "before",
  /// "after"}], "findings": [{"rule", "severity", "file", "line", "message"}]}`.
  public var json: JSONValue {
    .members([
      "period": .members([
        "label": .string(period.label), "asOf": .date(period.asOf),
        "previous": .date(period.previousEnd),
      ]),
      "knownAt": .string(knownAt?.description),
      "plan": PlanView.json(plan, registry),
      "previousStatus": PlansView.status(json: previous?.status),
      "changes": .array(
        changes.map { change in
          .members([
            "kind": .string(change.kind), "subject": .string(change.subject),
            "before": .string(change.before), "after": .string(change.after),
          ])
        }),
      "findings": .array(
        findings.map { finding in
          .members([
            "rule": .string(finding.rule), "severity": .string(finding.severity.rawValue),
            "file": .string(finding.file), "line": .integer(finding.line),
            "message": .string(finding.message),
          ])
        }),
    ])
  }
}
