import Foundation
import Testing

/// What `ledger append` says about its own input.
@Suite("ledger append input")
struct AppendInputTests {
  static let id = "11111111-1111-4111-8111-111111111111"

  /// Two registrations that share `id`.
  static let twice =
    #"{"id":"\#(id)","type":"service.registered","data":{"service":"a","name":"A","organisation":"O"}}"#
    + "\n"
    + #"{"id":"\#(id)","type":"service.registered","data":{"service":"b","name":"B","organisation":"O"}}"#
    + "\n"

  @Test("an id given twice in one input names both lines, not 'already in the ledger'")
  func idTwiceInInput() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let run = CLI.run(["append"], ledger: ledger.path, input: Self.twice)
    #expect(run.exitCode == 1)
    #expect(
      run.stderr.contains("stdin:2: id: \(Self.id) is also the id of line 1 of stdin"),
      "\(run.stderr)")
    #expect(run.stderr.contains("leave id out to have one made"), "\(run.stderr)")
    #expect(!run.stderr.contains("already in the ledger"), "\(run.stderr)")
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
  }

  @Test("`ledger append -` calls standard input stdin, as without the dash")
  func dashIsStdin() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let run = CLI.run(["append", "-"], ledger: ledger.path, input: "[1]\n")
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("stdin:1: a line must be a JSON object"), "\(run.stderr)")
  }
}
