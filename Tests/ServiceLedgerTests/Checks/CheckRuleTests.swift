import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// A change to the clean ledger that breaks exactly one rule, and where the finding must point.
struct Breach: Sendable, CustomTestStringConvertible {
  var rule: CheckRule
  var file: String
  var line: Int
  /// What the message must say (the service or action, the point of the 18-point standard).
  var says: [String]
  var change: @Sendable (CheckFixture) -> CheckFixture
  /// Whether the clean ledger is given as the base (for `append-only`).
  var comparesWithBase = false

  var testDescription: String { rule.rawValue }
}

private let services = "services.jsonl"
private let strategy = "strategy.jsonl"

@Suite("ledger check: one small ledger per rule")
struct CheckRuleTests {
  static let breaches = standardBreaches + planBreaches + requestBreaches

  /// Every rule but the plan rules (`planBreaches`).
  static let standardBreaches: [Breach] = [
    Breach(
      rule: .malformed, file: services, line: 16, says: [],
      change: { $0.appending(services, "not json") }),
    Breach(
      rule: .tornLine, file: services, line: 16, says: ["cut off"],
      change: { fixture in
        var torn = fixture.appending(
          services,
          CheckFixture.line(
            301, "component.adopted",
            #"{"service":"visits","component":"payments","on":"2015-05-01"}"#))
        torn.torn.insert(services)
        return torn
      }),
    Breach(
      rule: .duplicateID, file: services, line: 16, says: [],
      change: {
        $0.appending(
          services,
          CheckFixture.line(
            0x101, "component.adopted",
            #"{"service":"visits","component":"payments","on":"2015-05-01"}"#))
      }),
    Breach(
      rule: .unknownReference, file: services, line: 16, says: ["nowhere"],
      change: {
        $0.appending(
          services,
          CheckFixture.line(
            302, "phase.entered", #"{"service":"nowhere","phase":"beta","on":"2015-05-01"}"#))
      }),
    Breach(
      rule: .personalData, file: services, line: 16, says: ["e-mail"],
      change: {
        $0.appending(
          services,
          CheckFixture.line(
            303, "component.adopted",
            #"{"service":"visits","component":"payments","on":"2015-05-01"}"#
          ).replacingOccurrences(of: #""by":"p-0001""#, with: #""by":"jane.smith@example.org""#))
      }),
    Breach(
      rule: .invalidValue, file: services, line: 16, says: ["gamma"],
      change: {
        $0.appending(
          services,
          CheckFixture.line(
            303, "phase.entered", #"{"service":"visits","phase":"gamma","on":"2015-05-01"}"#))
      }),
    Breach(
      rule: .timeOrder, file: services, line: 16, says: ["earlier than the line before"],
      change: {
        $0.appending(
          services,
          CheckFixture.line(
            304, "component.adopted",
            #"{"service":"visits","component":"payments","on":"2015-05-01"}"#,
            at: "2015-07-01T10:00:14Z"))
      }),
    Breach(
      rule: .appendOnly, file: services, line: 11,
      says: ["line 11 was changed since the base", "data.total was 250000, now 260000"],
      change: { fixture in
        let line = fixture.files[services]?[10] ?? ""
        return fixture.replacing(
          services, 11, with: line.replacingOccurrences(of: "250000", with: "260000"))
      }, comparesWithBase: true),
    Breach(
      rule: .backdated, file: "late.jsonl", line: 1,
      says: [
        "at 2015-07-01T11:00:00Z is not later than 2015-07-01T11:00:01Z",
        "the latest at in the base",
        "run `ledger restamp --base",
      ],
      change: {
        $0.appending(
          "late.jsonl",
          CheckFixture.line(
            501, "component.adopted",
            #"{"service":"visits","component":"notify","on":"2013-01-01"}"#,
            at: "2015-07-01T11:00:00Z"))
      }, comparesWithBase: true),
    Breach(
      rule: .serviceManager, file: services, line: 9,
      says: [
        "visits (Prison visits) has been live since 2015-02-01",
        "an exemplar of digital-2013", "point 3 of the 18-point Digital Service Standard",
        "`ledger record manager.appointed service=visits person=PERSON-ID on=YYYY-MM-DD "
          + "--file services.jsonl`",
      ],
      change: { $0.dropping(services, 3) }),
    Breach(
      rule: .assessment, file: services, line: 9,
      says: [
        "without a passed live assessment (no live assessment is recorded)",
        "the assessment against all points of the 18-point Digital Service Standard",
        "`ledger record assessment.recorded service=visits stage=live result=pass "
          + "on=YYYY-MM-DD assessor=gds --file services.jsonl`",
      ],
      change: { $0.dropping(services, 9) }),
    Breach(
      rule: .assistedDigital, file: services, line: 9,
      says: [
        "no assisted-digital provision in force", "point 14 of the 18-point",
        "`ledger record assisted-digital.provided service=visits routes=phone,face-to-face",
      ],
      change: { $0.dropping(services, 6) }),
    Breach(
      rule: .kpis, file: services, line: 10,
      says: [
        "cost per transaction (never), user satisfaction (never), completion rate (never) "
          + "for a period ending on or after 2015-03-31",
        "points 16 and 17 of the 18-point", "costPerTransaction=POUNDS",
      ],
      change: { $0.dropping(services, 12) }),
    Breach(
      rule: .govuk, file: services, line: 9,
      says: ["is not on GOV.UK", "point 13 of the 18-point", "govuk.transitioned service=visits"],
      change: { $0.dropping(services, 8) }),
    Breach(
      rule: .exemplarDeadline, file: services, line: 2,
      says: [
        "an exemplar of the strategy digital-2013 (Test digital strategy), was due live by "
          + "2015-03-31 and has been in beta since 2014-03-01, 183 days late",
        "meeting the 26-point Digital by Default Service Standard",
        "`ledger record phase.entered service=visits phase=live on=YYYY-MM-DD "
          + "--file services.jsonl`",
      ],
      change: { $0.dropping(services, 10) }),
    Breach(
      rule: .overdue, file: strategy, line: 2,
      says: [
        "action 1 of digital-2013",
        "has no progress recorded (due 2015-03-31, 183 days before 2015-09-30)",
        "`ledger record action.progressed strategy=digital-2013 action=1 status=done "
          + "on=YYYY-MM-DD --file strategy.jsonl`",
      ],
      change: { $0.dropping(strategy, 5) }),
    Breach(
      rule: .staleVolume, file: services, line: 17,
      says: [
        "fines (Court fines) is a priority service (high-volume: 500,000 transactions a year)",
        "ended 2014-03-31, more than 15 months before 2015-09-30", "point 17 of the 18-point",
      ],
      change: {
        $0.appending(
          services,
          CheckFixture.line(
            201, "service.registered",
            #"{"service":"fines","name":"Court fines","organisation":"HMCTS"}"#),
          CheckFixture.line(
            202, "volume.reported",
            #"{"service":"fines","from":"2013-04-01","to":"2014-03-31","total":500000}"#))
      }),
  ]

  @Test("the clean ledger passes every rule")
  func clean() throws {
    let report = try CheckFixture.clean().report(base: CheckFixture.clean())
    #expect(report.findings == [])
    #expect(report.rules == CheckRule.allCases)
  }

  @Test("each small ledger breaks exactly its rule, at the event concerned", arguments: breaches)
  func breach(_ breach: Breach) throws {
    let clean = try CheckFixture.clean()
    let report = try breach.change(clean).report(base: breach.comparesWithBase ? clean : nil)
    #expect(Set(report.findings.map(\.rule)) == [breach.rule.rawValue], "\(report.findings)")
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(finding.severity == breach.rule.severity)
    #expect(finding.file == breach.file)
    #expect(finding.line == breach.line)
    for text in breach.says { #expect(finding.message.contains(text), "\(finding.message)") }
  }

  @Test("one run reads on past bad lines and reports every one of them")
  func everyBadLine() throws {
    let fixture = try CheckFixture.clean().appending(
      services, "not json", "{\"id\": 1,",
      CheckFixture.line(
        0x101, "component.adopted",
        #"{"service":"visits","component":"payments","on":"2015-05-01"}"#),
      CheckFixture.line(
        305, "phase.entered", #"{"service":"visits","phase":"gamma","on":"2015-05-01"}"#))
    let report = try fixture.report()
    #expect(report.findings.map(\.line) == [16, 17, 18, 19])
    #expect(
      report.findings.map(\.rule) == ["malformed", "malformed", "duplicate-id", "invalid-value"])
    #expect(report.findings.prefix(2).allSatisfy { $0.column != nil })
  }

  /// Not-authorised, which needs roles.json, and the folder rules, which need FIFOs and links,
  /// have tests of their own.
  @Test("every rule has a breach above (but those that need more than lines)")
  func everyRuleCovered() {
    #expect(
      Set(Self.breaches.map(\.rule))
        == Set(CheckRule.allCases).subtracting([
          .notAuthorised, .notAFile, .ignoredFile, .staleJournal,
        ]))
  }

  @Test("a manager who left points the finding at the departure")
  func managerDeparted() throws {
    let fixture = try CheckFixture.clean().appending(
      services,
      CheckFixture.line(
        401, "manager.departed", #"{"service":"visits","person":"p-0042","on":"2015-05-01"}"#))
    let finding = try #require(try fixture.report().findings.first)
    #expect(finding.rule == "service-manager")
    #expect(finding.line == 16)
    #expect(finding.message.contains("since its last one departed"))
  }

  @Test("a withdrawn provision points the finding at the withdrawal")
  func assistedDigitalWithdrawn() throws {
    let fixture = try CheckFixture.clean().appending(
      services,
      CheckFixture.line(
        402, "assisted-digital.withdrawn", #"{"service":"visits","on":"2015-05-01"}"#))
    let finding = try #require(try fixture.report().findings.first)
    #expect(finding.rule == "assisted-digital")
    #expect(finding.line == 16)
    #expect(finding.message.contains("(it was withdrawn)"))
  }

  @Test("a failed assessment is named; KPIs are checked one by one")
  func details() throws {
    let failed = try CheckFixture.clean().dropping(services, 9).appending(
      services,
      CheckFixture.line(
        403, "assessment.recorded",
        #"{"service":"visits","stage":"live","on":"2015-01-20","result":"not-pass"}"#))
    let assessment = try #require(try failed.report().findings.first)
    #expect(assessment.message.contains("its live assessment on 2015-01-20 was not passed"))
    let costOnly = try CheckFixture.clean().replacing(
      services, 12,
      with: CheckFixture.line(
        0x112, "kpi.reported",
        #"{"service":"visits","from":"2015-04-01","to":"2015-06-30","costPerTransaction":4.5}"#,
        at: "2015-07-01T10:00:11Z"))
    let kpis = try #require(try costOnly.report().findings.first)
    #expect(
      kpis.message.contains(
        "has not reported user satisfaction (never), completion rate (never) for"))
    #expect(kpis.message.contains("userSatisfaction=RATE completionRate=RATE --file"))
    #expect(!kpis.message.contains("volume.reported"))
  }

  @Test("messages cite the standard in force: 26 points before 2015-06-01, then 18, then 14")
  func citations() {
    #expect(
      StandardCitation.point(.serviceManager, .inForce(on: date("2015-05-31"))).hasPrefix(
        "point 2 of the 26-point Digital by Default Service Standard"))
    #expect(
      StandardCitation.point(.serviceManager, .inForce(on: date("2015-06-01"))).hasPrefix(
        "point 3 of the 18-point Digital Service Standard"))
    #expect(StandardCitation.point(.assistedDigital, .digitalByDefault2014).hasPrefix("point 10 "))
    #expect(
      StandardCitation.point(.kpis, .digitalByDefault2014).hasPrefix("points 7 and 21 to 24 "))
    #expect(StandardCitation.point(.govuk, .digitalByDefault2014).hasPrefix("point 13 "))
    #expect(StandardCitation.point(.staleVolume, .digitalByDefault2014).hasPrefix("point 24 "))
    #expect(
      StandardCitation.point(.assistedDigital, .service2019).hasPrefix("point 5 of the 14-point"))
    #expect(StandardCitation.point(.govuk, .service2019).contains("without a GOV.UK point"))
  }

  @Test("--severity error leaves warnings out; --rule and --ignore select rules")
  func selection() throws {
    let overdue = try CheckFixture.clean().dropping(strategy, 5)
    #expect(
      try overdue.report(LedgerCheck(asOf: CheckFixture.asOf, minimumSeverity: .error)).findings
        == [])
    let twoRules = try CheckFixture.clean().dropping(services, 3).dropping(services, 7)
    let only = LedgerCheck(asOf: CheckFixture.asOf, rules: [.govuk])
    #expect(try twoRules.report(only).findings.map(\.rule) == ["govuk"])
    #expect(try CheckRule.selection(only: [], ignoring: ["govuk"]).contains(.govuk) == false)
    #expect(try CheckRule.selection(only: ["kpis", "govuk"], ignoring: ["govuk"]) == [.kpis])
    #expect(throws: UsageError.self) { try CheckRule.selection(only: ["gov-uk"], ignoring: []) }
  }

  @Test("before the exemplar's due date and the actions' due dates, nothing is late")
  func beforeDue() throws {
    let notLive = try CheckFixture.clean().dropping(services, 10).dropping(strategy, 5)
    let report = try notLive.report(LedgerCheck(asOf: date("2015-03-31")))
    #expect(!report.findings.contains { $0.rule == "exemplar-deadline" || $0.rule == "overdue" })
  }
}
