import Foundation
import Testing

@testable import ServiceLedger

/// `subject-request-sla` on a made-up request log (people as ids only) under the two rules of
/// Yakutsk's order 01-10/967, App. 2 §5.4 (access within 10 days) and §5.7 (a correction within
/// 3 days, with the subject notified).
@Suite("Subject request SLA")
struct SubjectRequestRuleTests {
  /// The findings as of `asOf` on the fixture, with only its first `lines` lines (all when
  /// nil), appended through `ledger append` as a user would.
  func findings(asOf: String, lines: Int? = nil) throws -> [Finding] {
    let path = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/plans/subject-request-sla.jsonl"
    var fixture = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    if let lines { fixture = Array(fixture.prefix(lines)) }
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let run = CLI.run(
      ["append"], ledger: ledger.path, input: fixture.joined(separator: "\n") + "\n")
    try #require(run.exitCode == 0, "\(run.stderr)")
    return try LedgerCheck(asOf: date(asOf), rules: [.subjectRequestSLA]).run(ledger.folder)
      .findings
  }

  @Test("access on day 10 is in time, on day 11 is late; a late notice breaks the 3-day rule")
  func lateSteps() throws {
    let found = try findings(asOf: "2024-03-22")
    // r-0001: granted on 2024-03-11, the 10th day: in time. r-0004: received 2024-03-20, its 3
    // days not yet over.
    #expect(found.map(\.severity) == [.error, .error, .error])
    #expect(found.allSatisfy { $0.rule == "subject-request-sla" })
    #expect(found[0].line == 7)
    #expect(
      found[0].message.contains(
        "request r-0002 (access by p-0002, received 2024-03-01): access-granted on 2024-03-12, "
          + "1 day after its deadline 2024-03-11; sgo-rules allows 10 days"))
    #expect(found[0].message.contains("не позднее 10 дней с момента обращения"))
    #expect(found[1].message.contains("request r-0003"))
    #expect(
      found[1].message.contains(
        "subject-notified on 2024-03-08, 1 day after its deadline 2024-03-07"))
    #expect(!found[1].message.contains("correction-made on"))
    #expect(
      found[2].message.contains(
        "request.correction-made for request r-0009, which was never received"))
  }

  @Test("a request left unanswered breaks the rule only once its days are over")
  func openRequest() throws {
    let before = try findings(asOf: "2024-03-23", lines: 12)
    #expect(!before.contains { $0.message.contains("r-0004") })
    let after = try findings(asOf: "2024-03-24", lines: 12)
    let open = after.filter { $0.message.contains("r-0004") }
    // Both steps are missing: the correction and the notice.
    #expect(open.count == 2)
    #expect(
      open.first?.message.contains(
        "no correction-made recorded by 2024-03-24; it was due 2024-03-23 (1 day ago)")
        == true)
    #expect(
      open.first?.message.contains("ledger record request.correction-made request=r-0004") == true)
  }

  @Test("without rules a request log has nothing to break, and steps after the date don't count")
  func rulesAndDates() throws {
    var factory = EventFactory()
    var requests = SubjectRequests(asOf: date("2024-03-31"))
    let received = RequestReceived(
      request: RequestID(unchecked: "r-1"), person: PersonID(unchecked: "p-1"), kind: .access,
      on: date("2024-03-01"))
    requests.apply(factory.make(.requestReceived(received)))
    #expect(requests.breaches.isEmpty)
    requests.apply(
      factory.make(
        .requestRuleDefined(
          RequestRuleDefined(plan: PlanID(unchecked: "p"), request: .access, days: 10))))
    #expect(requests.breaches.map(\.step) == [.accessGranted])
    #expect(requests.breaches.first?.due == date("2024-03-11"))
    // A rule for another plan does not apply to a request that names its plan.
    var named = received
    named.request = RequestID(unchecked: "r-2")
    named.plan = PlanID(unchecked: "other")
    requests.apply(factory.make(.requestReceived(named)))
    #expect(requests.breaches.count == 1)
  }

  @Test("a request names its subject by id: a name-shaped person is a personal-data warning")
  func personIsAnID() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let line =
      #"{"type":"request.received","data":{"request":"r-1","person":"ivan-petrov","kind":"access","on":"2024-03-01"}}"#
    let run = CLI.run(["append"], ledger: ledger.path, input: line + "\n")
    try #require(run.exitCode == 0, "\(run.stderr)")
    let found = try LedgerCheck(asOf: date("2024-03-02"), rules: [.personalData]).run(
      ledger.folder
    ).findings
    #expect(found.count == 1)
    #expect(found.first?.message.contains("data.person") == true)
  }
}
