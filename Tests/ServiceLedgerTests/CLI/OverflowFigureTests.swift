import Foundation
import Testing

@testable import ServiceLedger

/// A figure too large for a `Double` (`1e309`) is called too large, with the limit, by
/// `record` and `append`, never "not a number"; nothing is written.
@Suite("Figures beyond a Double")
struct OverflowFigureTests {
  static let service = ["service=s1", "from=2014-01-01", "to=2014-12-31"]

  @Test(
    "record says the figure is too large and what the most is",
    arguments: [
      (
        ["kpi.reported"] + service + ["costPerTransaction=1e309"],
        "data.costPerTransaction: 1e309 is too large: the most it can be is 1000000000 (a "
          + "billion pounds); check the figure"
      ),
      (
        ["costs.set", "on=2014-01-01", "source=x", "phone=2E+400"],
        "data.phone: 2E+400 is too large: the most it can be is 1000000000 (a billion "
          + "pounds); check the figure"
      ),
      (
        ["volume.reported"] + service + ["total=1e309"],
        "data.total: 1e309 is too large: the most it can be is 1,000,000,000,000 (a "
          + "trillion); check the figure"
      ),
      (
        ["kpi.reported"] + service + ["completionRate=1" + String(repeating: "0", count: 309)],
        "data.completionRate: 1" + String(repeating: "0", count: 309)
          + " is too large: the most it can be is 1; check the figure"
      ),
      (
        ["target.set", "plan=p", "item=I.1", "unit=x", "value=1e309"],
        "data.value: 1e309 is too large: the most it can be is 1.7976931348623157e+308, the "
          + "largest number the ledger can hold; check the figure"
      ),
      (
        ["costs.set", "on=2014-01-01", "source=x", "phone=-1e309"],
        "data.phone: -1e309 is less than 0; give a figure of 0 or more"
      ),
      (
        ["costs.set", "on=2014-01-01", "source=x", "phone=inf"],
        "data.phone: \"inf\" is not a number"
      ),
    ])
  func record(arguments: [String], message: String) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let run = CLI.run(["record"] + arguments, ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr == "ledger record: error: \(message)\nnothing was written\n")
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
  }

  @Test("append names the place and says the figure is too large, with the limit")
  func append() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let line =
      #"{"type":"kpi.reported","data":{"service":"s1","from":"2014-01-01","to":"2014-12-31","#
      + #""costPerTransaction":1e309}}"#
    let run = CLI.run(["append"], ledger: ledger.path, input: line + "\n")
    #expect(run.exitCode == 1)
    #expect(
      run.stderr
        == "ledger append: error: stdin:1:106: number out of range: 1e309 is too large: a number "
        + "can be at most 1.7976931348623157e+308; check the figure\nnothing was written\n")
    let negative = CLI.run(
      ["append"], ledger: ledger.path,
      input: line.replacingOccurrences(of: "1e309", with: "-1" + String(repeating: "9", count: 400))
        + "\n")
    #expect(
      negative.stderr.contains(
        "stdin:1:106: number out of range: -19999999999999999999999… is too far below zero: a "
          + "number can be at least -1.7976931348623157e+308; check the figure"))
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
  }
}
