@testable import ServiceLedger

extension CheckRuleTests {
  /// A request log under a 10-day access rule, in `plans.jsonl`: access granted on the 11th
  /// day breaks `subject-request-sla` (the clean ledger is checked as of 2015-09-30).
  static let requestBreaches: [Breach] = [
    breach(
      .subjectRequestSLA, line: 4,
      says: ["request r-1 (access by p-0007", "access-granted on 2015-06-12, 1 day after"],
      [
        town,
        (
          "plan.registered",
          #"{"plan":"rules","title":"Rules of use","organisation":"town","form":"regulation"}"#
        ),
        ("request-rule.defined", #"{"plan":"rules","request":"access","days":10}"#),
        (
          "request.received",
          #"{"request":"r-1","person":"p-0007","kind":"access","on":"2015-06-01"}"#
        ),
        ("request.access-granted", #"{"request":"r-1","on":"2015-06-12"}"#),
      ])
  ]
}
