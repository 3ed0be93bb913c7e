import Foundation
import Testing

@testable import ServiceLedger

@Suite("Reading and appending the log")
struct LedgerStoreTests {
  static let registration =
    #"{"type":"service.registered","data":{"service":"moj-prison-visit-booking","name":"Bookings for prison visits","organisation":"NOMS"}}"#

  @Test("record appends one line and log shows it")
  func recordAndLog() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let recorded = CLI.run(
      [
        "record", "service.registered", "service=moj-prison-visit-booking", "name=Prison visits",
        "organisation=NOMS",
      ],
      ledger: ledger.path)
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    #expect(recorded.stdout.contains("ledger.jsonl:1"))
    let lines = ledger.text("ledger.jsonl").split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines[0].hasPrefix(#"{"id":""#))
    #expect(
      lines[0].contains(#""at":"2015-04-01T09:00:00Z","by":"p-0001","type":"service.registered""#))
    let log = CLI.run(["log"], ledger: ledger.path)
    #expect(log.stdout.contains("service.registered  moj-prison-visit-booking"))
  }

  @Test("a batch with one bad line writes nothing: the files keep every byte")
  func batchAtomicity() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(CLI.run(["append"], ledger: ledger.path, input: Self.registration + "\n").exitCode == 0)
    let before = ledger.bytes("ledger.jsonl")
    let batch = [
      #"{"type":"phase.entered","data":{"service":"moj-prison-visit-booking","phase":"beta","on":"2014-03-01"}}"#,
      #"{"type":"phase.entered","data":{"service":"moj-prison-visit-booking","phase":"betta","on":"2014-03-01"}}"#,
    ].joined(separator: "\n")
    let run = CLI.run(["append"], ledger: ledger.path, now: "2015-04-02T09:00:00Z", input: batch)
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("stdin:2: data.phase: \"betta\" is not a phase"))
    #expect(run.stderr.contains("nothing was written"))
    #expect(ledger.bytes("ledger.jsonl") == before)
  }

  @Test("a refused event of a one-event input names its input line, as a malformed line does")
  func oneEventInputLine() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(CLI.run(["append"], ledger: ledger.path, input: Self.registration + "\n").exitCode == 0)
    // Each run its own ids (LEDGER_SEED), so that only the rule under test refuses the event.
    func run(_ arguments: [String], seed: Int, input: String = "") -> CLIRun {
      CLI.run(arguments, ledger: ledger.path, input: input, environment: ["LEDGER_SEED": "\(seed)"])
    }
    // By the reference rules, by the time rules and after blank lines: each names its line.
    let again = run(["append"], seed: 11, input: Self.registration + "\n")
    #expect(again.stderr.contains("stdin:1: data.service: service moj-prison-visit-booking"))
    let late = run(
      ["append"], seed: 12,
      input:
        #"{"at":"2001-01-01T00:00:00Z","type":"service.registered","data":{"service":"x","name":"X","organisation":"X"}}"#
        + "\n")
    #expect(late.stderr.contains("stdin:1: at 2001-01-01T00:00:00Z is not later than"))
    let unknown =
      #"{"type":"phase.entered","data":{"service":"no-such-service","phase":"beta","on":"2014-03-01"}}"#
    let blanks = run(["append"], seed: 13, input: "\n\n" + unknown + "\n")
    #expect(blanks.stderr.contains("stdin:3: data.service: service no-such-service"))
    // `record` reads no input lines: its refusals name none.
    let record = run(
      ["record", "phase.entered", "service=no-such-service", "phase=beta", "on=2014-03-01"],
      seed: 14)
    #expect(record.stderr.hasPrefix("ledger record: error: data.service:"), "\(record.stderr)")
  }

  @Test("a batch across files is all or nothing too")
  func multiFileAtomicity() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    var factory = EventFactory()
    let good = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    let bad = factory.make(
      .phaseEntered(PhaseEntered(service: service("nope"), phase: .beta, on: date("2014-01-01"))))
    let writer = LedgerWriter(folder: ledger.folder)
    #expect(throws: LedgerError.self) {
      try writer.append([("opg.jsonl", [good]), ("hmcts.jsonl", [bad])], source: "test")
    }
    #expect(ledger.bytes("opg.jsonl").isEmpty)
    #expect(ledger.bytes("hmcts.jsonl").isEmpty)
  }

  @Test("a torn last line is reported, not dropped, and blocks appends until repaired")
  func tornLine() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(CLI.run(["append"], ledger: ledger.path, input: Self.registration).exitCode == 0)
    let valid = ledger.text("ledger.jsonl")
    try ledger.write("ledger.jsonl", valid + #"{"id":"3f2b8c1e-6a4d-4e0b"#)
    let read = try ledger.folder.read()
    #expect(read.events.count == 1)
    #expect(read.problems.map(\.rule) == [.tornLine])
    #expect(read.problems.first?.line == 2)
    let before = ledger.bytes("ledger.jsonl")
    let run = CLI.run(
      [
        "record", "phase.entered", "service=moj-prison-visit-booking", "phase=beta",
        "on=2014-03-01",
      ],
      ledger: ledger.path, now: "2015-04-02T09:00:00Z")
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("ledger repair"))
    #expect(ledger.bytes("ledger.jsonl") == before)
    let check = CLI.run(["check", "--as-of", "2015-04-01"], ledger: ledger.path)
    #expect(check.exitCode == 1)
    #expect(check.stdout.contains("ledger.jsonl:2: error: torn-line:"))
  }

  @Test("duplicate ids, dangling references and time going backwards are found on read")
  func dataRules() throws {
    var factory = EventFactory()
    let register = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    var duplicate = factory.make(
      .phaseEntered(PhaseEntered(service: service("a"), phase: .alpha, on: date("2014-01-01"))))
    duplicate.id = register.id
    let dangling = factory.make(
      .phaseEntered(PhaseEntered(service: service("zzz"), phase: .alpha, on: date("2014-01-01"))))
    var early = factory.make(
      .phaseEntered(PhaseEntered(service: service("a"), phase: .beta, on: date("2014-02-01"))))
    early.at = Timestamp(seconds: 0)
    let text = [register, duplicate, dangling, early].map { $0.line + "\n" }.joined()
    let ledger = try TemporaryLedger(files: [
      "ledger.jsonl": text, "other.jsonl": "{\"id\": nope}\n",
    ])
    defer { ledger.remove() }
    let read = try ledger.folder.read()
    let found = read.problems.map { "\($0.file):\($0.line) \($0.rule.rawValue)" }
    #expect(found.contains("ledger.jsonl:2 duplicate-id"))
    #expect(found.contains("ledger.jsonl:3 unknown-reference"))
    #expect(found.contains("ledger.jsonl:4 time-order"))
    #expect(
      read.problems.contains {
        $0.file == "other.jsonl" && $0.rule == .malformed && $0.column != nil
      })
  }

  @Test("replay order is by at, then file name, then line")
  func replayOrder() throws {
    var factory = EventFactory()
    let a = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    let b = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("b"), name: "B", organisation: "OPG")))
    var c = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("c"), name: "C", organisation: "OPG")))
    c.at = a.at
    let ledger = try TemporaryLedger(files: [
      "z.jsonl": a.line + "\n" + b.line + "\n", "a.jsonl": c.line + "\n",
    ])
    defer { ledger.remove() }
    let read = try ledger.folder.readValid()
    #expect(read.events.map(\.event.service?.rawValue) == ["c", "a", "b"])
  }

  @Test("a clock behind the ledger stamps after its latest at; a supplied earlier at is refused")
  func appendTimeOrder() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(
      CLI.run(
        ["append"], ledger: ledger.path, now: "2015-04-02T09:00:00Z", input: Self.registration
      ).exitCode == 0)
    let run = CLI.run(
      [
        "record", "phase.entered", "service=moj-prison-visit-booking", "phase=beta",
        "on=2014-03-01",
      ],
      ledger: ledger.path, now: "2015-04-01T09:00:00Z")
    #expect(run.exitCode == 0, "\(run.stderr)")
    let events = try ledger.folder.readValid().events
    #expect(
      events.map(\.at.description) == ["2015-04-02T09:00:00Z", "2015-04-02T09:00:00.000001Z"])
    let supplied = CLI.run(
      ["append"], ledger: ledger.path, now: "2015-04-03T09:00:00Z",
      input: #"{"at":"2015-04-02T09:00:00.000001Z","type":"phase.entered","#
        + #""data":{"service":"moj-prison-visit-booking","phase":"live","on":"2014-03-01"}}"#)
    #expect(supplied.exitCode == 1)
    #expect(supplied.stderr.contains("is not later than 2015-04-02T09:00:00.000001Z, the latest"))
  }

  @Test("two writers at once: the lock serialises them and nothing is lost or interleaved")
  func concurrentWriters() async throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let folder = ledger.folder
    let register = RecordedEvent(
      id: EventID(unchecked: "00000000-0000-4000-8000-000000000000"), at: Timestamp(seconds: 1),
      by: ActorID(unchecked: "p-1"),
      event: .serviceRegistered(
        ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    try LedgerWriter(folder: folder).append([register], to: "ledger.jsonl", source: "test")
    // Stamped by the writer under the lock: the two writers' events interleave in time.
    let clock: @Sendable () -> Timestamp = { Timestamp(seconds: 100) }
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<2 {
        group.addTask {
          for index in 0..<25 {
            let event = RecordedEvent(
              id: EventID(
                unchecked: String(format: "00000000-0000-4000-8000-%06d%06d", writer + 1, index)),
              at: .unstamped, by: ActorID(unchecked: "p-\(writer)"),
              event: .componentAdopted(
                ComponentAdopted(
                  service: service("a"), component: ComponentID(unchecked: "c\(writer)-\(index)"),
                  on: date("2014-01-01"))))
            _ = try? LedgerWriter(folder: folder, clock: clock).append(
              [event], to: "w\(writer).jsonl", source: "test")
          }
        }
      }
    }
    let read = try folder.readValid()
    #expect(read.events.count == 51)
  }

  @Test("two writers cannot both register the same service")
  func duplicateRegistrationRace() async throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let folder = ledger.folder
    let results = await withTaskGroup(of: Bool.self) { group in
      for writer in 0..<2 {
        group.addTask {
          let event = RecordedEvent(
            id: EventID(unchecked: "00000000-0000-4000-8000-00000000000\(writer)"),
            at: Timestamp(seconds: 1), by: ActorID(unchecked: "p-1"),
            event: .serviceRegistered(
              ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
          return
            (try? LedgerWriter(folder: folder).append([event], to: "w\(writer).jsonl", source: "t"))
            != nil
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results.filter { $0 }.count == 1)
    #expect(try folder.readValid().events.count == 1)
  }
}
