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

  @Test(
    "text after a closing quote (\"157\"449) is refused, naming the line and field, not read as 157"
  )
  func textAfterClosingQuote() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let text = TransactionsExplorerImportTests.oneRow([:])
      .replacingOccurrences(of: ",100,", with: ",\"157\"449,")
    let before = ledger.bytes("ledger.jsonl")
    let run = try Self.importCSV(text, into: ledger)
    #expect(run.exitCode == 1, "\(run.stdout)")
    let field = try #require(TransactionsExplorerRow.requiredColumns.firstIndex(of: "volume")) + 1
    #expect(run.stderr.contains("-te.csv:2: field \(field): "), "\(run.stderr)")
    #expect(run.stderr.contains("after the closing quote"), "\(run.stderr)")
    #expect(run.stderr.contains("nothing was imported"))
    #expect(ledger.bytes("ledger.jsonl") == before)
    // A quote doubled inside the quotes is the one way to put a quote in a field.
    let quoted = TransactionsExplorerImportTests.oneRow(["service_name": "\"S \"\"one\"\"\""])
    let fine = try Self.importCSV(quoted, into: ledger)
    #expect(fine.exitCode == 0, "\(fine.stderr)")
  }

  @Test("two header columns of one name are refused, naming both, not read as the last")
  func duplicateColumn() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let text = TransactionsExplorerImportTests.oneRow([:])
    let lines = text.split(separator: "\n").map(String.init)
    let doubled = lines[0] + ",volume\n" + lines[1] + ",999\n"
    let before = ledger.bytes("ledger.jsonl")
    let run = try Self.importCSV(doubled, into: ledger)
    #expect(run.exitCode == 1, "\(run.stdout)")
    let first = try #require(TransactionsExplorerRow.requiredColumns.firstIndex(of: "volume")) + 1
    let last = TransactionsExplorerRow.requiredColumns.count + 1
    #expect(
      run.stderr.contains("-te.csv:1: columns \(first) and \(last) are both named volume"),
      "\(run.stderr)")
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
