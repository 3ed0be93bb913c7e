import Foundation
import Testing

@testable import ServiceLedger

/// `at` never lies: new events are stamped under the lock, later than every `at` in the
/// ledger, distinct within a batch; a supplied `at` in the past or the future is refused; a
/// history keeps its times only into an empty ledger; `check --base` finds backdated lines
/// and `restamp` fixes them.
@Suite("Knowledge time", .serialized)
struct KnowledgeTimeTests {
  static let registration =
    #"{"id":"00000000-0000-4000-8000-000000000001","at":"2015-01-01T00:00:00Z","by":"p-1","#
    + #""type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#
    + "\n"

  /// Random ids: seeded ids repeat when `LEDGER_NOW` does, and these tests keep it fixed.
  static let freshIDs = ["LEDGER_SEED": ""]

  static func adoption(_ component: String, at: String? = nil) -> String {
    let stamp = at.map { #""at":""# + $0 + #"","# } ?? ""
    return "{" + stamp + #""type":"component.adopted","data":{"service":"a","component":""#
      + component + #"","on":"2015-01-01"}}"#
  }

  @Test("writes in the same second to different files replay in the order written")
  func sameSecondAcrossFiles() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let now = "2015-01-01T00:00:00Z"
    let registered = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
      ledger: ledger.path, now: now)
    #expect(registered.exitCode == 0)
    // "a-team.jsonl" sorts before "ledger.jsonl": with one shared second it would replay first.
    for (index, file) in ["a-team.jsonl", "ledger.jsonl", "0.jsonl", "a-team.jsonl"].enumerated() {
      let run = CLI.run(
        [
          "record", "component.adopted", "service=a", "component=c\(index)", "on=2015-01-01",
          "--file", file,
        ],
        ledger: ledger.path, now: now, environment: Self.freshIDs)
      #expect(run.exitCode == 0, "\(file): \(run.stderr)")
    }
    let events = try ledger.folder.readValid().events
    #expect(events.count == 5)
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.at < $1.at })
    #expect(events.first?.at == Timestamp("2015-01-01T00:00:00Z"))
    #expect(events.last?.at == Timestamp("2015-01-01T00:00:00.000004Z"))
    #expect(
      events.dropFirst().compactMap { event -> String? in
        if case .componentAdopted(let adopted) = event.event { return adopted.component.rawValue }
        return nil
      } == ["c0", "c1", "c2", "c3"])
  }

  @Test("a batch gets distinct stamps in input order, across files, after the latest")
  func batchStamps() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    var factory = EventFactory()
    let make = { (name: String) -> RecordedEvent in
      var event = factory.make(
        .componentAdopted(
          ComponentAdopted(
            service: service("a"), component: ComponentID(unchecked: name), on: date("2015-01-01")))
      )
      event.id = EventID(
        unchecked: "00000000-0000-4000-9000-"
          + name.padding(toLength: 12, withPad: "0", startingAt: 0))
      event.at = .unstamped
      return event
    }
    // The clock is behind the ledger's latest: stamps follow the latest, a microsecond apart.
    let writer = LedgerWriter(
      folder: ledger.folder, clock: { Timestamp(seconds: 1_000_000_000, nanoseconds: 123_456_789) })
    try writer.append(
      [("z.jsonl", [make("1"), make("2")]), ("a.jsonl", [make("3")]), ("z.jsonl", [make("4")])],
      source: "t")
    let events = try ledger.folder.readValid().events.dropFirst()
    #expect(
      events.map(\.at.description) == [
        "2015-01-01T00:00:00.000001Z", "2015-01-01T00:00:00.000002Z",
        "2015-01-01T00:00:00.000003Z", "2015-01-01T00:00:00.000004Z",
      ])
    #expect(events.map { $0.id.rawValue.suffix(12).prefix(1) } == ["1", "2", "3", "4"])
    // A clock ahead of the ledger stamps its own time, to the microsecond.
    let ahead = LedgerWriter(
      folder: ledger.folder, clock: { Timestamp(seconds: 1_500_000_000, nanoseconds: 123_456_789) })
    try ahead.append([make("5")], to: "ledger.jsonl", source: "t")
    #expect(
      try ledger.folder.readValid().events.last?.at.description == "2017-07-14T02:40:00.123456Z")
  }

  @Test("a supplied at must be later than the latest and not in the future")
  func suppliedAt() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    let now = "2015-04-01T12:00:00Z"
    let cases: [(at: String, accepted: Bool, says: String)] = [
      ("2014-12-31T00:00:00Z", false, "is not later than 2015-01-01T00:00:00Z, the latest"),
      ("2015-01-01T00:00:00Z", false, "is not later than"),
      ("9999-12-31T23:59:59Z", false, "is in the future"),
      ("2015-04-01T12:05:01Z", false, "is in the future"),
      ("2015-04-01T12:04:59Z", true, ""),
      ("2015-04-01T12:04:59Z", false, "is not later than 2015-04-01T12:04:59Z"),
    ]
    for (index, item) in cases.enumerated() {
      let run = CLI.run(
        ["append"], ledger: ledger.path, now: now,
        input: Self.adoption("s\(index)", at: item.at) + "\n", environment: Self.freshIDs)
      #expect((run.exitCode == 0) == item.accepted, "\(item.at): \(run.stderr)")
      #expect(item.says.isEmpty || run.stderr.contains(item.says), "\(item.at): \(run.stderr)")
    }
    // After refusing the far future, recording goes on: the clock is behind the latest
    // accepted at (12:04:59), so the stamp follows it.
    let recorded = CLI.run(
      ["record", "component.adopted", "service=a", "component=after", "on=2015-01-01"],
      ledger: ledger.path, now: now, environment: Self.freshIDs)
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    #expect(
      try ledger.folder.readValid().events.last?.at.description == "2015-04-01T12:04:59.000001Z")
  }

  @Test("what was known at a past time cannot change: report --known-at keeps its bytes")
  func knownAtIsStable() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration])
    defer { ledger.remove() }
    let report = ["report", "--quarter", "2015-Q1", "--known-at", "2015-04-15T00:00:00Z"]
    let volume =
      #"{"type":"volume.reported","data":{"service":"a","from":"2014-01-01","to":"2014-12-31","total":500000,"digital":100000}}"#
    #expect(
      CLI.run(["append"], ledger: ledger.path, now: "2015-03-01T00:00:00Z", input: volume)
        .exitCode == 0)
    let before = CLI.run(report, ledger: ledger.path, now: "2015-05-01T00:00:00Z").stdout
    let restated =
      #"{"at":"2015-02-01T00:00:00Z","type":"volume.reported","data":{"service":"a","from":"2014-01-01","to":"2014-12-31","total":900000,"digital":800000}}"#
    let backdated = CLI.run(
      ["append"], ledger: ledger.path, now: "2015-05-01T00:00:00Z", input: restated)
    #expect(backdated.exitCode == 1)
    let restatedNow = restated.replacingOccurrences(of: #""at":"2015-02-01T00:00:00Z","#, with: "")
    #expect(
      CLI.run(["append"], ledger: ledger.path, now: "2015-05-01T00:00:00Z", input: restatedNow)
        .exitCode == 0)
    #expect(CLI.run(report, ledger: ledger.path, now: "2015-05-02T00:00:00Z").stdout == before)
    #expect(before.contains("500,000") || before.contains("500000"))
  }

  @Test("a history keeps its original times, into an empty ledger only")
  func history() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let lines = [
      Self.registration.trimmingCharacters(in: .newlines),
      Self.adoption("h1", at: "2015-01-01T00:00:00Z"),
      Self.adoption("h2", at: "2015-01-01T00:00:00Z"),
    ]
    let missing = CLI.run(
      ["append", "--history"], ledger: ledger.path,
      input: lines.joined(separator: "\n") + "\n" + Self.adoption("h3") + "\n")
    #expect(missing.stderr.contains("stdin:4: in a history every line needs its original at"))
    let run = CLI.run(
      ["append", "--history"], ledger: ledger.path, now: "2026-01-01T00:00:00Z",
      input: lines.joined(separator: "\n") + "\n")
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(
      try ledger.folder.readValid().events.map(\.at.description)
        == Array(
          repeating: "2015-01-01T00:00:00Z", count: 3))
    let again = CLI.run(
      ["append", "--history"], ledger: ledger.path,
      input: Self.adoption("h4", at: "2015-01-02T00:00:00Z"))
    #expect(again.exitCode == 1)
    #expect(again.stderr.contains("only into an empty ledger"))
  }

  @Test("a history whose times go backwards in a file is refused, saying to put them in order")
  func historyOutOfOrder() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let run = CLI.run(
      ["append", "--history"], ledger: ledger.path,
      input: Self.registration.trimmingCharacters(in: .newlines) + "\n"
        + Self.adoption("h1", at: "2015-02-01T00:00:00Z") + "\n"
        + Self.adoption("h2", at: "2015-01-01T00:00:00Z") + "\n")
    #expect(run.exitCode == 1)
    #expect(
      run.stderr.contains(
        "stdin:3: at 2015-01-01T00:00:00Z is earlier than 2015-02-01T00:00:00Z, the latest in "
          + "ledger.jsonl; within a file, at never decreases: give a history's lines in the "
          + "order they were recorded"), "\(run.stderr)")
    #expect(!run.stderr.contains("LEDGER_NOW"))
    #expect(ledger.text("ledger.jsonl").isEmpty)
  }

  @Test("a history is the past: an at in the future is refused, so it cannot block the ledger")
  func historyInTheFuture() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let now = "2015-04-01T12:00:00Z"
    let registration = Self.registration.trimmingCharacters(in: .newlines)
    for at in ["9999-12-31T23:59:59.999999999Z", "2015-04-01T12:05:01Z"] {
      let run = CLI.run(
        ["append", "--history"], ledger: ledger.path, now: now,
        input: registration + "\n" + Self.adoption("h1", at: at) + "\n")
      #expect(run.exitCode == 1)
      #expect(run.stderr.contains("stdin:2: at \(at) is in the future"), "\(run.stderr)")
      #expect(ledger.text("ledger.jsonl").isEmpty)
    }
    let past = CLI.run(
      ["append", "--history"], ledger: ledger.path, now: now,
      input: registration + "\n" + Self.adoption("h1", at: "2015-04-01T12:04:59Z") + "\n")
    #expect(past.exitCode == 0, "\(past.stderr)")
    let recorded = CLI.run(
      ["record", "component.adopted", "service=a", "component=after", "on=2015-01-01"],
      ledger: ledger.path, now: now, environment: Self.freshIDs)
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
  }

  @Test("after a line at the last time there is (9999-12-31T23:59:59.999999999Z), a write says so")
  func afterTheLastTime() throws {
    // Only a hand edit puts it there; nothing can be stamped after it.
    let last = Self.registration.replacingOccurrences(
      of: "2015-01-01T00:00:00Z", with: "9999-12-31T23:59:59.999999999Z")
    #expect(last != Self.registration)
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": last])
    defer { ledger.remove() }
    let recorded = CLI.run(
      ["record", "component.adopted", "service=a", "component=x", "on=2015-01-01"],
      ledger: ledger.path, environment: Self.freshIDs)
    #expect(recorded.exitCode == 1)
    #expect(
      recorded.stderr.contains(
        "the latest at in the ledger, 9999-12-31T23:59:59.999999999Z, is the last time an at can "
          + "hold"), "\(recorded.stderr)")
    #expect(!recorded.stderr.contains("bug"), "\(recorded.stderr)")
  }

  @Test("the fast and strict decoders agree on fractional at, in every layout")
  func fractionalAt() throws {
    var lines: [String] = []
    for (index, fraction) in ["", ".5", ".000001", ".123456", ".123456789", ".1234567"].enumerated()
    {
      lines.append(
        #"{"id":"00000000-0000-4000-8000-00000000010\#(index)","at":"2015-01-02T00:00:0\#(index)\#(fraction)Z","by":"p-1","type":"volume.reported","data":{"service":"a","from":"2014-01-01","to":"2014-01-31","total":\#(index + 1)}}"#
      )
      lines.append(
        #"{"by":"p-1","id":"00000000-0000-4000-8000-00000000020\#(index)","type":"component.adopted","at":"2015-01-02T00:00:0\#(index)\#(fraction)Z","data":{"service":"a","component":"c\#(index)","on":"2015-01-01"}}"#
      )
    }
    lines.append(
      #"{"id":"00000000-0000-4000-8000-000000000300","at":"2015-01-03T00:00:00.Z","by":"p-1","type":"component.adopted","data":{"service":"a","component":"bad","on":"2015-01-01"}}"#
    )
    lines.append(
      #"{"id":"00000000-0000-4000-8000-000000000301","at":"2015-01-03T00:00:00.1234567890Z","by":"p-1","type":"component.adopted","data":{"service":"a","component":"bad","on":"2015-01-01"}}"#
    )
    let ledger = try TemporaryLedger(
      files: ["ledger.jsonl": Self.registration + lines.joined(separator: "\n") + "\n"])
    defer { ledger.remove() }
    var results: [[String]] = []
    for path in [DecodingPath.fast, .standard] {
      var reader = LogFileReader()
      reader.path = path
      let read = try ledger.folder.read(reader: reader)
      #expect(read.problems.map(\.line) == [14, 15])
      results.append(read.events.map { "\($0.id) \($0.at) \($0.location?.line ?? 0)" })
    }
    #expect(results[0] == results[1])
    #expect(results[0].count == 13)
    #expect(results[0].contains { $0.contains("2015-01-02T00:00:04.123456789Z") })
  }
}
