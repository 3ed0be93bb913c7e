import Foundation
import Testing

@testable import ServiceLedger

/// `ledger site` streams the log: the site it builds from a folder is the one built from the
/// log held in memory, the ledger's files are copied as they were at the knowledge time, and
/// a service page lists at most the latest events and reports.
@Suite("Site: streamed from the folder")
struct SiteStreamTests {
  /// The site of `ledger` built from the log read whole, with its files' bytes.
  static func inMemory(
    _ ledger: TemporaryLedger, asOf: String, knownAt: Timestamp?, limit: Int
  ) throws -> [SitePage] {
    let folder = ledger.folder
    var files: [String: [UInt8]] = [:]
    for name in try folder.fileNames() { files[name] = try folder.bytes(of: name) }
    return try Site(
      folder.read(), asOf: date(asOf), knownAt: knownAt, files: files, limit: limit
    ).pages()
  }

  @Test(
    "the streamed site is the one built in memory, capped or not, at any knowledge time",
    arguments: [(200, nil), (1_000_000, nil), (12, "2012-01-01T00:30:00Z")])
  func streamedEqualsInMemory(limit: Int, knownAt: String?) throws {
    let ledger = try DecodingPathTests.generated(services: 6, events: 2500, seed: 11)
    defer { ledger.remove() }
    let known = knownAt.flatMap(Timestamp.init)
    let streamed = try Site.replay(
      ledger.folder, asOf: date("2026-01-01"), knownAt: known, limit: limit
    ).pages()
    let memory = try Self.inMemory(ledger, asOf: "2026-01-01", knownAt: known, limit: limit)
    try #require(streamed.count > 100)
    #expect(streamed.map(\.path) == memory.map(\.path))
    for (one, other) in zip(streamed, memory) where one != other {
      Issue.record("\(one.path) differs")
    }
    // The generated ledger retracts some events; every link still resolves, capped or not.
    let check = SiteCheck(streamed)
    #expect(check.problems.isEmpty, "\(check.problems.prefix(5))")
  }

  @Test(
    "a retraction the pre-scan's byte search cannot see (its type escaped) is listed in the service's history as in memory"
  )
  func hiddenRetraction() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 300, seed: 5)
    defer { ledger.remove() }
    let read = try ledger.folder.read()
    let target = try #require(read.events.last { $0.type == .phaseEntered })
    let at = Timestamp(seconds: (read.events.map(\.at.seconds).max() ?? 0) + 1)
    try ledger.write(
      "z.jsonl",
      #"{"id":"00000000-0000-4000-8000-0000000000f1","at":""# + at.description
        + #"","by":"p-1","type":"event\u002eretracted","data":{"event":""#
        + target.id.rawValue + #"","reason":"recorded twice"}}"# + "\n")
    #expect(try ledger.folder.read().problems.isEmpty)
    let streamed = try Site.replay(ledger.folder, asOf: date("2026-01-01")).pages()
    let memory = try Self.inMemory(ledger, asOf: "2026-01-01", knownAt: nil, limit: Site.pageLimit)
    #expect(streamed.map(\.path) == memory.map(\.path))
    for (one, other) in zip(streamed, memory) where one != other {
      Issue.record("\(one.path) differs")
    }
  }

  @Test("uncapped, a service page lists every event the log has about the service")
  func uncappedListsEverything() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 900, seed: 4)
    defer { ledger.remove() }
    let events = try ledger.folder.read().events
    let pages = try Site.replay(ledger.folder, asOf: date("2026-01-01"), limit: 1_000_000)
      .pages()
    for service in ["svc-0000", "svc-0001", "svc-0002"] {
      let page = try #require(pages.first { $0.path == "services/\(service).html" })
      let text = String(decoding: page.bytes, as: UTF8.self)
      let about = events.filter { $0.event.service?.rawValue == service }
      try #require(about.count > 200)
      for event in about {
        #expect(text.contains("<li id=\"e-\(event.id.rawValue)\">"), "\(event.id)")
      }
    }
  }

  @Test("a capped page lists the latest events and reports and says how to see the rest")
  func capped() throws {
    var f = BoardFixture()
    f.register("a", on: "2014-01-01")
    let first = f.quarter("a", "2014-01-01", "2014-03-31", total: 100, digital: 10)
    for (from, to) in [
      ("2014-04-01", "2014-06-30"), ("2014-07-01", "2014-09-30"), ("2014-10-01", "2014-12-31"),
      ("2015-01-01", "2015-03-31"),
    ] {
      f.quarter("a", from, to, total: 100, digital: 20)
    }
    // A restatement of the first period, and a retraction of the first report: both after
    // every other event, so the history lists them, but not what they replace or withdraw.
    f.quarter("a", "2014-01-01", "2014-03-31", total: 120, digital: 12)
    f.add(.eventRetracted(EventRetracted(event: first.id, reason: "wrong")))
    let page = try #require(
      try Site(f.ledger, asOf: date("2015-03-31"), limit: 3).pages().first {
        $0.path == "services/a.html"
      })
    let text = String(decoding: page.bytes, as: UTF8.self)
    let listed = f.events.suffix(3)
    for event in f.events {
      #expect(
        text.contains("<li id=\"e-\(event.id.rawValue)\">") == listed.contains(event),
        "\(event.id)")
    }
    #expect(text.contains("the latest 3 are listed here"))
    #expect(text.contains("<code>ledger log --service a</code> lists the 5 before them"))
    #expect(text.contains("Withdraws an earlier event, <code>\(first.id.rawValue)</code>"))
    #expect(text.contains("--type volume.reported</code> lists every report"))
    #expect(SiteCheck([page]).problems.filter { $0.contains("anchor") }.isEmpty)
    // The volume table keeps the three latest periods, the first one's restatement not.
    #expect(text.contains("2015-01-01</span> to"))
    #expect(!text.contains("(restated)"))
  }

  @Test("with --known-at, the ledger's files are copied as they were then")
  func knownAtCutsFiles() throws {
    var f = BoardFixture()
    f.register("a", on: "2014-01-01")
    let early = f.quarter("a", "2015-01-01", "2015-03-31", total: 100, digital: 10)
    f.quarter("a", "2015-04-01", "2015-06-30", total: 100, digital: 20)
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    // An unfinished last line is never offered.
    try ledger.write("ledger.jsonl", f.text + "{\"id\":")
    let lines = f.text.split(separator: "\n")
    for (knownAt, count) in [(early.at, 2), (nil, 3)] {
      let site = try Site.replay(ledger.folder, asOf: date("2015-06-30"), knownAt: knownAt)
      let root = NSTemporaryDirectory() + "site-stream-" + UUID().uuidString.lowercased()
      defer { try? FileManager.default.removeItem(atPath: root) }
      let writer = try SiteFolder.Writer(root + "/site", ledger: ledger.path, suffix: "1")
      let written = try site.write(into: writer)
      try writer.finish()
      let copied = FileManager.default.contents(
        atPath: root + "/site/downloads/ledger/ledger.jsonl")
      #expect(copied == Data((lines.prefix(count).joined(separator: "\n") + "\n").utf8))
      let downloads = try String(contentsOfFile: root + "/site/downloads.html", encoding: .utf8)
      #expect(downloads.contains("<td class=\"num\" data-label=\"Lines\">\(count)</td>"))
      #expect(written.downloads == 16)
    }
  }

  @Test("a file is copied up to a line, a block at a time, whatever the block size")
  func copiesLines() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let text =
      (1...40).map { "line \($0) " + String(repeating: "x", count: $0 % 7) }
      .joined(separator: "\n") + "\nunfinished"
    try ledger.write("a.jsonl", text)
    let source = ledger.path + "/a.jsonl"
    let lines = text.split(separator: "\n")
    for blockSize in [1, 3, 16, 1 << 20] {
      for wanted in [0, 1, 17, 40, 41, nil] {
        let target = ledger.path + "/copy"
        let copied = try SiteCopy.lines(
          wanted, from: source, to: target, blockSize: blockSize)
        let bytes = FileManager.default.contents(atPath: target) ?? Data()
        let count = min(wanted ?? 40, 40)
        let expected =
          wanted == nil
          ? Data(text.utf8)
          : Data(lines.prefix(count).map { $0 + "\n" }.joined().utf8)
        #expect(bytes == expected, "block \(blockSize), \(String(describing: wanted)) lines")
        #expect(copied.lines == count && copied.bytes == expected.count)
        if let wanted {
          #expect(Data(SiteCopy.prefix(Array(text.utf8), lines: wanted)) == expected)
        }
      }
    }
  }
}
