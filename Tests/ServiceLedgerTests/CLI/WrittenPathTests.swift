import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// The line that says where `ledger site` and `ledger report` wrote shows the path escaped, as
/// errors do: a name with an escape or a newline in it never drives the terminal.
@Suite("Where output was written")
struct WrittenPathTests {
  static let name = "out\u{1B}]0;title\u{7}\nx"

  @Test("ledger site and ledger report say where they wrote on one terminal-safe line")
  func terminalSafe() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    try FileManager.default.copyItem(
      atPath: packageRoot + "/examples/illustrative/ledger.jsonl",
      toPath: ledger.path + "/ledger.jsonl")
    let out = ledger.path + "-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let site = CLI.run(
      ["site", "--as-of", "2015-03-31", "--out", out + "/" + Self.name], ledger: ledger.path)
    let report = CLI.run(
      ["report", "--quarter", "2015-Q1", "--out", out + "/" + Self.name + ".md"],
      ledger: ledger.path)
    for run in [site, report] {
      #expect(run.exitCode == 0, "\(run.stderr)")
      #expect(run.stdout.hasPrefix("wrote the "), "\(run.stdout)")
      #expect(Format.terminalSafeLines(run.stdout) == run.stdout, "\(run.stdout)")
      #expect(run.stdout.filter { $0 == "\n" }.count == 1, "\(run.stdout)")
    }
    #expect(site.stdout.contains(Format.terminalSafe(Self.name) + "/index.html"))
  }

  @Test("an output file that cannot be made is named on one terminal-safe error line")
  func failureTerminalSafe() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    try FileManager.default.copyItem(
      atPath: packageRoot + "/examples/illustrative/ledger.jsonl",
      toPath: ledger.path + "/ledger.jsonl")
    // A folder that is not there: the temporary file beside the output cannot be created.
    let out = ledger.path + "-" + UUID().uuidString.lowercased() + "/" + Self.name + "/r.md"
    let run = CLI.run(["report", "--quarter", "2015-Q1", "--out", out], ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("cannot create"), "\(run.stderr)")
    #expect(Format.terminalSafeLines(run.stderr) == run.stderr, "\(run.stderr)")
    #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
  }
}
