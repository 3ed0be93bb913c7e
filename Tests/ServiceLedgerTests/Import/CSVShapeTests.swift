import Foundation
import Testing

@testable import ServiceLedger

/// The shape of a Transactions Explorer CSV as files arrive: cut off, with a stray comma, with
/// blank lines, with organisations whose names are not ASCII.
@Suite("Importing a CSV of the wrong shape")
struct CSVShapeTests {
  /// Imports `text` as a CSV into `ledger`, with `options`.
  static func importCSV(
    _ text: String, into ledger: TemporaryLedger, options: [String] = []
  ) throws -> CLIRun {
    let csv = ledger.path + "-te.csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
    return CLI.run(["import", "transactions-explorer", csv] + options, ledger: ledger.path)
  }

  @Test(
    "a row cut off (a download stopped part way) or with a stray comma is refused, naming it",
    // "cut": the last row stops inside its volume, whose "100" would be read as 10.
    arguments: ["cut", "extra"])
  func wrongFieldCount(_ shape: String) throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let whole = TransactionsExplorerImportTests.oneRow([:])
    let row = String(whole.split(separator: "\n")[1])
    let text: String
    if shape == "cut" {
      let volumeEnd = try #require(row.range(of: ",100,"))
      text = whole + row[..<row.index(before: volumeEnd.upperBound)].dropLast()
    } else {
      text = whole + row + ",extra\n"
    }
    let before = ledger.bytes("ledger.jsonl")
    let run = try Self.importCSV(text, into: ledger)
    #expect(run.exitCode == 1, "\(run.stdout)")
    let fields = TransactionsExplorerRow.requiredColumns.count
    #expect(run.stderr.contains("-te.csv:3: "), "\(run.stderr)")
    #expect(run.stderr.contains("where the header has \(fields)"), "\(run.stderr)")
    #expect(run.stderr.contains("nothing was imported"))
    #expect(ledger.bytes("ledger.jsonl") == before)
  }

  @Test("blank lines, and rows of empty fields as spreadsheets save them, are skipped")
  func blankLines() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let whole = TransactionsExplorerImportTests.oneRow([:])
    let empty = String(repeating: ",", count: TransactionsExplorerRow.requiredColumns.count - 1)
    let text = whole.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n" + empty + "\r\n\n"
    let run = try Self.importCSV(text, into: ledger)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains("1 service(s) registered, 1 volume report(s)"), "\(run.stdout)")
  }

  @Test(
    "--file-per-organisation makes a ledger file name of any organisation",
    arguments: [
      ("Øresund Æble", "-resund--ble.jsonl"),
      (String(repeating: "A", count: 300), String(repeating: "a", count: 64) + ".jsonl"),
    ])
  func organisationFileName(_ organisation: String, _ file: String) throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let text = TransactionsExplorerImportTests.oneRow(["agency_abbr": organisation])
    let run = try Self.importCSV(text, into: ledger, options: ["--file-per-organisation"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(try ledger.folder.fileNames().contains(file))
  }
}
