import Foundation
import Testing

@testable import ServiceLedger

/// The replay cache may make things faster, never different.
@Suite("Replay cache")
struct ReplayCacheTests {
  static let views: [[String]] = [
    ["priorities"], ["services"], ["managers"], ["actions"], ["assisted-digital"],
  ]

  /// Every cached view's JSON, and the same with the cache removed first.
  static func outputs(_ ledger: TemporaryLedger, now: String) -> (cached: [String], cold: [String])
  {
    let cached = views.map {
      CLI.run($0 + ["--format", "json"], ledger: ledger.path, now: now).stdout
    }
    let cold = views.map { view -> String in
      ReplayCache.remove(from: ledger.folder)
      return CLI.run(view + ["--format", "json"], ledger: ledger.path, now: now).stdout
    }
    return (cached, cold)
  }

  @Test("a full replay writes the cache; views and appends after it give what a cold replay gives")
  func cachedEqualsCold() throws {
    let ledger = try DecodingPathTests.generated()
    defer { ledger.remove() }
    let now = "2026-02-01T00:00:00Z"
    _ = CLI.run(["priorities"], ledger: ledger.path, now: now)
    #expect(FileManager.default.fileExists(atPath: ledger.path + "/" + ReplayCache.fileName))
    let before = Self.outputs(ledger, now: now)
    #expect(before.cached == before.cold)
    // Appends through the cache, by record and by append, then views from the cache.
    _ = CLI.run(["priorities"], ledger: ledger.path, now: now)
    let recorded = CLI.run(
      ["record", "phase.entered", "service=svc-0002", "phase=live", "on=2026-01-15"],
      ledger: ledger.path, now: "2026-02-02T00:00:00Z")
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    let appended = CLI.run(
      ["append", "--file", "opg.jsonl"], ledger: ledger.path, now: "2026-02-03T00:00:00Z",
      input:
        #"{"type":"manager.departed","data":{"service":"svc-0001","person":"p-0001","on":"2026-01-20"}}"#
        + "\n"
        + #"{"type":"service.registered","data":{"service":"svc-new","name":"New","organisation":"OPG"}}"#
    )
    #expect(appended.exitCode == 0, "\(appended.stderr)")
    let after = Self.outputs(ledger, now: "2026-02-04T00:00:00Z")
    #expect(after.cached == after.cold)
    #expect(after.cached[0].contains(#""service":"svc-0002""#))
    #expect(after.cached[1].contains(#""service":"svc-new""#))
    #expect(after.cached != before.cached)
  }

  @Test("a log dealt into many files, restatements apart from what they restate: cached as cold")
  func manyFiles() throws {
    // Each file of a generated log (with restatements and retractions) dealt line by line into
    // 12 files, each spanning the whole log in time order: the merge finishes their runs far
    // from period order, and the cache gathers the reports of a service in that order.
    let source = try DecodingPathTests.generated(services: 6, events: 1500)
    defer { source.remove() }
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let names = try FileManager.default.contentsOfDirectory(atPath: source.path)
      .filter { $0.hasSuffix(".jsonl") }
    for name in names {
      let lines = try String(contentsOfFile: source.path + "/" + name, encoding: .utf8)
        .split(separator: "\n")
      for part in 0..<12 {
        let dealt = stride(from: part, to: lines.count, by: 12).map { lines[$0] + "\n" }
        try ledger.write("\(name.dropLast(6))-\(part).jsonl", dealt.joined())
      }
    }
    let now = "2026-02-01T00:00:00Z"
    _ = CLI.run(["priorities"], ledger: ledger.path, now: now)
    let outputs = Self.outputs(ledger, now: now)
    #expect(outputs.cached == outputs.cold)
    #expect(outputs.cached[0].contains(#""service":"svc-0001""#))
  }

  @Test("a cached append is still checked: an invalid event is refused and nothing is written")
  func cachedAppendValidates() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 200)
    defer { ledger.remove() }
    _ = CLI.run(["services"], ledger: ledger.path, now: "2026-02-01T00:00:00Z")
    let bytes = try ledger.folder.fileNames().map { ledger.bytes($0) }
    let duplicate = CLI.run(
      ["record", "service.registered", "service=svc-0001", "name=Again", "organisation=OPG"],
      ledger: ledger.path, now: "2026-02-02T00:00:00Z")
    #expect(duplicate.exitCode == 1)
    #expect(duplicate.stderr.contains("already registered"))
    let dangling = CLI.run(
      ["record", "phase.entered", "service=svc-9999", "phase=beta", "on=2026-01-01"],
      ledger: ledger.path, now: "2026-02-02T00:00:00Z")
    #expect(dangling.stderr.contains("is not registered"))
    // The saved short reports: a month that straddles two reported months overlaps them.
    let overlapping = CLI.run(
      [
        "record", "volume.reported", "service=svc-0001", "from=2020-11-15", "to=2020-12-14",
        "total=10",
      ], ledger: ledger.path, now: "2026-02-02T00:00:00Z")
    #expect(overlapping.exitCode == 1)
    #expect(overlapping.stderr.contains("overlaps the report for 2020-11-01..2020-11-30"))
    #expect(try ledger.folder.fileNames().map { ledger.bytes($0) } == bytes)
  }

  @Test("a record on a copied ledger, whose cache is stale, rebuilds the cache and appends")
  func staleCacheRebuiltForRecord() throws {
    let ledger = try DecodingPathTests.generated(services: 4, events: 300)
    defer { ledger.remove() }
    _ = CLI.run(["services"], ledger: ledger.path, now: "2026-02-01T00:00:00Z")
    // A copy or a checkout gives the files new times but the same bytes: the hash proves
    // them unchanged and the cache still answers.
    let path = ledger.path + "/opg.jsonl"
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: path)
    #expect(ReplayCache.current(ledger.folder) != nil)
    // A cache from elsewhere (here: none) is stale.
    ReplayCache.remove(from: ledger.folder)
    #expect(ReplayCache.current(ledger.folder) == nil)
    let recorded = CLI.run(
      ["record", "phase.entered", "service=svc-0002", "phase=live", "on=2026-01-15"],
      ledger: ledger.path, now: "2026-02-02T00:00:00Z")
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
    #expect(ReplayCache.current(ledger.folder) != nil)
    let views = Self.outputs(ledger, now: "2026-02-03T00:00:00Z")
    #expect(views.cached == views.cold)
    #expect(views.cached[1].contains(#""phase":"live""#))
  }

  @Test("an event in the latest cached second follows the cache unless a later file has it")
  func sameSecondOrder() {
    func key(_ name: String, _ seconds: Int?) -> ReplayCache.FileKey {
      var key = ReplayCache.FileKey.empty(name)
      key.lineCount = 1
      key.lastAt = seconds.map { Timestamp(seconds: $0) }
      return key
    }
    let cache = ReplayCache(
      files: [key("a.jsonl", 90), key("m.jsonl", 100), key("z.jsonl", 100), key("e.jsonl", nil)],
      maxAt: Timestamp(seconds: 100), maxEffective: nil, validator: nil, compacted: [])
    #expect(cache.replaysAfterCached(Timestamp(seconds: 101), file: "a.jsonl"))
    #expect(!cache.replaysAfterCached(Timestamp(seconds: 99), file: "z.jsonl"))
    #expect(cache.replaysAfterCached(Timestamp(seconds: 100), file: "z.jsonl"))
    #expect(!cache.replaysAfterCached(Timestamp(seconds: 100), file: "m.jsonl"))
    #expect(!cache.replaysAfterCached(Timestamp(seconds: 100), file: "a.jsonl"))
    let empty = ReplayCache(
      files: [], maxAt: nil, maxEffective: nil, validator: nil, compacted: [])
    #expect(empty.replaysAfterCached(Timestamp(seconds: 0), file: "a.jsonl"))
  }

  @Test("a saved validator's report ranges load only when sorted and apart, as they are kept")
  func savedRanges() throws {
    typealias Entry = ShortReports.Entry
    var kept = ShortReports()
    #expect(kept.insertUnlessOverlapping(CivilDate(dayNumber: 10), CivilDate(dayNumber: 20)) == nil)
    #expect(kept.insertUnlessOverlapping(CivilDate(dayNumber: 30), CivilDate(dayNumber: 40)) == nil)
    var loaded = ShortReports(snapshot: kept.snapshot)
    #expect(loaded != nil)
    #expect(
      loaded?.insertUnlessOverlapping(CivilDate(dayNumber: 15), CivilDate(dayNumber: 35))
        .map { [$0.from.dayNumber, $0.to.dayNumber] } == [10, 20])
    #expect(
      ShortReports(snapshot: [
        Entry(from: 30, to: 40, months: 0), Entry(from: 10, to: 20, months: 0),
      ]) == nil)
    #expect(
      ShortReports(snapshot: [
        Entry(from: 10, to: 20, months: 0), Entry(from: 20, to: 30, months: 0),
      ]) == nil)
    #expect(ShortReports(snapshot: [Entry(from: 10, to: 5, months: 0)]) == nil)
    #expect(ShortReports(snapshot: []) != nil)
    // A run must be whole calendar periods of its length.
    let january = Int32(try #require(CivilDate("2015-01-01")).dayNumber)
    let march = Int32(try #require(CivilDate("2015-03-31")).dayNumber)
    #expect(ShortReports(snapshot: [Entry(from: january, to: march, months: 1)]) != nil)
    #expect(ShortReports(snapshot: [Entry(from: january, to: march, months: 3)]) != nil)
    #expect(ShortReports(snapshot: [Entry(from: january, to: march - 1, months: 1)]) == nil)
    #expect(ShortReports(snapshot: [Entry(from: january + 1, to: march, months: 1)]) == nil)
    #expect(ShortReports(snapshot: [Entry(from: january, to: march, months: 2)]) == nil)
  }

  @Test("a file changed behind the cache's back is noticed: the cache is not used")
  func staleCache() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 200)
    defer { ledger.remove() }
    let now = "2026-02-01T00:00:00Z"
    _ = CLI.run(["services"], ledger: ledger.path, now: now)
    // Rename a service in the last line of a file, keeping the length.
    let text = ledger.text("hmcts.jsonl")
    let edited = text.replacingOccurrences(
      of: "Synthetic service 1\"", with: "Synthetic service X\"")
    #expect(edited != text)
    try ledger.write("hmcts.jsonl", edited)
    #expect(ReplayCache.current(ledger.folder) == nil)
    let view = CLI.run(["services", "--format", "json"], ledger: ledger.path, now: now)
    #expect(view.stdout.contains("Synthetic service X"))
    // A line appended by other means is read from the file, not missed.
    try ledger.write(
      "hmcts.jsonl",
      edited
        + #"{"id":"00000000-0000-4000-8000-0000000fffff","at":"2026-01-31T00:00:00Z","by":"p-1","type":"service.registered","data":{"service":"svc-late","name":"Late","organisation":"HMCTS"}}"#
        + "\n")
    let later = CLI.run(["services", "--format", "json"], ledger: ledger.path, now: now)
    #expect(later.stdout.contains("svc-late"))
  }

  @Test("a byte changed in the cache file itself is noticed: views stay what a cold replay gives")
  func corruptedCacheFile() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 200)
    defer { ledger.remove() }
    let now = "2026-02-01T00:00:00Z"
    let view = ["services", "--format", "json"]
    let cold = CLI.run(view, ledger: ledger.path, now: now).stdout
    #expect(cold.contains("Synthetic service 1\""))
    // The cache keeps the events as log lines: one letter of a name, changed in place, still
    // decodes to a valid event.
    var cache = ledger.bytes(ReplayCache.fileName)
    let name = Array("Synthetic service 1\"".utf8)
    let start = try #require(
      cache.indices.dropLast(name.count).first { cache[$0..<$0 + name.count].elementsEqual(name) })
    cache[start + name.count - 2] = UInt8(ascii: "X")
    try Data(cache).write(to: URL(fileURLWithPath: ledger.path + "/" + ReplayCache.fileName))
    #expect(ReplayCache.load(ledger.folder, withValidator: false) == nil)
    let warm = CLI.run(view, ledger: ledger.path, now: now).stdout
    #expect(warm == cold)
    #expect(!warm.contains("Synthetic service X"))
  }

  @Test("a cache built under the rules of an older version, hashed as it should be, is rebuilt")
  func olderVersion() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 200)
    defer { ledger.remove() }
    let now = "2026-02-01T00:00:00Z"
    let view = ["services", "--format", "json"]
    let cold = CLI.run(view, ledger: ledger.path, now: now).stdout
    #expect(ReplayCache.load(ledger.folder, withValidator: false) != nil)
    // The same bytes under the version before: they could hold an event the rules now refuse.
    var cache = Array(ledger.bytes(ReplayCache.fileName).dropLast(ContentHash.digestSize))
    let current = Array(ReplayCache.version.utf8)
    let start = try #require(
      cache.indices.first {
        cache[$0..<min($0 + current.count, cache.count)].elementsEqual(current)
      })
    cache[start + current.count - 1] -= 1
    #expect(
      StreamedFile.write(to: ledger.path + "/" + ReplayCache.fileName, hashed: true) {
        $0.append(cache)
      })
    #expect(ReplayCache.load(ledger.folder, withValidator: false) == nil)
    #expect(CLI.run(view, ledger: ledger.path, now: now).stdout == cold)
    #expect(ReplayCache.load(ledger.folder, withValidator: false) != nil)
  }
}
