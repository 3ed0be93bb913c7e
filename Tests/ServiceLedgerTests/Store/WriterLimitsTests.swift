import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// What the writer refuses so that every line it writes reads back: over-long lines and
/// input that is not UTF-8.
@Suite("Writer limits")
struct WriterLimitsTests {
  @Test("an event whose line would pass 1 MiB is refused, though its input line did not")
  func overLongLine() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let head =
      #"{"type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG","description":""#
    let tail = #""}}"#
    let filler = String(
      repeating: "x", count: LogFileReader.maximumLineLength - head.utf8.count - tail.utf8.count)
    let input = head + filler + tail
    #expect(input.utf8.count == LogFileReader.maximumLineLength)
    let run = CLI.run(["append"], ledger: ledger.path, input: input + "\n")
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("longer than the 1 MiB limit"), "\(run.stderr)")
    #expect(run.stderr.contains("nothing was written"))
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
    let over = CLI.run(["append"], ledger: ledger.path, input: input + "xx\n")
    #expect(over.stderr.contains("stdin:1: line is longer than the 1 MiB limit"))
  }

  @Test("a refusal after blank input lines names the input line at fault, not its position")
  func lineAfterBlankLines() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    func organisation(_ slug: String, at: String? = nil) -> String {
      (at.map { #"{"at":"\#($0)","# } ?? "{")
        + #""type":"organisation.registered","data":{"organisation":"\#(slug)","name":"N","#
        + #""kind":"ministry"}}"#
    }
    // Blank lines are skipped: the second event is on input line 5, not the 2nd line.
    let repeated = CLI.run(
      ["append"], ledger: ledger.path,
      input: "\n\n" + organisation("b") + "\n\n" + organisation("b"))
    #expect(repeated.stderr.contains("stdin:5: data.organisation: organisation b is already"))
    let early = CLI.run(
      ["append"], ledger: ledger.path,
      input: "\n" + organisation("c") + "\n\n\n" + organisation("d", at: "2015-01-01T00:00:00Z"))
    #expect(
      early.stderr.contains("stdin:5: at 2015-01-01T00:00:00Z is not later"), "\(early.stderr)")
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
  }

  @Test("input that is not UTF-8 is refused, not silently replaced")
  func invalidUTF8Input() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    var bytes = Array(
      #"{"type":"service.registered","data":{"service":"a","name":"Caf"#.utf8)
    let column = bytes.count + 1
    bytes += [0xE9]  // "é" in Latin-1
    bytes += Array(#"","organisation":"OPG"}}"#.utf8)
    let input = bytes
    let out = Capture()
    let err = Capture()
    let context = CommandContext(
      environment: ["LEDGER_DIR": ledger.path, "LEDGER_ACTOR": "p-1", "LEDGER_NOW": "2015-01-01"],
      clock: { Timestamp(seconds: Int(Date().timeIntervalSince1970)) },
      makeID: { EventID(unchecked: "00000000-0000-4000-8000-000000000001") },
      readInput: { input }, write: { out.text += $0 }, writeError: { err.text += $0 })
    #expect(LedgerCLI.run(["append"], context: context) == 1)
    #expect(err.text.contains("stdin:1:\(column): invalid UTF-8"), "\(err.text)")
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
  }
}
