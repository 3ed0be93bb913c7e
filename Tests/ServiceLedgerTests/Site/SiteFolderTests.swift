import Foundation
import Testing

@testable import ServiceLedger

/// `ledger site --out` writes only where nothing but a previous site can be lost.
@Suite("Site: writing the folder")
struct SiteFolderTests {
  static let pages = [
    SitePage(path: "index.html", text: "<p>home</p>\n"),
    SitePage(path: "services/a.html", text: "<p>a</p>\n"),
  ]

  /// A scratch folder with a ledger folder in it.
  struct Scratch {
    let root = NSTemporaryDirectory() + "site-test-" + UUID().uuidString.lowercased()
    var ledger: String { root + "/events" }

    init() throws {
      try FileManager.default.createDirectory(
        atPath: root + "/events", withIntermediateDirectories: true)
    }

    func text(_ path: String) -> String? {
      FileManager.default.contents(atPath: root + "/" + path).map {
        String(decoding: $0, as: UTF8.self)
      }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test("a new folder, then a rebuild that replaces the previous site whole")
  func writesAndReplaces() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let out = scratch.root + "/public/site"
    try SiteFolder.write(Self.pages, to: out, ledger: scratch.ledger, suffix: "1")
    #expect(scratch.text("public/site/index.html") == "<p>home</p>\n")
    #expect(scratch.text("public/site/\(SiteFolder.marker)") != nil)
    try SiteFolder.write(
      [SitePage(path: "index.html", text: "new\n")], to: out, ledger: scratch.ledger, suffix: "2")
    #expect(scratch.text("public/site/index.html") == "new\n")
    #expect(scratch.text("public/site/services/a.html") == nil)
    // No temporary or old folder is left beside it.
    let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/public")
    #expect(beside == ["site"])
  }

  @Test("an empty folder is used")
  func emptyFolder() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try FileManager.default.createDirectory(
      atPath: scratch.root + "/out", withIntermediateDirectories: false)
    try SiteFolder.write(Self.pages, to: scratch.root + "/out", ledger: scratch.ledger, suffix: "1")
    #expect(scratch.text("out/services/a.html") == "<p>a</p>\n")
  }

  @Test("a folder with other files, a file, or a place inside the ledger is refused untouched")
  func refuses() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let files = FileManager.default
    try files.createDirectory(atPath: scratch.root + "/mine", withIntermediateDirectories: false)
    try Data("keep\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/mine/notes.txt"))
    try Data("keep\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/file"))
    for (out, reason) in [
      ("mine", "was not written by ledger site"), ("file", "is a file"),
      ("events", "inside the ledger folder"), ("events/site", "inside the ledger folder"),
      ("events/../events/x", "inside the ledger folder"), (".", "holds the ledger folder"),
    ] {
      #expect(throws: SiteError.self) {
        try SiteFolder.write(
          Self.pages, to: scratch.root + "/" + out, ledger: scratch.ledger, suffix: "1")
      }
      do {
        try SiteFolder.write(
          Self.pages, to: scratch.root + "/" + out, ledger: scratch.ledger, suffix: "1")
      } catch {
        #expect("\(error)".contains(reason), "\(out): \(error)")
      }
    }
    #expect(scratch.text("mine/notes.txt") == "keep\n")
    #expect(scratch.text("file") == "keep\n")
    #expect(try files.contentsOfDirectory(atPath: scratch.ledger).isEmpty)
    #expect(
      try files.contentsOfDirectory(atPath: scratch.root).sorted() == ["events", "file", "mine"])
  }

  @Test("ledger site: writes, says where, and asks for --out")
  func command() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    var f = BoardFixture()
    f.register("a")
    f.quarter("a", "2015-01-01", "2015-03-31", total: 100, digital: 10)
    try Data(f.text.utf8).write(to: URL(fileURLWithPath: scratch.ledger + "/ledger.jsonl"))
    let run = CLI.run([
      "site", "--ledger", scratch.ledger, "--as-of", "2015-03-31", "--out", scratch.root + "/site",
    ])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("wrote the site as of 2015-03-31 to \(scratch.root)/site:"))
    #expect(scratch.text("site/services/a.html")?.contains("Service a") == true)
    #expect(scratch.text("site/downloads/ledger/ledger.jsonl") == f.text)
    #expect(scratch.text("site/reports/2015-Q1.html") != nil)
    let missing = CLI.run(["site", "--ledger", scratch.ledger])
    #expect(missing.exitCode == 64)
    #expect(missing.stderr.contains("--out DIR"))
  }

  /// A mistyped year: as of 9999-12-31 the archive would write some 32,000 reports.
  @Test("an archive of more than 1,000 quarters is refused before anything is written")
  func tooManyReports() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    var f = BoardFixture()
    f.register("a", on: "2014-01-01")
    f.quarter("a", "2015-01-01", "2015-03-31", total: 100, digital: 10)
    try Data(f.text.utf8).write(to: URL(fileURLWithPath: scratch.ledger + "/ledger.jsonl"))
    let site = scratch.root + "/site"
    let refused = CLI.run([
      "site", "--ledger", scratch.ledger, "--as-of", "9999-12-31", "--out", site,
    ])
    #expect(refused.exitCode == 1)
    // 2014-Q1 to 9999-Q4: 7,986 years of four quarters; the 1,000th is 2263-Q4.
    #expect(
      refused.stderr.contains(
        "the site's archive would hold 31,944 quarterly board reports (2014-Q1 to 9999-Q4), "
          + "more than the 1,000 it holds at most: check the year of --as-of, or give one up "
          + "to 2263-12-31; nothing was written"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: site))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root) == ["events"])
  }

  @Test("with --known-at, the ledger's files are offered as they were then")
  func knownAtCutsFiles() throws {
    var f = BoardFixture()
    f.register("a", on: "2014-01-01")
    let early = f.quarter("a", "2015-01-01", "2015-03-31", total: 100, digital: 10)
    f.quarter("a", "2015-04-01", "2015-06-30", total: 100, digital: 20)
    let lines = f.text.split(separator: "\n", omittingEmptySubsequences: false)
    let site = Site(
      f.ledger, asOf: date("2015-06-30"), knownAt: early.at,
      files: ["ledger.jsonl": Array(f.text.utf8)])
    let file = try site.pages().first { $0.path == "downloads/ledger/ledger.jsonl" }
    #expect(file?.bytes == Array((lines.prefix(2).joined(separator: "\n") + "\n").utf8))
  }

  @Test(
    "a folder whose name is as long as a name may be is written and rebuilt",
    arguments: [String(repeating: "a", count: 255), String(repeating: "é", count: 127)])
  func longName(name: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let out = scratch.root + "/" + name
    let suffix = "2147483647-0badf00d"
    try SiteFolder.write(Self.pages, to: out, ledger: scratch.ledger, suffix: suffix)
    #expect(scratch.text(name + "/index.html") == "<p>home</p>\n")
    try SiteFolder.write(
      [SitePage(path: "index.html", text: "new\n")], to: out, ledger: scratch.ledger,
      suffix: suffix)
    #expect(scratch.text(name + "/index.html") == "new\n")
    let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.root)
    #expect(Set(beside) == ["events", name])
  }

  @Test("a folder that cannot be made says what to do, and claims no previous site")
  func cannotWrite() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/file"))
    let out = scratch.root + "/file/site"
    do {
      try SiteFolder.write(Self.pages, to: out, ledger: scratch.ledger, suffix: "1")
      Issue.record("wrote a site under a file")
    } catch {
      let message = error.description
      #expect(message.contains(scratch.root + "/file: cannot create the folder"), "\(message)")
      #expect(message.contains("nothing was replaced"), "\(message)")
      #expect(message.contains("give another --out"), "\(message)")
      #expect(!message.contains("previous site"), "\(message)")
    }
    #expect(scratch.text("file") == "mine\n")
  }

  @Test("a site another run put in place first is not replaced, and the message says so")
  func placedMeanwhile() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let out = scratch.root + "/site"
    // This run finds no folder; another puts its site there before this one finishes.
    let writer = try SiteFolder.Writer(out, ledger: scratch.ledger, suffix: "1")
    try writer.write(SitePage(path: "index.html", text: "mine\n"))
    try SiteFolder.write(
      [SitePage(path: "index.html", text: "other\n")], to: out, ledger: scratch.ledger,
      suffix: "2")
    do {
      try writer.finish()
      Issue.record("replaced the other run's site")
    } catch {
      #expect(error.description.contains("another ledger site run"), "\(error.description)")
      #expect(error.description.contains("run ledger site again"), "\(error.description)")
    }
    #expect(scratch.text("site/index.html") == "other\n")
  }

  @Test("the folders a killed run left beside the site are removed; a running one's are kept")
  func killedRunsLeftovers() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let parent = scratch.root + "/public"
    // No process has the largest process id; this one is running.
    let dead = "2147483647-0badf00d"
    let alive = "\(getpid())-0badf00d"
    let names = [
      ".site.site-new-\(dead)", ".site.site-old-\(dead)", ".site.site-new-\(alive)",
      ".other.site-new-\(dead)",
    ]
    for name in names {
      try FileManager.default.createDirectory(
        atPath: parent + "/" + name, withIntermediateDirectories: true)
      try Data("partial\n".utf8).write(to: URL(fileURLWithPath: parent + "/" + name + "/a.html"))
    }
    try SiteFolder.write(Self.pages, to: parent + "/site", ledger: scratch.ledger, suffix: "3")
    let beside = try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
    #expect(beside == [".other.site-new-\(dead)", ".site.site-new-\(alive)", "site"])
  }
}
