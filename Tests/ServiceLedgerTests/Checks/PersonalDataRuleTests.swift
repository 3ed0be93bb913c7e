import Foundation
import Testing

@testable import ServiceLedger

/// `personal-data`: warnings for e-mail addresses and names where the log should hold ids.
@Suite("Personal data rule")
struct PersonalDataRuleTests {
  static func ledger(_ events: [RecordedEvent]) throws -> Ledger {
    let text = events.map { $0.line + "\n" }.joined()
    return Ledger(
      files: ["ledger.jsonl": LogFileReader().read(Array(text.utf8), name: "ledger.jsonl")])
  }

  @Test("e-mail addresses and names are warned about, masked; ids and service text are not")
  func findings() throws {
    var factory = EventFactory()
    let register = factory.make(
      .serviceRegistered(
        ServiceRegistered(
          service: service("moj-a"), name: "Book a visit", organisation: "NOMS",
          description: "Contact Dr. Jones or the team at help@justice.gov.uk")),
      by: "jane.doe@justice.gov.uk")
    let manager = factory.make(
      .managerAppointed(
        ManagerAppointed(
          service: service("moj-a"), person: PersonID(unchecked: "jane-smith"),
          on: date("2014-01-01"))),
      by: "jane.smith")
    let fine = factory.make(
      .managerAppointed(
        ManagerAppointed(
          service: service("moj-a"), person: PersonID(unchecked: "p-0042"),
          on: date("2014-01-01"))),
      by: "moj-digital")
    let provider = factory.make(
      .assistedDigitalProvided(
        AssistedDigitalProvided(
          service: service("moj-a"), on: date("2014-01-01"), routes: [.phone],
          provider: "Visitor centre", note: "Run by Alex Example on Tuesdays")),
      by: "board")
    let ledger = try Self.ledger([register, manager, fine, provider])
    #expect(ledger.problems.isEmpty, "\(ledger.problems)")
    let findings = PersonalDataRule.findings(ledger, names: ["Alex Example"])
    let summary = findings.map { "\($0.line ?? 0) \($0.message.prefix(while: { $0 != " " }))" }
    #expect(summary == ["1 by", "1 data.description", "2 by", "2 data.person", "4 data.note"])
    #expect(findings.allSatisfy { $0.rule == "personal-data" && $0.severity == .warning })
    let text = findings.map(\.message).joined(separator: "\n")
    #expect(text.contains("by holds what looks like an e-mail address (j….d…@j….g….u…)"))
    #expect(!text.contains("jane") && !text.contains("justice") && !text.contains("Alex"))
    #expect(text.contains("people.json"))
  }

  @Test("a title and a surname in free text is a name; a title alone is not")
  func titles() {
    #expect(PersonalText.name(in: "Ask Mrs Smith", known: []) == "Mrs Smith")
    #expect(PersonalText.name(in: "Dr. Jones agreed", known: []) == "Dr. Jones")
    #expect(PersonalText.name(in: "Drive to the Mr centre", known: []) == nil)
    #expect(PersonalText.emailAddress(in: "see https://www.gov.uk/x") == nil)
    #expect(PersonalText.emailAddress(in: "a@b") == nil)
    #expect(PersonalText.isDottedName("jane.smith"))
    #expect(!PersonalText.isDottedName("moj-digital") && !PersonalText.isDottedName("p-0042"))
  }

  @Test("the shipped MoJ ledger has no personal-data findings")
  func shippedLedger() throws {
    let ledger = try LedgerFolder(path: packageRoot + "/events").read()
    #expect(ledger.events.count > 100)
    #expect(PersonalDataRule.findings(ledger).isEmpty)
  }

  @Test("display names come from people.json; a bad file is an error naming it")
  func people() throws {
    let folder = try TemporaryLedger(files: ["people.json": #"{"p-0042": "A. Person"}"#])
    defer { folder.remove() }
    #expect(try PersonalDataRule.displayNames(in: folder.folder) == ["A. Person"])
    try folder.write("people.json", #"{"p-0042": 42}"#)
    let error = #expect(throws: LedgerError.self) {
      try PersonalDataRule.displayNames(in: folder.folder)
    }
    #expect(error?.description.hasPrefix(folder.path + "/people.json: p-0042") == true)
    try folder.write("people.json", "nope")
    #expect(throws: LedgerError.self) { try PersonalDataRule.displayNames(in: folder.folder) }
    let bare = try TemporaryLedger()
    defer { bare.remove() }
    #expect(try PersonalDataRule.displayNames(in: bare.folder).isEmpty)
  }
}
