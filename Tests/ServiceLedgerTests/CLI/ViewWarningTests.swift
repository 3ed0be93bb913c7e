import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// What a view says on stderr about a ledger it could not read in full.
@Suite("View warnings")
struct ViewWarningTests {
  @Test("a view's warning about a ledger whose path has control characters is terminal-safe")
  func warningIsTerminalSafe() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let path = ledger.path + "/a\nb\u{1B}]0;title\u{7}"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try Data(#"{"id":"#.utf8).write(to: URL(fileURLWithPath: path + "/ledger.jsonl"))
    let run = CLI.run(["services", "--as-of", "2015-03-31"], ledger: path)
    #expect(run.stderr.contains("ledger: warning: 1 invalid line(s) in "), "\(run.stderr)")
    #expect(Format.terminalSafeLines(run.stderr) == run.stderr, "\(run.stderr)")
    #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
  }
}
