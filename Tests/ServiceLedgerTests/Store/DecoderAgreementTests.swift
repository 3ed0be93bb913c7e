import Foundation
import Testing

@testable import ServiceLedger

/// The fast decoder refuses every duplicate key the strict one refuses, whatever the values;
/// `check` and the writers read with it whatever `LEDGER_DECODER` says.
@Suite("Decoders agree on duplicate keys")
struct DecoderAgreementTests {
  static let head = #"{"id":"00000000-0000-4000-8000-0000000000"#
  static func line(_ id: Int, _ envelope: String, _ data: String) -> String {
    head + String(format: "%02d", id)
      + #"","at":"2015-01-01T00:00:\#(String(format: "%02d", id))Z","by":"p-1","#
      + envelope + #""data":"# + data + "}"
  }

  static let lines = [
    line(1, #""type":"service.registered","#, #"{"service":"a","name":"A","organisation":"OPG"}"#),
    line(
      2, #""type":"component.adopted","v":1,"v":1,"#,
      #"{"service":"a","component":"x","on":"2015-01-01"}"#),
    line(
      3, #""v":1,"type":"component.adopted","v":1,"#,
      #"{"service":"a","component":"y","on":"2015-01-01"}"#),
    line(
      4, #""type":"component.adopted","type":"component.adopted","#,
      #"{"service":"a","component":"z","on":"2015-01-01"}"#),
    line(
      5, #""type":"component.adopted","#,
      #"{"service":"a","component":"w","on":"2015-01-01","on":"2015-01-01"}"#),
    line(
      6, #""type":"volume.reported","v":1,"v":1,"#,
      #"{"service":"a","from":"2014-01-01","to":"2014-01-31","total":5}"#),
    line(
      7, #""type":"volume.reported","#,
      #"{"service":"a","from":"2014-01-01","to":"2014-01-31","total":5,"total":5}"#),
    line(
      8, #""type":"component.adopted","v":1,"#,
      #"{"service":"a","component":"ok","on":"2015-01-01"}"#),
  ]

  @Test("fast and standard read the same events and the same problems")
  func agree() throws {
    let ledger = try TemporaryLedger(files: [
      "ledger.jsonl": Self.lines.joined(separator: "\n") + "\n"
    ])
    defer { ledger.remove() }
    var results: [(events: [String], problems: [Int])] = []
    for path in [DecodingPath.fast, .standard] {
      var reader = LogFileReader()
      reader.path = path
      let read = try ledger.folder.read(reader: reader)
      results.append((read.events.map(\.id.rawValue), read.problems.map(\.line)))
    }
    #expect(results[0].events == results[1].events)
    #expect(results[0].problems == results[1].problems)
    #expect(results[0].problems == [2, 3, 4, 5, 6, 7])
  }

  @Test("check reads with the fast decoder even when LEDGER_DECODER names the baseline")
  func checkIgnoresBaseline() throws {
    let ledger = try TemporaryLedger(files: [
      "ledger.jsonl": Self.lines.joined(separator: "\n") + "\n"
    ])
    defer { ledger.remove() }
    let check = CLI.run(
      ["check", "--as-of", "2015-02-01", "--rule", "invalid-value"], ledger: ledger.path,
      environment: ["LEDGER_DECODER": "foundation"])
    #expect(check.stdout.contains("6 error(s)"), "\(check.stdout)")
  }
}
