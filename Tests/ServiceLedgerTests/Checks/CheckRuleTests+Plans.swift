@testable import ServiceLedger

extension CheckRuleTests {
  /// A plan file, `plans.jsonl`, added to the clean ledger: each breaks one plan rule.
  static let plans = "plans.jsonl"

  /// The lines of `events` (type and data), ids from 0x1000 up.
  static func planLines(_ events: [(String, String)]) -> [String] {
    events.enumerated().map { index, event in
      CheckFixture.line(0x1000 + index, event.0, event.1)
    }
  }

  static let town = (
    "organisation.registered", #"{"organisation":"town","name":"Town","kind":"municipality"}"#
  )
  static let plan = (
    "plan.registered",
    #"{"plan":"p","title":"Action plan","organisation":"town","form":"action-plan","framework":"ogp-local"}"#
  )

  static func item(_ id: String, due: String? = nil) -> (String, String) {
    (
      "item.defined",
      #"{"plan":"p","item":"\#(id)","kind":"commitment","title":"C \#(id)""#
        + (due.map { #","due":"\#($0)""# } ?? "") + "}"
    )
  }

  static func breach(
    _ rule: CheckRule, line: Int, says: [String], _ events: [(String, String)]
  ) -> Breach {
    let lines = planLines(events)
    return Breach(
      rule: rule, file: plans, line: line, says: says,
      change: { fixture in
        var copy = fixture
        copy.files[plans] = lines
        return copy
      })
  }

  static let planBreaches: [Breach] = [
    breach(
      .trackedCap, line: 2, says: ["tracks 6 items formally"],
      [town, plan] + (1...6).map { item(String($0)) }
        + (1...6).map { ("item.tracked", #"{"plan":"p","item":"\#($0)"}"#) }),
    breach(
      .declaredVsListed, line: 3, says: ["declares 3 commitment items; 1 recorded, 2 missing"],
      [
        town, plan, ("count.declared", #"{"plan":"p","of":"commitment","count":3}"#), item("1"),
      ]),
    breach(
      .planOutlivesMandate, line: 3, says: ["ended by dissolution on 2015-03-31"],
      [
        town,
        (
          "body.formed",
          #"{"body":"council","organisation":"town","name":"Council","kind":"council"}"#
        ),
        (
          "plan.registered",
          #"{"plan":"p","title":"Action plan","organisation":"town","form":"action-plan","governedBy":"council","to":"2016-12-31"}"#
        ),
        ("plan.status-changed", #"{"plan":"p","status":"endorsed","on":"2014-01-31"}"#),
        ("body.mandate-ended", #"{"body":"council","cause":"dissolution","on":"2015-03-31"}"#),
      ]),
    breach(
      .deadlineBeforeApproval, line: 4, says: ["is due 2014-12-31", "approved on 2015-01-31"],
      [
        town, plan, ("plan.status-changed", #"{"plan":"p","status":"approved","on":"2015-01-31"}"#),
        item("1", due: "2014-12-31"), item("2", due: "2015-12-31"),
      ]),
    breach(
      .parity, line: 2, says: ["2 sit for government and 0 for civil society"],
      [
        town,
        (
          "body.formed",
          #"{"body":"committee","organisation":"town","name":"Committee","kind":"steering-committee","composition":"parity","members":2}"#
        ),
        ("body.member-joined", #"{"body":"committee","member":"agency A","sector":"government"}"#),
        ("body.member-joined", #"{"body":"committee","member":"agency B","sector":"government"}"#),
      ]),
    breach(
      .assessmentsDiverge, line: 3, says: ["government says done", "external says on-track"],
      [
        town, plan, item("1"),
        (
          "item.assessed",
          #"{"plan":"p","item":"1","perspective":"government","verdict":"done","on":"2015-06-30"}"#
        ),
        (
          "item.assessed",
          #"{"plan":"p","item":"1","perspective":"external","verdict":"on-track","on":"2015-07-31"}"#
        ),
      ]),
  ]
}
