import Foundation
import Testing

@testable import ServiceLedger

@Suite("Importing the Transactions Explorer CSV")
struct TransactionsExplorerImportTests {
  static let csvPath = sourceDataRoot + "/moj-transactions-explorer.csv"

  @Test("the real CSV imports all 26 services, and importing again adds nothing")
  func idempotent() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let first = CLI.run(
      ["import", "transactions-explorer", Self.csvPath, "--file-per-organisation"],
      ledger: ledger.path)
    #expect(first.exitCode == 0, "\(first.stderr)")
    #expect(first.stdout.contains("26 service(s) registered, 867 volume report(s)"))
    let files = try ledger.folder.fileNames()
    #expect(files == ["cica.jsonl", "hmcts.jsonl", "laa.jsonl", "noms.jsonl", "opg.jsonl"])
    let before = files.map { ledger.bytes($0) }
    let second = CLI.run(
      ["import", "transactions-explorer", Self.csvPath, "--file-per-organisation"],
      ledger: ledger.path,
      now: "2015-04-02T09:00:00Z")
    #expect(second.exitCode == 0)
    #expect(second.stdout.contains("0 service(s) registered, 0 volume report(s)"))
    #expect(files.map { ledger.bytes($0) } == before)
  }

  @Test("a 2014-Q2 rolling-12-month row covers 2013-04-01 to 2014-03-31, with its source")
  func windows() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    _ = CLI.run(["import", "transactions-explorer", Self.csvPath], ledger: ledger.path)
    let read = try ledger.folder.readValid()
    let report = read.events.compactMap { event -> VolumeReported? in
      guard case .volumeReported(let p) = event.event,
        p.service == service("moj-prison-visit-booking"),
        p.label == "2014-Q2 rolling 12 months"
      else { return nil }
      return p
    }.first
    #expect(report?.from == date("2013-04-01"))
    #expect(report?.to == date("2014-03-31"))
    #expect(report?.total == 1_320_121)
    #expect(report?.digital == 2756)
    #expect(report?.source?.contains("alphagov/spotlight assets/data/services.csv") == true)
  }

  @Test("a changed figure for the same period is appended as a restatement")
  func restatement() throws {
    let header = TransactionsExplorerRow.requiredColumns.joined(separator: ",")
    func row(_ volume: String) -> String {
      let values: [String: String] = [
        "source_repo": "r", "source_path": "p", "source_commit": "c", "agency_abbr": "NOMS",
        "service_name": "Prison visits", "slug": "moj-prison-visit-booking",
        "series": "rolling-12-months",
        "period_key": "2013-Q3", "period_start": "2012-07-01", "period_end": "2013-06-30",
        "volume": volume,
      ]
      return TransactionsExplorerRow.requiredColumns.map { values[$0] ?? "" }.joined(separator: ",")
    }
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let csv = ledger.path + "/../te-\(UUID().uuidString).csv"
    try Data((header + "\n" + row("4600000") + "\n").utf8).write(to: URL(fileURLWithPath: csv))
    #expect(CLI.run(["import", "transactions-explorer", csv], ledger: ledger.path).exitCode == 0)
    try Data((header + "\n" + row("1500000") + "\n").utf8).write(to: URL(fileURLWithPath: csv))
    let second = CLI.run(
      ["import", "transactions-explorer", csv], ledger: ledger.path, now: "2015-05-01T00:00:00Z")
    #expect(second.stdout.contains("1 volume report(s) (1 restating earlier figures)"))
    try? FileManager.default.removeItem(atPath: csv)
  }

  @Test("a bad value names the file, line and column")
  func badValue() throws {
    let header = TransactionsExplorerRow.requiredColumns.joined(separator: ",")
    let values = TransactionsExplorerRow.requiredColumns.map { column -> String in
      switch column {
      case "slug": return "s"
      case "agency_abbr": return "OPG"
      case "service_name": return "S"
      case "series": return "quarterly"
      case "period_start": return "2014-01-01"
      case "period_end": return "2014-03-31"
      case "volume": return "lots"
      default: return ""
      }
    }
    let importer = TransactionsExplorerImport(
      at: Timestamp(seconds: 0), by: ActorID(unchecked: "p-1"),
      makeID: { EventID(unchecked: UUID().uuidString.lowercased()) }, files: .single("ledger.jsonl")
    )
    let error = #expect(throws: ImportError.self) {
      try importer.rows(csv: header + "\n" + values.joined(separator: ",") + "\n", name: "te.csv")
    }
    #expect(
      error?.description.hasPrefix("te.csv:2: column volume: \"lots\" is not a whole number")
        == true)
  }

  /// A CSV of one row with `changes` over a valid quarterly row of 100 transactions.
  static func oneRow(_ changes: [String: String], bom: Bool = false) -> String {
    var values: [String: String] = [
      "slug": "s", "agency_abbr": "OPG", "service_name": "S", "series": "quarterly",
      "period_start": "2014-01-01", "period_end": "2014-03-31", "volume": "100",
    ]
    values.merge(changes) { $1 }
    return (bom ? "\u{FEFF}" : "") + TransactionsExplorerRow.requiredColumns.joined(separator: ",")
      + "\n"
      + TransactionsExplorerRow.requiredColumns.map { values[$0] ?? "" }.joined(separator: ",")
      + "\n"
  }

  @Test(
    "figures the ledger refuses are input errors naming the column, not a bug in ledger",
    arguments: [
      (["digital_volume": "150"], "column digital_volume: 150 is more than volume 100"),
      (
        ["cost_per_transaction_gbp": "1e308"],
        "column cost_per_transaction_gbp: \"1e308\" is not a number from 0 to 1000000000"
      ),
      // White space the CSV reader does not trim (no-break and em spaces): the ledger refuses
      // a required text of white space only.
      (
        ["service_name": "\u{A0}\u{2003}"],
        "column service_name: service_name and agency_abbr must not be empty or white space"
      ),
      (
        ["agency_abbr": "\u{A0}"],
        "column agency_abbr: service_name and agency_abbr must not be empty or white space"
      ),
    ])
  func refusedFigures(_ changes: [String: String], _ message: String) throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let csv = ledger.path + "-te.csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    try Data(Self.oneRow(changes).utf8).write(to: URL(fileURLWithPath: csv))
    let run = CLI.run(["import", "transactions-explorer", csv], ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains(":2: " + message), "\(run.stderr)")
    #expect(!run.stderr.contains("bug"), "\(run.stderr)")
  }

  @Test("a refusal by the writer names the CSV line of the row, not the event's position")
  func writerRefusalLine() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let csv = ledger.path + "-te.csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    // Line 2 gives three events (registration, volume, KPIs); line 3's name makes a log line
    // longer than the writer takes.
    let first = Self.oneRow(["cost_per_transaction_gbp": "2.5"])
    let second = Self.oneRow([
      "slug": "t", "service_name": String(repeating: "n", count: 1_100_000),
    ])
    let text = first + String(second.split(separator: "\n")[1]) + "\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
    let run = CLI.run(["import", "transactions-explorer", csv], ledger: ledger.path)
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("-te.csv:3: "), "\(run.stderr.prefix(300))")
  }

  @Test("a category of white space the CSV reader leaves (a no-break space) is left out")
  func blankCategory() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let csv = ledger.path + "-te.csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    try Data(Self.oneRow(["category": "\u{A0}"]).utf8).write(to: URL(fileURLWithPath: csv))
    let run = CLI.run(["import", "transactions-explorer", csv], ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains("1 service(s) registered"))
    let files = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
      .filter { $0.hasSuffix(".jsonl") }
    let log = files.map { String(decoding: ledger.bytes($0), as: UTF8.self) }.joined()
    #expect(log.contains("service.registered"))
    #expect(!log.contains("category"))
  }

  @Test("a CSV saved with a byte order mark (as spreadsheets save UTF-8) imports")
  func byteOrderMark() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let csv = ledger.path + "-te.csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    try Data(Self.oneRow([:], bom: true).utf8).write(to: URL(fileURLWithPath: csv))
    let run = CLI.run(["import", "transactions-explorer", csv], ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains("1 service(s) registered, 1 volume report(s)"))
  }

  /// A spreadsheet that quotes every field puts the byte order mark before the first quote;
  /// that CSV was refused ("a quote inside an unquoted field").
  @Test("a byte order mark before a quoted header imports the same as without it")
  func byteOrderMarkQuotedHeader() throws {
    let quoted = Self.oneRow([:]).split(separator: "\n", maxSplits: 1).enumerated().map {
      $0.offset == 0
        ? $0.element.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",")
        : String($0.element)
    }.joined(separator: "\n")
    #expect(quoted.hasPrefix("\"source_repo\",\"source_path\","))
    var logs: [[String: String]] = []
    for bom in ["", "\u{FEFF}"] {
      let ledger = try TemporaryLedger()
      defer { ledger.remove() }
      let run = try CSVShapeTests.importCSV(bom + quoted, into: ledger)
      #expect(run.exitCode == 0, "\(run.stderr)")
      #expect(run.stdout.contains("1 service(s) registered, 1 volume report(s)"), "\(run.stdout)")
      let files = try FileManager.default.contentsOfDirectory(atPath: ledger.path)
        .filter { $0.hasSuffix(".jsonl") }
      logs.append(Dictionary(uniqueKeysWithValues: files.map { ($0, ledger.text($0)) }))
    }
    #expect(logs[0] == logs[1])
    #expect(logs[0].values.contains { $0.contains("volume.reported") })
  }

  @Test(
    "the CSV reader skips one byte order mark at the start, before a quote or not, and no other")
  func readerByteOrderMark() throws {
    let plain = try CSVReader.records("\"a\",b\n1,2\n")
    #expect(try CSVReader.records("\u{FEFF}\"a\",b\n1,2\n") == plain)
    #expect(try CSVReader.records("\u{FEFF}a,b\n1,2\n") == plain)
    #expect(try CSVReader.records("\u{FEFF}\u{FEFF}a\n").first?.fields == ["\u{FEFF}a"])
    #expect(try CSVReader.records("a,\u{FEFF}b\n").first?.fields == ["a", "\u{FEFF}b"])
  }
}
