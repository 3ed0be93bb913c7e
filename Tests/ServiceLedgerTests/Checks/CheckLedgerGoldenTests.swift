import Foundation
import Testing

@testable import ServiceLedger

/// `ledger check` on whole ledgers, compared with golden files recorded before it streamed the
/// log, and with the rules run on the log read whole.
@Suite("ledger check on the shipped, illustrative and a generated ledger")
struct CheckLedgerGoldenTests {
  /// A small generated ledger in a fresh temporary folder.
  static func generated() throws -> String {
    let path = NSTemporaryDirectory() + "ledger-check-" + UUID().uuidString.lowercased()
    let run = CLI.run(
      ["generate", "--ledger", path, "--services", "20", "--events", "3000", "--seed", "1"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    return path
  }

  @Test(
    "the JSON report matches its golden file",
    arguments: [
      ("events", "2015-03-31", "events-2015-03-31.json"),
      ("examples/illustrative", "2015-03-31", "illustrative-2015-03-31.json"),
      ("", "2026-01-01", "generated-2026-01-01.json"),
    ])
  func golden(ledger: String, asOf: String, file: String) throws {
    let path = ledger.isEmpty ? try Self.generated() : packageRoot + "/" + ledger
    defer { if ledger.isEmpty { try? FileManager.default.removeItem(atPath: path) } }
    let run = CLI.run(["check", "--as-of", asOf, "--format", "json"], ledger: path)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    // The commands the findings suggest name the ledger as given: as CI gives it
    // (`--ledger events`), or LEDGER for the generated one.
    let given = ledger.isEmpty ? "LEDGER" : ledger
    try CheckGolden.verify(run.stdout.replacingOccurrences(of: path, with: given), file)
  }

  @Test("the streamed check finds what the rules find on the log read whole")
  func wholeLog() throws {
    let generated = try Self.generated()
    defer { try? FileManager.default.removeItem(atPath: generated) }
    let cases: [(String, String, Timestamp?)] = [
      (packageRoot + "/events", "2015-03-31", nil),
      (packageRoot + "/events", "2014-06-30", Timestamp("2014-07-01T00:00:00Z")),
      (packageRoot + "/examples/illustrative", "2015-03-31", nil),
      (generated, "2026-01-01", nil), (generated, "2020-01-01", nil),
    ]
    for (path, asOf, knownAt) in cases {
      let folder = LedgerFolder(path: path)
      for rules in [CheckRule.allCases, [.personalData], [.malformed, .overdue]] {
        let check = LedgerCheck(asOf: date(asOf), knownAt: knownAt, rules: rules)
        let streamed = try check.run(folder)
        let ledger = try folder.read()
        var whole = check.report(ledger, appendOnly: nil)
        var extra = try FolderRules.findings(folder, rules: Set(rules))
        if rules.contains(.personalData) {
          extra += PersonalDataRule.findings(
            ledger, names: try PersonalDataRule.displayNames(in: folder))
        }
        whole = CheckReport(
          asOf: whole.asOf, findings: whole.findings + extra,
          rules: whole.rules.filter { $0 != .notAuthorised && $0 != .backdated })
        #expect(streamed.json.serialized() == whole.json.serialized(), "\(path) \(asOf)")
        if rules == CheckRule.allCases, knownAt == nil { #expect(!streamed.findings.isEmpty) }
      }
    }
  }
}
