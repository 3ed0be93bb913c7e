import Foundation
import Testing

@testable import ServiceLedger

@Suite("Service managers")
struct ManagerRosterTests {
  static func roster(_ ledger: FixtureLedger, _ asOf: String) -> ManagerRoster {
    let timeline = ledger.timeline(asOf)
    return ManagerRoster(
      asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
  }

  static var ledger: FixtureLedger {
    var ledger = FixtureLedger()
    for id in ["big", "exemplar", "small", "other"] { ledger.register(id) }
    ledger.designate("exemplar")
    ledger.year("big", ending: 2013, total: 200_000)
    ledger.year("small", ending: 2013, total: 2_000)
    ledger.appoint("exemplar", "p-1", on: "2013-01-01")
    ledger.appoint("small", "p-1", on: "2013-01-01")
    ledger.appoint("other", "p-1", on: "2013-01-01")
    ledger.appoint("other", "p-2", on: "2013-01-01")
    ledger.depart("exemplar", "p-1", on: "2014-01-01")
    return ledger
  }

  @Test("priority services without a manager, and people holding several services")
  func roster() {
    let before = Self.roster(Self.ledger, "2013-12-31")
    #expect(before.priorityWithoutManager.map(\.service.id.rawValue) == ["big"])
    #expect(before.holdingSeveral.map(\.person.rawValue) == ["p-1"])
    #expect(
      before.holdingSeveral.first?.services.map(\.rawValue) == ["exemplar", "other", "small"])
    let after = Self.roster(Self.ledger, "2014-03-31")
    #expect(after.priorityWithoutManager.map(\.service.id.rawValue) == ["exemplar", "big"])
    #expect(after.holders.map(\.services.count) == [2, 1])
  }

  @Test("names come from people.json, ids otherwise; the JSON gives both")
  func names() throws {
    let people = PeopleFile(names: [PersonID(unchecked: "p-1"): "A. Person"])
    let output = ManagersView.output(Self.roster(Self.ledger, "2014-03-31"), people: people)
    #expect(output.table.rows.last == [.text("other"), .text("no-data"), .text("A. Person, p-2")])
    let json = output.json.serialized()
    #expect(json.contains(#"{"person":"p-1","name":"A. Person"},{"person":"p-2","name":null}"#))
    #expect(json.contains(#""priorityWithoutManager":["exemplar","big"]"#))
    #expect(output.notes.contains("A. Person manages 2 services: other, small."))
  }

  @Test("people.json: missing means ids; a bad one is an error naming the file")
  func peopleFile() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(try PeopleFile.read(from: ledger.folder) == PeopleFile())
    try ledger.write("people.json", #"{"p-0042": "A. Person"}"#)
    #expect(
      try PeopleFile.read(from: ledger.folder).display(PersonID(unchecked: "p-0042")) == "A. Person"
    )
    for bad in [#"{"p-0042": 7}"#, #"["p-0042"]"#, #"{"P 42": "x"}"#, "{", ""] {
      try ledger.write("people.json", bad)
      #expect {
        try PeopleFile.read(from: ledger.folder)
      } throws: { error in
        "\(error)".hasPrefix(ledger.path + "/people.json: ")
      }
    }
    let run = CLI.run(["managers"], ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("people.json"))
    #expect(run.stdout.isEmpty)
  }
}
