import Foundation
import Testing

@testable import ServiceLedger

/// "Retract it and report again" for a short volume report, through the replay cache: the
/// cache may make it faster, never different.
@Suite("Corrections of a report's period, with and without the replay cache")
struct CorrectionsCacheTests {
  static let views: [[String]] = [
    ["priorities"], ["channel-shift"], ["services"], ["check"], ["log", "--service", "svc-0003"],
  ]

  /// Every view's JSON with the cache as it is, then each with the cache removed first.
  static func outputs(_ ledger: TemporaryLedger, now: String) -> (warm: [String], cold: [String]) {
    let run = { (view: [String]) in
      CLI.run(view + ["--format", "json", "--as-of", "2026-01-01"], ledger: ledger.path, now: now)
    }
    let warm = views.map { run($0).stdout }
    let cold = views.map { view -> String in
      ReplayCache.remove(from: ledger.folder)
      return run(view).stdout
    }
    return (warm, cold)
  }

  var cacheExists: (TemporaryLedger) -> Bool = {
    FileManager.default.fileExists(atPath: $0.path + "/" + ReplayCache.fileName)
  }

  /// A monthly report of svc-0003 in force in `ledger` that no other report shares a day with.
  static func loneReport(_ ledger: TemporaryLedger) throws -> (id: EventID, report: VolumeReported)
  {
    let events = try ledger.folder.read().events
    let retracted = Set(
      events.compactMap { event -> EventID? in
        if case .eventRetracted(let retraction) = event.event { return retraction.event }
        return nil
      })
    let reports = events.compactMap { event -> (EventID, VolumeReported)? in
      guard case .volumeReported(let report) = event.event, report.service == service("svc-0003"),
        !retracted.contains(event.id)
      else { return nil }
      return (event.id, report)
    }
    return try #require(
      reports.first { id, report in
        report.days < 365 && report.from.components.year >= 2015
          && reports.allSatisfy { $0.0 == id || $0.1.to < report.from || $0.1.from > report.to }
      })
  }

  /// A retraction of `id` and a report for the first half of `report`'s month, as input lines
  /// of `ledger append`.
  static func correction(_ id: EventID, _ report: VolumeReported) -> [String] {
    [
      #"{"type":"event.retracted","data":{"event":"\#(id)","reason":"half a month"}}"#,
      #"{"type":"volume.reported","data":{"service":"svc-0003","from":"\#(report.from)","to":"\#(report.from.adding(days: 14))","total":7}}"#,
    ]
  }

  @Test("the retraction appended while a cache exists, then the corrected report by record")
  func retractionThenRecord() throws {
    let ledger = try DecodingPathTests.generated(services: 5, events: 600)
    defer { ledger.remove() }
    _ = CLI.run(["priorities"], ledger: ledger.path, now: "2026-02-01T00:00:00Z")
    try #require(cacheExists(ledger))
    let (id, report) = try Self.loneReport(ledger)
    let lines = Self.correction(id, report)
    let retracted = CLI.run(
      ["append", "--file", "opg.jsonl"], ledger: ledger.path, now: "2026-02-02T00:00:00Z",
      input: lines[0])
    try #require(retracted.exitCode == 0, "\(retracted.stderr)")
    let recorded = CLI.run(
      [
        "record", "volume.reported", "service=svc-0003", "from=\(report.from)",
        "to=\(report.from.adding(days: 14))", "total=7",
      ], ledger: ledger.path, now: "2026-02-03T00:00:00Z")
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    let outputs = Self.outputs(ledger, now: "2026-02-04T00:00:00Z")
    #expect(outputs.warm == outputs.cold)
    #expect(outputs.warm[3].hasPrefix("{") && !outputs.warm[3].contains("overlaps"))
    #expect(outputs.warm[4].contains(#""total":7"#))
  }

  @Test("the retraction and the corrected report in one append, warm and cold")
  func oneAppend() throws {
    for warm in [true, false] {
      let ledger = try DecodingPathTests.generated(services: 5, events: 600)
      defer { ledger.remove() }
      _ = CLI.run(["priorities"], ledger: ledger.path, now: "2026-02-01T00:00:00Z")
      if !warm { ReplayCache.remove(from: ledger.folder) }
      try #require(cacheExists(ledger) == warm)
      let (id, report) = try Self.loneReport(ledger)
      let appended = CLI.run(
        ["append", "--file", "opg.jsonl"], ledger: ledger.path, now: "2026-02-02T00:00:00Z",
        input: Self.correction(id, report).joined(separator: "\n"))
      #expect(appended.exitCode == 0, "warm: \(warm): \(appended.stderr)")
      // In the other order (another month) the corrected report comes while the month is in
      // force.
      let (other, otherReport) = try Self.loneReport(ledger)
      #expect(other != id)
      let again = CLI.run(
        ["append", "--file", "opg.jsonl"], ledger: ledger.path, now: "2026-02-03T00:00:00Z",
        input: Self.correction(other, otherReport).reversed().joined(separator: "\n"))
      #expect(again.exitCode == 1)
      #expect(again.stderr.contains("overlaps the report"), "\(again.stderr)")
      let outputs = Self.outputs(ledger, now: "2026-02-04T00:00:00Z")
      #expect(outputs.warm == outputs.cold)
    }
  }

  @Test("a report, its retraction and the corrected report in one append")
  func sameBatch() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let registered = CLI.run(
      ["record", "service.registered", "service=s", "name=S", "organisation=X"],
      ledger: ledger.path)
    try #require(registered.exitCode == 0, "\(registered.stderr)")
    let id = "00000000-0000-4000-8000-00000000abcd"
    let lines = [
      #"{"id":"\#(id)","type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":100}}"#,
      #"{"type":"event.retracted","data":{"event":"\#(id)","reason":"Jan-Feb"}}"#,
      #"{"type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-02-28","total":90}}"#,
    ]
    // With the cache `record` left, through it.
    try #require(cacheExists(ledger))
    let appended = CLI.run(
      ["append", "--file", "ledger.jsonl"], ledger: ledger.path,
      input: lines.joined(separator: "\n"))
    #expect(appended.exitCode == 0, "\(appended.stderr)")
    #expect(CLI.run(["check"], ledger: ledger.path).exitCode == 0)
  }

  @Test("the cached append frees a period only for a report its validator holds apart")
  func cachedPathDecides() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    var factory = EventFactory()
    let registered = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("s"), name: "S", organisation: "X")))
    let quarter = factory.make(
      .volumeReported(
        VolumeReported(
          service: service("s"), from: date("2014-01-01"), to: date("2014-03-31"), total: 100)))
    try LedgerWriter(folder: ledger.folder).append(
      [registered, quarter], to: "ledger.jsonl", source: "test")
    let writer = LedgerWriter(folder: ledger.folder, clock: { Timestamp(seconds: 1_500_000_000) })
    var correction = [
      factory.make(.eventRetracted(EventRetracted(event: quarter.id, reason: "Jan-Feb"))),
      factory.make(
        .volumeReported(
          VolumeReported(
            service: service("s"), from: date("2014-01-01"), to: date("2014-02-28"), total: 90))),
    ]
    for index in correction.indices { correction[index].at = .unstamped }
    /// The cached append of the correction, against the cache as it is: nil when it leaves
    /// the append to the streamed path.
    func cached() throws -> [String: Ledger.FileState]? {
      let lock = try FileLock(path: ledger.path, create: false)
      defer { lock.unlock() }
      let (cache, validator) = try #require(try writer.usableCache())
      return try writer.appendCached(
        [("ledger.jsonl", correction)], cache: cache, validator: validator, source: "test",
        lock: lock)
    }
    // A view's replay: the quarter's period is in `ShortReports`, which cannot give it back.
    _ = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    #expect(try cached() == nil)
    // An append's replay that watched the quarter (a retraction of it was to be appended):
    // the cache holds it apart, and serves the correction.
    try ledger.folder.appendBasis(NoFold(), retracting: [quarter.id], savingCache: true).cache?
      .save(to: ledger.folder)
    #expect(try cached() != nil)
    let read = try ledger.folder.read()
    #expect(read.problems.isEmpty)
    #expect(read.events.count == 4)
  }
}
