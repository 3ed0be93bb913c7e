import Foundation
import Testing

@testable import ServiceLedger

/// `roles.json`: loading it, what each event needs, and enforcement on append.
@Suite("Who may write what (roles.json)")
struct RolesTests {
  static let roles = #"{"p-0042": ["moj-a"], "board": ["*"], "p-0007": []}"#

  /// A ledger with services moj-a and moj-b registered by the board, then `roles.json`.
  static func ledger() throws -> TemporaryLedger {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    for id in ["moj-a", "moj-b"] {
      let run = CLI.run(
        ["record", "service.registered", "service=\(id)", "name=\(id)", "organisation=OPG"],
        ledger: ledger.path, now: "2015-01-01T00:00:00Z",
        environment: ["LEDGER_ACTOR": "board", "LEDGER_SEED": ""])
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    try ledger.write("roles.json", roles)
    return ledger
  }

  static func record(_ ledger: TemporaryLedger, by actor: String, _ arguments: [String])
    -> CLIRun
  {
    // Random ids: every call of the in-process CLI has the same LEDGER_NOW.
    CLI.run(
      ["record"] + arguments + ["--by", actor], ledger: ledger.path,
      environment: ["LEDGER_SEED": ""])
  }

  @Test("roles.json is read into grants; no file means no restriction")
  func load() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let roles = try #require(try Roles.load(from: ledger.folder))
    #expect(roles.allows(ActorID(unchecked: "p-0042"), .service(service("moj-a"))))
    #expect(!roles.allows(ActorID(unchecked: "p-0042"), .service(service("moj-b"))))
    #expect(!roles.allows(ActorID(unchecked: "p-0042"), .everything))
    #expect(roles.allows(ActorID(unchecked: "board"), .everything))
    #expect(!roles.allows(ActorID(unchecked: "p-0007"), .service(service("moj-a"))))
    #expect(!roles.allows(ActorID(unchecked: "p-9"), .service(service("moj-a"))))
    let bare = try TemporaryLedger()
    defer { bare.remove() }
    #expect(try Roles.load(from: bare.folder) == nil)
  }

  @Test(
    "a bad roles.json is an error naming the file and what is wrong",
    arguments: [
      ("{\"p-1\": [\"a\"]", "roles.json:"),
      ("[\"p-1\"]", "must be an object from actor id"),
      (#"{"P 1": ["a"]}"#, "\"P 1\" is not an actor id"),
      (#"{"p-1": "a"}"#, "p-1: must be a list of service ids"),
      (#"{"p-1": [1]}"#, "p-1[0]: must be a string"),
      (#"{"p-1": ["Moj A"]}"#, "p-1[0]: \"Moj A\" is not a service id"),
    ])
  func invalid(text: String, fragment: String) throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    try ledger.write("roles.json", text)
    let error = #expect(throws: LedgerError.self) { try Roles.load(from: ledger.folder) }
    #expect(error?.description.hasPrefix(ledger.path + "/roles.json") == true)
    #expect(error?.description.contains(fragment) == true, "\(String(describing: error))")
    let before = ledger.bytes("ledger.jsonl")
    let run = Self.record(
      ledger, by: "board", ["phase.entered", "service=moj-a", "phase=beta", "on=2014-01-01"])
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("roles.json"))
    #expect(ledger.bytes("ledger.jsonl") == before)
  }

  @Test("what each kind of event needs")
  func scopes() {
    var factory = EventFactory()
    let phase = factory.make(
      .phaseEntered(PhaseEntered(service: service("moj-a"), phase: .beta, on: date("2014-01-01"))))
    let barrier = factory.make(
      .barrierRemoved(BarrierRemoved(barrier: BarrierID(unchecked: "b"), on: date("2014-01-01"))))
    let retractPhase = Event.eventRetracted(EventRetracted(event: phase.id, reason: "wrong"))
    let retractUnknown = Event.eventRetracted(
      EventRetracted(event: EventID(unchecked: "00000000-0000-4000-8000-00000000ffff"), reason: "x")
    )
    let lookup: (EventID) -> Event? = { $0 == phase.id ? phase.event : nil }
    #expect(Authorisation.scope(of: phase.event, lookup: lookup) == .service(service("moj-a")))
    #expect(Authorisation.scope(of: barrier.event, lookup: lookup) == .everything)
    #expect(Authorisation.scope(of: retractPhase, lookup: lookup) == .service(service("moj-a")))
    #expect(Authorisation.scope(of: retractUnknown, lookup: lookup) == .everything)
  }

  @Test("append enforces roles.json: refused with a clear message and nothing written")
  func enforcement() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let allowed = Self.record(
      ledger, by: "p-0042", ["phase.entered", "service=moj-a", "phase=beta", "on=2014-01-01"])
    #expect(allowed.exitCode == 0, "\(allowed.stderr)")
    let before = ledger.bytes("ledger.jsonl")

    let other = Self.record(
      ledger, by: "p-0042", ["phase.entered", "service=moj-b", "phase=beta", "on=2014-01-01"])
    #expect(other.exitCode == 1)
    #expect(
      other.stderr.contains(
        "p-0042 may not record phase.entered about moj-b: roles.json gives p-0042: moj-a"),
      "\(other.stderr)")
    #expect(other.stderr.contains("nothing was written"))

    let strategy = Self.record(
      ledger, by: "p-0042",
      ["costs.set", "on=2014-01-01", "source=Digital Efficiency Report", "digital=0.15"])
    #expect(strategy.stderr.contains("may not record costs.set, which needs \"*\""))
    let stranger = Self.record(
      ledger, by: "p-9", ["phase.entered", "service=moj-a", "phase=beta", "on=2014-01-01"])
    #expect(stranger.stderr.contains("p-9 is not in roles.json"))
    let empty = Self.record(
      ledger, by: "p-0007", ["phase.entered", "service=moj-a", "phase=beta", "on=2014-01-01"])
    #expect(empty.stderr.contains("roles.json gives p-0007: nothing"))
    let batch = [
      #"{"type":"phase.entered","data":{"service":"moj-a","phase":"live","on":"2014-06-01"}}"#,
      #"{"type":"phase.entered","data":{"service":"moj-b","phase":"live","on":"2014-06-01"}}"#,
    ].joined(separator: "\n")
    let append = CLI.run(
      ["append", "--by", "p-0042"], ledger: ledger.path, input: batch,
      environment: ["LEDGER_SEED": ""])
    #expect(append.exitCode == 1)
    #expect(append.stderr.contains("stdin:2: p-0042 may not record phase.entered about moj-b"))
    #expect(ledger.bytes("ledger.jsonl") == before)

    let board = Self.record(
      ledger, by: "board", ["phase.entered", "service=moj-b", "phase=beta", "on=2014-01-01"])
    #expect(board.exitCode == 0, "\(board.stderr)")
  }

  @Test("a retraction needs what the retracted event needed")
  func retraction() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    let events = try ledger.folder.readValid().events
    let aID = try #require(events.first { $0.event.service == service("moj-a") }?.id)
    let bID = try #require(events.first { $0.event.service == service("moj-b") }?.id)
    let ownRetraction = Self.record(
      ledger, by: "p-0042", ["event.retracted", "event=\(aID)", "reason=typo"])
    #expect(ownRetraction.exitCode == 0, "\(ownRetraction.stderr)")
    let other = Self.record(ledger, by: "p-0042", ["event.retracted", "event=\(bID)", "reason=x"])
    #expect(other.stderr.contains("may not record event.retracted about moj-b"))
  }

  @Test(
    "under roles.json an append is checked against the cache; a retraction of a report the cache dropped is looked up in the log"
  )
  func retractionOfCompactedReport() throws {
    let ledger = try Self.ledger()
    defer { ledger.remove() }
    // Twelve years of monthly reports: the cache keeps only those the annual volume uses.
    var months: [String] = []
    for month in 0..<144 {
      let from = try #require(CivilDate(year: 2003 + month / 12, month: month % 12 + 1, day: 1))
      let to: CivilDate = from.adding(months: 1).adding(days: -1)
      let data: String = "\"service\":\"moj-a\",\"from\":\"\(from)\",\"to\":\"\(to)\",\"total\":10"
      months.append("{\"type\":\"volume.reported\",\"data\":{" + data + "}}")
    }
    let append = CLI.run(
      ["append", "--by", "p-0042"], ledger: ledger.path, input: months.joined(separator: "\n"),
      environment: ["LEDGER_SEED": ""])
    #expect(append.exitCode == 0, "\(append.stderr)")
    // A full replay rebuilds the cache, compacted (appends only add to it).
    ReplayCache.remove(from: ledger.folder)
    #expect(CLI.run(["priorities", "--as-of", "2015-01-01"], ledger: ledger.path).exitCode == 0)
    let reports = try ledger.folder.readValid().events.filter { $0.type == .volumeReported }
    let first = try #require(reports.first?.id)
    let cache = try #require(ReplayCache.current(ledger.folder)?.cache)
    #expect(cache.compacted.contains { $0.id == first } == false, "the cache dropped it")

    let refused = Self.record(
      ledger, by: "p-0007", ["event.retracted", "event=\(first)", "reason=x"])
    #expect(refused.exitCode == 1)
    #expect(
      refused.stderr.contains("p-0007 may not record event.retracted about moj-a"),
      "\(refused.stderr)")
    let allowed = Self.record(
      ledger, by: "p-0042", ["event.retracted", "event=\(first)", "reason=restated"])
    #expect(allowed.exitCode == 0, "\(allowed.stderr)")
    let after = Self.record(
      ledger, by: "p-0042", ["phase.entered", "service=moj-a", "phase=beta", "on=2015-01-01"])
    #expect(after.exitCode == 0, "\(after.stderr)")
    #expect(ReplayCache.current(ledger.folder) != nil, "the appends left a current cache")
  }

  @Test("not-authorised flags only new lines whose actor was not allowed")
  func notAuthorisedRule() throws {
    var factory = EventFactory()
    let register = factory.make(
      .serviceRegistered(
        ServiceRegistered(service: service("moj-a"), name: "A", organisation: "OPG")),
      by: "p-0042")
    let allowed = factory.make(
      .phaseEntered(PhaseEntered(service: service("moj-a"), phase: .beta, on: date("2014-01-01"))),
      by: "p-0042")
    let costs = factory.make(
      .costsSet(CostsSet(on: date("2014-01-01"), source: "DER")), by: "p-0042")
    let text = [register, allowed, costs].map { $0.line + "\n" }.joined()
    let current = try TemporaryLedger(files: ["ledger.jsonl": text])
    defer { current.remove() }
    let base = try TemporaryLedger(files: ["ledger.jsonl": register.line + "\n"])
    defer { base.remove() }
    let roles = try Roles(json: JSONParser.parse(Self.roles), path: "roles.json")
    let findings = NotAuthorisedRule.findings(
      try current.folder.read(), base: try base.folder.read(), roles: roles)
    #expect(findings.count == 1)
    #expect(findings.first?.rule == "not-authorised")
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.line == 3)
    #expect(findings.first?.message.hasPrefix("p-0042 may not record costs.set") == true)
    #expect(
      NotAuthorisedRule.findings(try current.folder.read(), base: Ledger(), roles: nil).isEmpty)
  }
}
