import Foundation
import Testing

@testable import ServiceLedger

/// The clean check ledger (Fixtures/check/clean: an exemplar live and meeting every rule as of
/// 2015-09-30, and a small service in alpha) and variants of it that break one rule each.
struct CheckFixture {
  /// The date the clean ledger passes every rule at (the 18-point standard is in force).
  static let asOf = date("2015-09-30")
  static let folder = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/check/clean"

  /// Lines of each file, without their `\n`.
  var files: [String: [String]]
  /// Files whose last line has no `\n` (a torn write).
  var torn: Set<String> = []

  /// The clean ledger.
  static func clean() throws -> CheckFixture {
    var files: [String: [String]] = [:]
    for name in ["services.jsonl", "strategy.jsonl"] {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      files[name] = text.split(separator: "\n").map(String.init)
    }
    return CheckFixture(files: files)
  }

  /// Without line `line` (1-based) of `file`.
  func dropping(_ file: String, _ line: Int) -> CheckFixture {
    var copy = self
    copy.files[file]?.remove(at: line - 1)
    return copy
  }

  /// With `lines` added at the end of `file`.
  func appending(_ file: String, _ lines: String...) -> CheckFixture {
    var copy = self
    copy.files[file, default: []] += lines
    return copy
  }

  /// With line `line` of `file` replaced by `text`.
  func replacing(_ file: String, _ line: Int, with text: String) -> CheckFixture {
    var copy = self
    copy.files[file]?[line - 1] = text
    return copy
  }

  /// With lines `first` and `second` of `file` swapped.
  func swapping(_ file: String, _ first: Int, _ second: Int) -> CheckFixture {
    var copy = self
    copy.files[file]?.swapAt(first - 1, second - 1)
    return copy
  }

  /// The file's bytes as written.
  func text(_ file: String) -> String {
    let lines = files[file] ?? []
    return lines.joined(separator: "\n") + (torn.contains(file) || lines.isEmpty ? "" : "\n")
  }

  /// Writes the ledger to a new temporary folder.
  func write() throws -> TemporaryLedger {
    try TemporaryLedger(files: files.keys.reduce(into: [:]) { $0[$1] = text($1) })
  }

  /// Checks the ledger as of `asOf` with `check`'s other settings.
  func report(_ check: LedgerCheck = LedgerCheck(asOf: asOf), base: CheckFixture? = nil) throws
    -> CheckReport
  {
    let ledger = try write()
    defer { ledger.remove() }
    guard let base else { return try check.run(ledger.folder) }
    let old = try base.write()
    defer { old.remove() }
    return try check.run(ledger.folder, base: LedgerBase(path: old.path))
  }

  /// An event line with a fixed id and time, for variants.
  static func line(
    _ number: Int, _ type: String, _ data: String, at: String = "2015-07-01T12:00:00Z"
  ) -> String {
    let hex = String(number, radix: 16)
    let id = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    return #"{"id":"\#(id)","at":"\#(at)","by":"p-0001","type":"\#(type)","data":\#(data)}"#
  }
}

/// Golden files under Fixtures/golden/check, re-recorded with `RECORD_GOLDEN=1`.
enum CheckGolden {
  static let folder = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/golden/check/"

  /// Expects `actual` to equal the golden file `name`, or records it when `RECORD_GOLDEN=1`.
  static func verify(_ actual: String, _ name: String) throws {
    let path = folder + name
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(actual == expected, "\(name) differs; re-record with RECORD_GOLDEN=1 and read it")
  }
}
