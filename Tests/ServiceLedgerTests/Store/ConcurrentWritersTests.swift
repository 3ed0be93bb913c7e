import Foundation
import Testing

@testable import ServiceLedger

/// Many real `ledger` processes writing to one ledger at once, with the real clock: nothing is
/// lost, duplicated or interleaved, and validation sees every other writer's events.
@Suite("Concurrent writers (built binary)", .serialized)
struct ConcurrentWritersTests {
  static let workers = 8
  static let steps = 20
  static let batchSize = 19

  static func environment(_ ledger: TemporaryLedger, actor: String = "p-0001") -> [String: String] {
    ["LEDGER_DIR": ledger.path, "LEDGER_ACTOR": actor, "PATH": "/usr/bin:/bin"]
  }

  static func component(_ worker: Int, _ index: Int) -> String {
    "w\(worker)-e\(String(format: "%03d", index))"
  }

  @Test(
    "8 processes x 200 events (record and append, shared and own files): each exactly once",
    .timeLimit(.minutes(5)))
  func stress() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let registered = Spawn.run(
      ["record", "service.registered", "service=stress", "name=Stress", "organisation=OPG"],
      environment: Self.environment(ledger))
    try #require(registered.status == 0, "\(registered.stderr)")
    let failures = Spawn.concurrently(Self.workers) { worker -> [String] in
      var failures: [String] = []
      var next = 0
      let environment = Self.environment(ledger, actor: "p-\(worker)")
      for step in 0..<Self.steps {
        let file = (worker + step) % 2 == 0 ? "ledger.jsonl" : "team-\(worker).jsonl"
        let outcome: Spawn.Outcome
        if step % 2 == 0 {
          outcome = Spawn.run(
            [
              "record", "component.adopted", "service=stress",
              "component=\(Self.component(worker, next))", "on=2014-01-01", "--file", file,
            ], environment: environment)
          next += 1
        } else {
          let lines = (0..<Self.batchSize).map { offset in
            #"{"type":"component.adopted","data":{"service":"stress","component":""#
              + Self.component(worker, next + offset) + #"","on":"2014-01-01"}}"#
          }
          next += Self.batchSize
          let input = ledger.path + "/../input-\(UUID().uuidString).txt"
          try? Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: input))
          outcome = Spawn.run(["append", input, "--file", file], environment: environment)
          try? FileManager.default.removeItem(atPath: input)
        }
        if outcome.status != 0 { failures.append("w\(worker) step \(step): \(outcome.stderr)") }
      }
      return failures
    }.flatMap { $0 }
    #expect(failures.isEmpty, "\(failures.prefix(5))")

    let read = try ledger.folder.read()
    #expect(read.problems.isEmpty, "\(read.problems.prefix(5))")
    var seen: [String: Int] = [:]
    for event in read.events {
      if case .componentAdopted(let adopted) = event.event {
        seen[adopted.component.rawValue, default: 0] += 1
      }
    }
    let expected = (0..<Self.workers).flatMap { worker in
      (0..<(Self.steps / 2 * (1 + Self.batchSize))).map { Self.component(worker, $0) }
    }
    #expect(expected.count == 1600)
    #expect(seen.count == expected.count, "events missing: \(expected.count - seen.count)")
    #expect(seen.values.allSatisfy { $0 == 1 }, "some event is there more than once")
    #expect(Set(expected) == Set(seen.keys))
    // Interleaving would show as a malformed line; check the raw bytes too.
    for name in try ledger.folder.fileNames() {
      let bytes = ledger.bytes(name)
      #expect(bytes.last == UInt8(ascii: "\n"), "\(name) does not end with a newline")
      for line in bytes.split(separator: UInt8(ascii: "\n")) {
        #expect(line.first == UInt8(ascii: "{") && line.last == UInt8(ascii: "}"))
      }
    }
  }

  @Test("two processes racing to register the same service: exactly one wins, every time")
  func registrationRace() throws {
    for round in 0..<5 {
      let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
      defer { ledger.remove() }
      let outcomes = Spawn.concurrently(2) { worker in
        Spawn.run(
          [
            "record", "service.registered", "service=moj-race", "name=Race \(worker)",
            "organisation=OPG", "--file", "team-\(worker).jsonl",
          ], environment: Self.environment(ledger))
      }
      #expect(outcomes.filter { $0.status == 0 }.count == 1, "round \(round): \(outcomes)")
      let loser = outcomes.first { $0.status != 0 }
      #expect(loser?.stderr.contains("moj-race") == true, "\(loser?.stderr ?? "")")
      #expect(loser?.stderr.contains("nothing was written") == true)
      let read = try ledger.folder.readValid()
      #expect(read.events.count == 1)
    }
  }

  @Test("a writer that waited for the lock stamps its event when it gets the lock")
  func stampedUnderTheLock() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let environment = Self.environment(ledger)
    let registered = Spawn.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      environment: environment)
    try #require(registered.status == 0, "\(registered.stderr)")
    let lock = try FileLock(path: ledger.path, create: false)
    let (process, err) = try Spawn.start(
      ["record", "phase.entered", "service=a", "phase=beta", "on=2014-01-01"],
      environment: environment)
    // While it waits, another writer appends an event stamped more than a second later than
    // the waiting one would have stamped its own before taking the lock.
    Thread.sleep(forTimeInterval: 1.5)
    let now = Timestamp(seconds: Int(Date().timeIntervalSince1970))
    let other = RecordedEvent(
      id: EventID(unchecked: "00000000-0000-4000-8000-0000000000aa"), at: now,
      by: ActorID(unchecked: "p-2"),
      event: .componentAdopted(
        ComponentAdopted(
          service: service("a"), component: ComponentID(unchecked: "booking"),
          on: date("2014-01-01"))))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ledger.path + "/ledger.jsonl"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data((other.line + "\n").utf8))
    try handle.close()
    lock.unlock()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stderr)")
    let read = try ledger.folder.readValid()
    #expect(read.events.map(\.type) == [.serviceRegistered, .componentAdopted, .phaseEntered])
    #expect((read.events.last?.at ?? now) >= now)
  }
}
