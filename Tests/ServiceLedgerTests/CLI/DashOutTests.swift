import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// `--out -` means standard output, as `append -` means standard input: it never writes a file
/// named `-`. A site is a folder, which standard output cannot be, so `site` refuses it.
@Suite("--out -")
struct DashOutTests {
  /// A working folder holding a copy of the illustrative ledger in `ledger/`, removed by
  /// `remove()`; commands run in it, so a file named `-` would land there.
  struct Work {
    let path = NSTemporaryDirectory() + "ledger-dash-" + UUID().uuidString.lowercased()

    init() throws {
      try FileManager.default.createDirectory(
        atPath: path + "/ledger", withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: packageRoot + "/examples/illustrative/ledger.jsonl",
        toPath: path + "/ledger/ledger.jsonl")
    }

    func names() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
  }

  static let environment = ["LEDGER_NOW": "2015-04-01T09:00:00Z", "LEDGER_ACTOR": "p-0001"]

  @Test(
    "report --out - writes the report to stdout, as without --out, and no file",
    arguments: [
      ["--ledger", "ledger", "--format", "markdown"], ["--ledger", "ledger", "--format", "html"],
      ["--ledger", "ledger", "--format", "json"],
      ["--ledger", packageRoot + "/events", "--plan", "moj-2012"],
    ])
  func reportToStdout(options: [String]) throws {
    let work = try Work()
    defer { work.remove() }
    let arguments = ["report", "--quarter", "2015-Q1"] + options
    let plain = try Binary.run(arguments, in: work.path, environment: Self.environment)
    let dash = try Binary.run(
      arguments + ["--out", "-"], in: work.path, environment: Self.environment)
    #expect(plain.status == dash.status, "\(dash.stderr)")
    #expect(dash.stdout == plain.stdout)
    #expect(dash.stderr == plain.stderr)
    #expect(!dash.stdout.hasPrefix("wrote "))
    #expect(try work.names() == ["ledger"])
  }

  @Test("report --help says that --out - is standard output")
  func reportHelp() {
    let help = CLI.run(["report", "--help"]).stdout
    #expect(help.contains("--out FILE"))
    #expect(help.contains("- for standard output"), "\(help)")
  }

  @Test("site --out - is refused with a usage error that says what to give, and writes nothing")
  func siteRefuses() throws {
    let work = try Work()
    defer { work.remove() }
    let run = try Binary.run(
      ["site", "--ledger", "ledger", "--as-of", "2015-03-31", "--out", "-"], in: work.path,
      environment: Self.environment)
    #expect(run.status == LedgerCLI.usage, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("a site is a folder"), "\(run.stderr)")
    #expect(run.stderr.contains("--out ./-"), "\(run.stderr)")
    #expect(try work.names() == ["ledger"])
    // A folder named - is still there to be had, by a name that does not read as stdout.
    let named = try Binary.run(
      ["site", "--ledger", "ledger", "--as-of", "2015-03-31", "--out", "./-"], in: work.path,
      environment: Self.environment)
    #expect(named.status == 0, "\(named.stderr)")
    #expect(try work.names() == ["-", "ledger"])
  }
}
