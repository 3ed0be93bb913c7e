import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#endif

/// Input that must never crash or hang a command: counts at and past the documented maximum,
/// sums past the integer limit, endless standard input.
@Suite("Counts and input without limits")
struct HostileInputTests {
  static let registration =
    #"{"id":"00000000-0000-4000-8000-000000000001","at":"2015-01-01T00:00:00Z","by":"p-1","#
    + #""type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#

  /// A volume report line with `fields` after `total`.
  static func report(_ id: Int, total: String, _ extra: String = "", from: String = "2014-01-01")
    -> String
  {
    let hex = String(id, radix: 16)
    return #"{"id":"00000000-0000-4000-8000-"# + String(repeating: "0", count: 12 - hex.count)
      + hex + #"","at":"2015-01-02T00:00:00Z","by":"p-1","type":"volume.reported","#
      + #""data":{"service":"a","from":""# + from + #"","to":"2014-01-31","total":"# + total
      + extra + "}}"
  }

  static let tooLarge: [(field: String, line: String)] = [
    ("data.total", report(2, total: "1000000000001")),
    ("data.total", report(2, total: "12700000000000000")),
    ("data.total", report(2, total: "9223372036854775807")),
    ("data.total", report(2, total: "99999999999999999999")),
    ("data.digital", report(2, total: "5", #","digital":1000000000001"#)),
    (
      "data.digital",
      report(
        2, total: "5", #","digital":9000000000000000000,"assisted":9000000000000000000"#)
    ),
    ("data.other", report(2, total: "5", #","other":9223372036854775807"#)),
  ]

  @Test("a count over the maximum in a file is an invalid line for every decoder, not a crash")
  func overMaximumInFile() throws {
    for (field, line) in Self.tooLarge {
      let ledger = try TemporaryLedger(
        files: ["ledger.jsonl": Self.registration + "\n" + line + "\n"])
      defer { ledger.remove() }
      for path in [DecodingPath.fast, .standard] {
        var reader = LogFileReader()
        reader.path = path
        let read = try ledger.folder.read(reader: reader)
        #expect(read.events.count == 1)
        #expect(read.problems.count == 1)
        let message = read.problems.first?.message ?? ""
        #expect(message.hasPrefix(field) && message.contains("largest count"), "\(message)")
      }
      for command in [
        ["priorities", "--as-of", "2015-01-01"], ["channel-shift", "--as-of", "2015-01-01"],
        ["assisted-digital", "--as-of", "2015-01-01"], ["log"], ["services"],
        ["report", "--quarter", "2015-Q1"],
      ] {
        #expect(CLI.run(command, ledger: ledger.path).exitCode == 0, "\(command)")
      }
      let check = CLI.run(["check", "--as-of", "2015-01-01"], ledger: ledger.path)
      #expect(check.stdout.contains("invalid-value"))
      #expect(CLI.run(["repair"], ledger: ledger.path).exitCode == 0)
    }
  }

  @Test("record and import refuse a count over the maximum, and take the maximum itself")
  func recordAndImport() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": Self.registration + "\n"])
    defer { ledger.remove() }
    for (field, value) in [
      ("total", "1000000000001"), ("total", "12700000000000000"), ("digital", "1000000000001"),
    ] {
      let run = CLI.run(
        [
          "record", "volume.reported", "service=a", "from=2014-01-01", "to=2014-01-31",
          "total=\(field == "total" ? value : "5")",
        ] + (field == "total" ? [] : ["\(field)=\(value)"]), ledger: ledger.path)
      #expect(run.exitCode == 1)
      #expect(run.stderr.contains("data.\(field): \(value) is more than the largest count"))
    }
    let maximum = CLI.run(
      [
        "record", "volume.reported", "service=a", "from=2014-01-01", "to=2014-01-31",
        "total=1000000000000", "digital=1000000000000",
      ], ledger: ledger.path)
    #expect(maximum.exitCode == 0, "\(maximum.stderr)")
    let values: [String: String] = [
      "agency_abbr": "OPG", "service_name": "B", "slug": "b", "series": "rolling-12-months",
      "period_key": "2014", "period_start": "2014-01-01", "period_end": "2014-12-31",
      "volume": "12700000000000000",
    ]
    let csv = ledger.path + "-te.csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    try Data(
      (TransactionsExplorerRow.requiredColumns.joined(separator: ",") + "\n"
        + TransactionsExplorerRow.requiredColumns.map { values[$0] ?? "" }.joined(separator: ",")
        + "\n").utf8
    ).write(to: URL(fileURLWithPath: csv))
    let imported = CLI.run(["import", "transactions-explorer", csv], ledger: ledger.path)
    #expect(imported.exitCode == 1)
    #expect(imported.stderr.contains("largest count"), "\(imported.stderr)")
  }

  @Test("views over thousands of reports at the maximum stop at the limit, never trap")
  func sumsPastTheLimit() throws {
    var lines = [Self.registration]
    // Periods of one to three days through the year (distinct, so none restates another),
    // leaving ten days out so that the year is annualised: the scaled sums pass 2^63.
    var id = 2
    for day in 0..<365 where !(100..<110).contains(day) {
      let from = CivilDate(dayNumber: date("2014-01-01").dayNumber + day).description
      for length in [0, 1, 2] where day + length < 365 && !(100..<110).contains(day + length) {
        let to = CivilDate(dayNumber: date("2014-01-01").dayNumber + day + length).description
        let hex = String(id, radix: 16)
        id += 1
        lines.append(
          #"{"id":"00000000-0000-4000-8000-"# + String(repeating: "0", count: 12 - hex.count)
            + hex + #"","at":"2015-01-02T00:00:00Z","by":"p-1","type":"volume.reported","#
            + #""data":{"service":"a","from":""# + from + #"","to":""# + to
            + #"","total":1000000000000,"digital":1,"assisted":999999999999}}"#)
      }
    }
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": lines.joined(separator: "\n") + "\n"])
    defer { ledger.remove() }
    for command in [
      ["priorities", "--as-of", "2015-01-01"], ["channel-shift", "--as-of", "2015-01-01"],
      ["assisted-digital", "--as-of", "2015-01-01"], ["report", "--quarter", "2015-Q1"],
      ["check", "--as-of", "2015-01-01"],
    ] {
      let run = CLI.run(command, ledger: ledger.path)
      #expect(run.exitCode == 0 || command[0] == "check", "\(command): \(run.stderr)")
    }
  }

  @Test("saturating arithmetic: exact below the limit, the limit above it")
  func saturating() {
    for (sum, days) in [(0, 1), (1, 2), (5, 3), (1_000_000, 90), (123_456_789, 364)] {
      #expect(Int.scaled(sum, by: 365, over: days) == (2 * sum * 365 + days) / (2 * days))
    }
    #expect(Int.scaled(Int.max / 2, by: 365, over: 1) == Int.max)
    #expect(Int.scaled(1 << 60, by: 365, over: 730) == 1 << 59)
    #expect([Int.max, 1, 2].saturatingSum == Int.max)
    #expect([Int.min, -1].saturatingSum == Int.min)
  }

  @Test("endless input is refused with a clear error: /dev/zero, and one line past 1 MiB")
  func endlessInput() throws {
    #expect {
      try BoundedInput.read(path: "/dev/zero", lineLimit: LogFileReader.maximumLineLength)
    } throws: { error in
      "\(error)".contains("/dev/zero:1: line is longer than the 1 MiB limit")
    }
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Spawn.binary)
    process.arguments = ["append", "--ledger", ledger.path, "--by", "p-1"]
    process.standardInput = FileHandle(forReadingAtPath: "/dev/zero")
    process.standardOutput = FileHandle.nullDevice
    let err = Pipe()
    process.standardError = err
    try process.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(text.contains("stdin:1: line is longer than the 1 MiB limit"), "\(text)")
  }
}

/// Control characters from user text never reach the terminal raw.
@Suite("Control characters in output")
struct ControlCharacterTests {
  @Test("CSV, tables and error messages show ESC, CR and line breaks escaped")
  func escaped() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let appended = CLI.run(
      ["append"], ledger: ledger.path,
      input:
        #"{"type":"service.registered","data":{"service":"a","name":"A\u001b[31mRED\r\nX\u0007","organisation":"OPG"}}"#
        + "\n")
    #expect(appended.exitCode == 0, "\(appended.stderr)")
    func raw(_ text: String) -> Bool {
      // The CSV's own line ends are "\r\n"; anything else below 0x20 but "\n" is raw.
      text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.contains {
        $0.value < 0x20 && $0 != "\n"
      }
    }
    for format in ["csv", "table", "markdown", "json"] {
      let run = CLI.run(["services", "--format", format], ledger: ledger.path)
      #expect(!raw(run.stdout), "\(format): \(run.stdout.debugDescription)")
      #expect(run.stdout.split(separator: "\n").count <= 8, "\(format)")
    }
    let csv = CLI.run(["services", "--format", "csv"], ledger: ledger.path).stdout
    #expect(csv.contains(#"A\u{1B}[31mRED\u{D}\u{A}X\u{7}"#), "\(csv.debugDescription)")
    let error = CLI.run(
      ["record", "phase.entered", "service=a", "phase=\u{1B}[2J", "on=2015-01-01"],
      ledger: ledger.path)
    #expect(error.exitCode == 1)
    #expect(!raw(error.stderr) && error.stderr.contains(#"\u{1B}[2J"#), "\(error.stderr)")
  }
}
