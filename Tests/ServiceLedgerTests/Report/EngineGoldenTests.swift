import Foundation
import Testing

@testable import ServiceLedger

/// Every command that replays the log, on a generated ledger long enough for the volume
/// history to be pruned and on the illustrative ledger, compared with golden files recorded
/// before the commands shared one streaming replay: the replay may change, not a byte of what
/// it prints. Each is run cold (no replay cache), then warm (the cache the first run left),
/// and both must match. `RECORD_GOLDEN=1` writes the files afresh.
@Suite("One replay engine: every command's output matches its golden file, cold and warm")
struct EngineGoldenTests {
  static let folder = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/golden/engine/"
  static let isRecording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

  /// A generated ledger of 12,000 events over 20 services (about 50 years of monthly
  /// reports, restatements and retractions), made once per test in a fresh folder.
  static func generated() throws -> String {
    let path = NSTemporaryDirectory() + "ledger-engine-" + UUID().uuidString.lowercased()
    let run = CLI.run(
      ["generate", "--ledger", path, "--services", "20", "--events", "12000", "--seed", "3"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    return path
  }

  /// The commands, each with the options after `--ledger`.
  static let commands: [(name: String, arguments: [String])] = [
    ("priorities", ["priorities", "--format", "json"]),
    ("services", ["services", "--format", "json"]),
    ("channel-shift", ["channel-shift", "--format", "json"]),
    ("channel-shift-table", ["channel-shift"]),
    ("assisted-digital", ["assisted-digital", "--format", "json"]),
    ("managers", ["managers", "--format", "json"]),
    ("exemplars", ["exemplars", "--format", "json"]),
    ("actions", ["actions", "--format", "json"]),
    ("report-json", ["report", "--format", "json"]),
    ("report-markdown", ["report", "--format", "markdown"]),
    ("report-html", ["report", "--format", "html"]),
  ]

  /// The ledgers and dates: (golden file prefix, ledger, options giving the date).
  static let ledgers: [(prefix: String, ledger: String, date: [String])] = [
    ("generated-2025-12-31", "", ["--as-of", "2025-12-31"]),
    ("generated-1999-06-30", "", ["--as-of", "1999-06-30"]),
    (
      "generated-known-at", "",
      ["--as-of", "2025-12-31", "--known-at", "2012-01-01T02:00:00Z"]
    ),
    ("illustrative-2015-03-31", "examples/illustrative", ["--as-of", "2015-03-31"]),
  ]

  @Test("each command matches its golden file, cold and warm", arguments: ledgers)
  func golden(prefix: String, ledger: String, date: [String]) throws {
    let path = ledger.isEmpty ? try Self.generated() : try Self.copy(packageRoot + "/" + ledger)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var commands = Self.commands
    if ledger.isEmpty {
      commands.append(("log-service", ["log", "--service", "svc-0003", "--format", "json"]))
    }
    for (name, arguments) in commands {
      let file = Self.folder + prefix + "." + name
      var outputs: [String] = []
      for _ in 0..<2 {
        let run = CLI.run(arguments + date, ledger: path)
        #expect(run.exitCode == 0, "\(name): \(run.stderr)")
        // The report's reproduce command names the ledger, here a fresh temporary folder.
        outputs.append(run.stdout.replacingOccurrences(of: path, with: "LEDGER"))
      }
      #expect(outputs[0] == outputs[1], "\(name) \(prefix): warm output differs from cold")
      if Self.isRecording {
        try Data(outputs[0].utf8).write(to: URL(fileURLWithPath: file))
        continue
      }
      let expected = try String(contentsOfFile: file, encoding: .utf8)
      #expect(outputs[0] == expected, "\(file) differs; RECORD_GOLDEN=1 swift test re-records it")
    }
  }

  /// A copy of `folder` in a fresh temporary folder, so that its replay cache is its own.
  static func copy(_ folder: String) throws -> String {
    let path = NSTemporaryDirectory() + "ledger-engine-" + UUID().uuidString.lowercased()
    try FileManager.default.copyItem(atPath: folder, toPath: path)
    for name in [".ledger-cache", ".ledger-cache-validator"] {
      try? FileManager.default.removeItem(atPath: path + "/" + name)
    }
    return path
  }
}
