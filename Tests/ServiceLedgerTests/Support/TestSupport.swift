import Foundation

@testable import ServiceLedger
@testable import ledger

/// A fresh, empty ledger folder under the temporary directory, removed by `remove()`.
struct TemporaryLedger {
  let path: String
  var folder: LedgerFolder { LedgerFolder(path: path) }

  init(files: [String: String] = [:]) throws {
    path = NSTemporaryDirectory() + "ledger-test-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }
  }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
  }

  func bytes(_ name: String) -> [UInt8] {
    FileManager.default.contents(atPath: path + "/" + name).map { [UInt8]($0) } ?? []
  }

  func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs the CLI in process with fixed time (`LEDGER_NOW`), ids and actor, capturing its output.
/// The machine's clock is the real one: `LEDGER_NOW` may not be ahead of it.
struct CLIRun {
  var exitCode: Int32
  var stdout: String
  var stderr: String
}

extension CLIRun {
  /// The id `ledger record` printed: `recorded TYPE ID at FILE:LINE`.
  var recordedID: String {
    stdout.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
  }
}

final class Capture: @unchecked Sendable {
  var text = ""
}

enum CLI {
  static func run(
    _ arguments: [String], ledger: String? = nil, now: String = "2015-04-01T09:00:00Z",
    input: String = "", environment: [String: String] = [:], terminal: OutputTerminal? = nil
  ) -> CLIRun {
    let out = Capture()
    let err = Capture()
    var env = ["LEDGER_NOW": now, "LEDGER_ACTOR": "p-0001", "LEDGER_SEED": "7"]
    if let ledger { env["LEDGER_DIR"] = ledger }
    env.merge(environment) { $1 }
    var context = CommandContext(
      environment: env, clock: { Timestamp(seconds: Int(Date().timeIntervalSince1970)) },
      makeID: { EventID(unchecked: UUID().uuidString.lowercased()) },
      readInput: { Array(input.utf8) },
      write: { out.text += $0 }, writeError: { err.text += $0 })
    context.terminal = terminal
    let code = LedgerCLI.run(arguments, context: context)
    return CLIRun(exitCode: code, stdout: out.text, stderr: err.text)
  }
}

extension CLI {
  /// Runs `arguments` on `ledger` with ids of their own (`LEDGER_SEED`: each run of a test
  /// gives its own, so that ids do not repeat).
  static func run(_ arguments: [String], _ ledger: TemporaryLedger, seed: Int) -> CLIRun {
    run(arguments, ledger: ledger.path, environment: ["LEDGER_SEED": "\(seed)"])
  }
}

/// Builds events for tests with sequential ids and times.
struct EventFactory {
  private var counter = 0
  var start = Timestamp(seconds: 1_400_000_000)

  mutating func make(_ event: Event, by: String = "p-0001") -> RecordedEvent {
    counter += 1
    let hex = String(counter, radix: 16)
    let id = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    return RecordedEvent(
      id: EventID(unchecked: id), at: Timestamp(seconds: start.seconds + counter),
      by: ActorID(unchecked: by), event: event)
  }
}

func date(_ text: String) -> CivilDate {
  CivilDate(text) ?? CivilDate(dayNumber: 0)
}

func service(_ id: String) -> ServiceID { ServiceID(unchecked: id) }

/// The package root, for the README, `events/` and the built binary.
let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<4 { url.deleteLastPathComponent() }
  return url.path
}()

/// The source data the shipped ledger is built from, in the repository (`sources/data`).
let sourceDataRoot = packageRoot + "/sources/data"

/// A fold that counts the events in force it is given.
struct EventCounter: Fold {
  var count = 0
  var reads: EventReads { .everything }
  mutating func apply(_ event: RecordedEvent) { count += 1 }
}
