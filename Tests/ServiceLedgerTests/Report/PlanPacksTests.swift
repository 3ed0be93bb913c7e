import Foundation
import Testing

@testable import ServiceLedger

/// The three plan packs built from their documents (plans/kl-municipal, plans/to-hieu-school,
/// plans/yakutsk-network-city) answer the questions their readers ask.
@Suite("Plan packs")
struct PlanPacksTests {
  func json(_ arguments: [String], pack: String) throws -> [String: Any] {
    let run = CLI.run(arguments + ["--format", "json"], ledger: packageRoot + "/plans/" + pack)
    try #require(run.exitCode == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  @Test("KL: 64 documents, forms per municipality, 11 without a period, 7 on a local computer")
  func klRegistry() throws {
    let registry = try json(
      ["registry", "--under", "kl", "--as-of", "2021-06-30"], pack: "kl-municipal")
    #expect(registry["documents"] as? Int == 64)
    let forms = try #require(registry["organisationsByForm"] as? [String: Int])
    #expect(forms["strategy"] == 29)
    #expect(forms["principles"] == 9)
    #expect(forms["none"] == 1)  // Solrød, named in the text
    #expect(forms.values.reduce(0, +) == 65)
    let withoutPeriod = try #require(registry["withoutPeriod"] as? [String: Any])
    #expect(withoutPeriod["count"] as? Int == 11)
    let links = try #require(registry["linkStatus"] as? [String: Int])
    #expect(links == ["public": 38, "local-file": 7, "none": 19])
    let validity = try #require(registry["validity"] as? [String: Int])
    #expect(validity["open-ended"] == 5)  // Fra 2017, 2018-, Fra 2018, Fra 2020, Godkendt 2019
    #expect(validity["unknown"] == 11)
    // Names keep their Danish letters, in NFC.
    let plans = try #require(registry["plans"] as? [[String: Any]])
    let names = plans.compactMap { ($0["organisation"] as? [String: Any])?["name"] as? String }
    #expect(names.contains("Ringkøbing-Skjern"))
    #expect(names.allSatisfy { $0 == $0.precomposedStringWithCanonicalMapping })
  }

  @Test("KL: in force, expired and open-ended move with the date")
  func klValidity() throws {
    let early = try json(
      ["registry", "--under", "kl", "--as-of", "2016-06-30"], pack: "kl-municipal")
    let late = try json(
      ["registry", "--under", "kl", "--as-of", "2026-01-01"], pack: "kl-municipal")
    let before = try #require(early["validity"] as? [String: Int])
    let after = try #require(late["validity"] as? [String: Int])
    #expect(before["expired"] == nil)
    #expect((before["not-yet"] ?? 0) > 0)
    // By 2026 only periods that run past 2025 and open-ended documents are still in force:
    // Hørsholm 2020-2032, Jammerbugt 2019-2030, Sønderborg 2019-2031.
    #expect(after["in-force"] == 3)
    #expect(after["open-ended"] == 5)
  }

  @Test("KL: ledger check finds the 35 strategies the text declares against the 29 listed")
  func klCheck() throws {
    let folder = LedgerFolder(path: packageRoot + "/plans/kl-municipal")
    let report = try LedgerCheck(asOf: date("2021-06-30")).run(folder)
    #expect(report.findings.map(\.rule) == ["declared-vs-listed", "declared-vs-listed"])
    #expect(
      report.findings.first?.message.contains(
        "declares 35 plans of form strategy; 29 recorded, 6 missing") == true)
    #expect(
      report.findings.last?.message.contains(
        "plan dragoer-strategy declares 7 theme items; 1 recorded") == true)
  }

  @Test("Tô Hiệu: the targets with their deadlines and the 2030 horizon; the cascade of plans")
  func toHieuTargets() throws {
    let view = try json(
      ["plan", "to-hieu-19-kh-th", "--as-of", "2022-12-31"], pack: "to-hieu-school")
    let items = try #require(view["items"] as? [[String: Any]])
    let targets = items.filter { $0["target"] is [String: Any] }
    #expect(targets.map { $0["item"] as? String } == ["I.2.2.b.2", "I.2.2.c.1", "I.2.2.d.2"])
    for target in targets {
      let set = try #require(target["target"] as? [String: Any])
      #expect(set["deadline"] as? String == "2025-12-31")
      #expect(set["horizon"] as? String == "2030-12-31")
    }
    #expect(items.filter { $0["kind"] as? String == "target" }.count == 7)
    let plans = try json(["plans", "--as-of", "2022-12-31"], pack: "to-hieu-school")
    let list = try #require(plans["plans"] as? [[String: Any]])
    #expect(
      list.compactMap { $0["number"] as? String }.sorted() == [
        "19/KH-TH", "211/KH-UBND", "546/PGD&ĐT",
      ])
  }

  @Test("Yakutsk: 12 deadlines before the order's date; executors and overseers by post")
  func yakutsk() throws {
    let folder = LedgerFolder(path: packageRoot + "/plans/yakutsk-network-city")
    let report = try LedgerCheck(asOf: date("2011-12-31")).run(folder)
    #expect(report.findings.count == 12)
    #expect(report.findings.allSatisfy { $0.rule == "deadline-before-approval" })
    let view = try json(
      ["plan", "yakutsk-order-01-10-967", "--as-of", "2011-12-31"], pack: "yakutsk-network-city")
    let items = try #require(view["items"] as? [[String: Any]])
    let kinds = Set(items.compactMap { $0["dueKind"] as? String })
    #expect(
      kinds.isSuperset(of: [
        "date", "range", "recurring", "per-period", "triggered", "as-needed", "by-reference",
      ]))
    let row9 = try #require(items.first { $0["item"] as? String == "A3.9" })
    let roles = try #require(row9["responsible"] as? [[String: Any]])
    #expect(roles.map { $0["role"] as? String } == ["executor", "overseer", "overseer"])
  }

  @Test("Yakutsk: ledger duties lists each task by executor and overseer with its deadline kind")
  func yakutskDuties() throws {
    let duties = try json(
      ["duties", "yakutsk-order-01-10-967", "--as-of", "2011-12-31"], pack: "yakutsk-network-city")
    let kinds = try #require(duties["byDeadlineKind"] as? [String: Int])
    #expect(
      Set(kinds.keys).isSuperset(of: [
        "date", "range", "recurring", "triggered", "as-needed", "by-reference",
      ]))
    let rows = try #require(duties["duties"] as? [[String: Any]])
    let overseers = rows.filter { $0["role"] as? String == "overseer" }
    #expect(rows.first?["role"] as? String == "executor")
    #expect(
      overseers.contains { $0["post"] as? String == "главный специалист Управления образования" })
    let accountant = overseers.filter {
      ($0["party"] as? [String: Any])?["id"] as? String == "yakutsk-central-accounting"
    }
    #expect(accountant.map { $0["item"] as? String } == ["A3.9"])
    let only = try json(
      ["duties", "yakutsk-order-01-10-967", "--role", "overseer", "--as-of", "2011-12-31"],
      pack: "yakutsk-network-city")
    #expect((only["duties"] as? [[String: Any]])?.count == overseers.count)
    let bad = CLI.run(
      ["duties", "yakutsk-order-01-10-967", "--role", "boss"],
      ledger: packageRoot + "/plans/yakutsk-network-city")
    #expect(bad.exitCode == 64)
    #expect(bad.stderr.contains("--role boss is not a role"))
  }

  @Test("validity: a period's ends, an approval with no period, and an ending status")
  func validity() throws {
    var factory = EventFactory()
    var registry = PlanRegistry(asOf: date("2021-06-30"))
    func apply(_ event: Event) { registry.apply(factory.make(event)) }
    apply(
      .organisationRegistered(
        OrganisationRegistered(
          organisation: OrganisationID(unchecked: "m"), name: "M", kind: .municipality)))
    func plan(_ id: String, from: String? = nil, to: String? = nil) {
      apply(
        .planRegistered(
          PlanRegistered(
            plan: PlanID(unchecked: id), title: id, organisation: OrganisationID(unchecked: "m"),
            form: .strategy, from: from.map(date), to: to.map(date))))
    }
    plan("closed", from: "2019-01-01", to: "2021-12-31")
    plan("later", from: "2022-01-01", to: "2025-12-31")
    plan("until", to: "2020-12-31")
    plan("approved")
    apply(
      .planStatusChanged(
        PlanStatusChanged(
          plan: PlanID(unchecked: "approved"), status: .approved, on: date("2019-12-31"))))
    plan("superseded", from: "2018-01-01")
    apply(
      .planStatusChanged(
        PlanStatusChanged(
          plan: PlanID(unchecked: "superseded"), status: .superseded, on: date("2021-01-31"))))
    plan("nothing")
    let found = Dictionary(
      uniqueKeysWithValues: registry.allPlans.map {
        ($0.registration.plan.rawValue, PlanValidity($0, at: registry.asOf))
      })
    #expect(
      found == [
        "closed": .inForce, "later": .notYet, "until": .expired, "approved": .openEnded,
        "superseded": .expired, "nothing": .unknown,
      ])
  }

  @Test("Tô Hiệu: fee payment moves from cash to bank QR and the SISAP code; level 3 by 2025")
  func toHieuServiceLevels() throws {
    let levels = try json(["service-levels", "--as-of", "2022-12-31"], pack: "to-hieu-school")
    let services = try #require(levels["services"] as? [[String: Any]])
    let fees = try #require(services.first { $0["service"] as? String == "to-hieu-fee-payment" })
    let channels = try #require(fees["channels"] as? [[String: Any]])
    let delivery = channels.filter { $0["purpose"] as? String == "delivery" }
    #expect(delivery.map { $0["channel"] as? String } == ["cash", "bank-qr", "sisap-code"])
    #expect(delivery.map { $0["status"] as? String } == ["phasing-out", "in-use", "in-use"])
    #expect(delivery[1]["partners"] as? [String] == ["bidv", "vbc"])
    #expect(fees["target"] is NSNull)
    let portal = try #require(
      services.first { $0["service"] as? String == "to-hieu-public-services" })
    let target = try #require(portal["target"] as? [String: Any])
    #expect(target["level"] as? Int == 3)
    #expect(target["due"] as? String == "2025-12-31")
    #expect(target["asPrinted"] as? String == "mức độ 3, 4")
    // Before any event is in force nothing is shown; the view says so.
    let empty = CLI.run(
      ["service-levels", "--ledger", packageRoot + "/plans/ogp-local", "--as-of", "2022-12-31"])
    #expect(empty.stdout.contains("no service has a channel or a maturity level recorded"))
  }
}
