import Foundation
import Testing

/// Figures a valid log can hold but no view can show whole (a unit cost of a billion pounds,
/// the most there is, times a trillion transactions; a target of 1e-300 measured at 1e300)
/// show as the integer limit: every view still runs to the end with valid output, never
/// stopping on a conversion trap. A unit cost past the maximum is refused.
@Suite("Huge figures (built binary)")
struct HugeFiguresTests {
  static let lines = [
    #"{"id":"00000000-0000-4000-8000-000000000001","at":"2015-01-01T00:00:00Z","by":"p-1","type":"organisation.registered","data":{"organisation":"org-a","name":"A","kind":"municipality"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000002","at":"2015-01-01T00:00:01Z","by":"p-1","type":"plan.registered","data":{"plan":"p1","title":"P","organisation":"org-a","form":"plan"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000003","at":"2015-01-01T00:00:02Z","by":"p-1","type":"item.defined","data":{"plan":"p1","item":"I","kind":"section","title":"T"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000004","at":"2015-01-01T00:00:03Z","by":"p-1","type":"target.set","data":{"plan":"p1","item":"I","unit":"x","value":1e-300}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000005","at":"2015-01-01T00:00:04Z","by":"p-1","type":"target.measured","data":{"plan":"p1","item":"I","value":1e+300,"on":"2014-06-01"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000006","at":"2015-01-01T00:00:05Z","by":"p-1","type":"service.registered","data":{"service":"s1","name":"S","organisation":"O"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000007","at":"2015-01-01T00:00:06Z","by":"p-1","type":"volume.reported","data":{"service":"s1","from":"2014-01-01","to":"2014-12-31","total":1000000000000,"digital":10,"phone":999999999990}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000008","at":"2015-01-01T00:00:07Z","by":"p-1","type":"kpi.reported","data":{"service":"s1","from":"2014-01-01","to":"2014-12-31","costPerTransaction":1000000000}}"#,
  ]

  static let views: [[String]] = [
    ["channel-shift", "--format", "table"], ["channel-shift", "--format", "json"],
    ["channel-shift", "--format", "csv"], ["report", "--format", "markdown"],
    ["report", "--format", "json"], ["report", "--format", "html"],
    ["plan", "p1", "--format", "table"], ["plan", "p1", "--format", "json"],
  ]

  @Test("every view of costs and targets beyond the integer range runs to the end")
  func viewsRun() throws {
    let ledger = try TemporaryLedger(files: [
      "ledger.jsonl": Self.lines.joined(separator: "\n") + "\n"
    ])
    defer { ledger.remove() }
    let environment = ["LEDGER_DIR": ledger.path, "LEDGER_NOW": "2015-04-01T00:00:00Z"]
    for view in Self.views {
      let result = try Binary.run(view + ["--as-of", "2015-01-01"], environment: environment)
      #expect(result.status == 0, "\(view): \(result.stderr.prefix(300))")
      #expect(!result.stderr.contains("Fatal error"), "\(view)")
      if view.contains("json") {
        #expect(
          (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil,
          "\(view): \(result.stdout.prefix(300))")
      }
    }
    let channels = try Binary.run(
      ["channel-shift", "--as-of", "2015-01-01"], environment: environment)
    #expect(channels.stdout.contains("£9,223,372,036,854,775,807"))
  }

  @Test("a unit cost over a billion pounds is refused by record and is an invalid line")
  func poundsOverMaximum() throws {
    let lines = Self.lines.prefix(7).joined(separator: "\n") + "\n"
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": lines])
    defer { ledger.remove() }
    for value in ["1000000001", "1e308"] {
      let run = CLI.run(
        [
          "record", "kpi.reported", "service=s1", "from=2014-01-01", "to=2014-12-31",
          "costPerTransaction=\(value)",
        ], ledger: ledger.path)
      #expect(run.exitCode == 1)
      #expect(
        run.stderr.contains("data.costPerTransaction: \(value) must be between 0 and 1000000000"),
        "\(run.stderr)")
      let costs = CLI.run(
        ["record", "costs.set", "on=2014-01-01", "source=x", "phone=\(value)"],
        ledger: ledger.path)
      #expect(costs.exitCode == 1)
      #expect(costs.stderr.contains("data.phone: \(value) must be between 0 and 1000000000"))
    }
    try ledger.write(
      "ledger.jsonl",
      lines + Self.lines[7].replacingOccurrences(of: "1000000000}", with: "1e308}") + "\n")
    let check = CLI.run(["check", "--as-of", "2015-01-01"], ledger: ledger.path)
    #expect(
      check.stdout.contains("invalid-value: data.costPerTransaction: 1e308 must be between"),
      "\(check.stdout)")
  }
}
