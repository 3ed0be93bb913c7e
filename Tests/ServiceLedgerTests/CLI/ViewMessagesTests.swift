import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// What the views say when the answer is empty or the question is wrong, and how wide they are.
@Suite("View messages: no command, unknown service, --known-at too early, terminal width")
struct ViewMessagesTests {
  static let events = packageRoot + "/events"
  static let views = [
    "services", "priorities", "channel-shift", "assisted-digital", "managers", "exemplars",
    "actions", "log",
  ]

  @Test("`ledger` with no arguments prints the help on stderr and exits 64")
  func noArguments() {
    let run = CLI.run([])
    #expect(run.exitCode == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("Usage: ledger <command> [options]"))
    #expect(run.stderr.contains("  services "))
  }

  @Test("log --service with a service no event is about fails and suggests near ones")
  func unknownService() {
    let typo = CLI.run(["log", "--service", "moj-prison-visits"], ledger: Self.events)
    #expect(typo.exitCode == 1)
    #expect(typo.stdout.isEmpty)
    #expect(
      typo.stderr
        == "ledger log: error: no service \"moj-prison-visits\" in \(Self.events) (no event is "
        + "about it); did you mean moj-prison-visit-booking?\n")
    // A part of the id, or of the service's name, finds it too.
    let part = CLI.run(["log", "--service", "attorney"], ledger: Self.events)
    #expect(part.exitCode == 1)
    #expect(part.stderr.contains("moj-lasting-power-of-attorney-applications"))
    #expect(part.stderr.contains("moj-enduring-powers-of-attorney-applications"))
    let far = CLI.run(["log", "--service", "zzz"], ledger: Self.events)
    #expect(far.exitCode == 1)
    #expect(far.stderr.contains("`ledger services --ledger \(Self.events)` lists the services"))
    let known = CLI.run(
      ["log", "--service", "moj-prison-visit-booking", "--format", "json"], ledger: Self.events)
    #expect(known.exitCode == 0 && known.stderr.isEmpty)
  }

  @Test("--known-at before the first event says that is why nothing shows", arguments: views)
  func knownAtTooEarly(view: String) throws {
    let cause = "nothing in \(Self.events) had been recorded by --known-at 2020-01-01: its first "
    let table = CLI.run([view, "--known-at", "2020-01-01"], ledger: Self.events)
    #expect(table.exitCode == 0)
    #expect(table.stdout.replacingOccurrences(of: "\n", with: " ").hasPrefix(cause), "\(view)")
    #expect(table.stdout.contains("2026-11-21T09:00:00Z"))
    let json = CLI.run([view, "--known-at", "2020-01-01", "--format", "json"], ledger: Self.events)
    #expect(json.exitCode == 0)
    _ = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
    #expect(json.stderr.hasPrefix("ledger: warning: " + cause), "\(view): \(json.stderr)")
    // Once something is known, the usual empty notes or rows come back.
    let later = CLI.run([view, "--known-at", "2026-11-21"], ledger: Self.events)
    #expect(!later.stdout.contains("had been recorded by --known-at"))
  }

  @Test("on a terminal, COLUMNS or the terminal's width; piped, full width whatever COLUMNS says")
  func width() {
    func widest(_ run: CLIRun) -> Int {
      run.stdout.split(separator: "\n").map { Format.displayWidth($0) }.max() ?? 0
    }
    let arguments = ["services", "--as-of", "2015-03-31"]
    let piped = CLI.run(arguments, ledger: Self.events, environment: ["COLUMNS": "60"])
    #expect(widest(piped) > 100)
    let terminal = CLI.run(arguments, ledger: Self.events, terminal: OutputTerminal(columns: 72))
    #expect((60...72).contains(widest(terminal)))
    let columns = CLI.run(
      arguments, ledger: Self.events, environment: ["COLUMNS": "60"],
      terminal: OutputTerminal(columns: 120))
    #expect((52...60).contains(widest(columns)))
    let unknown = CLI.run(arguments, ledger: Self.events, terminal: OutputTerminal(columns: nil))
    #expect((70...80).contains(widest(unknown)))
  }

  static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  @Test(
    "the built binary reads its terminal's width (TIOCGWINSZ) and COLUMNS; piped, full width",
    .enabled(if: hasScript))
  func terminalEndToEnd() throws {
    func widest(_ text: String) -> Int {
      text.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        .map { Format.displayWidth($0) }.max() ?? 0
    }
    let ledger = ["services", "--ledger", Self.events, "--as-of", "2015-03-31"]
    let command = ([Binary.path] + ledger).joined(separator: " ")
    // `script` gives the binary a terminal; `stty` sets its width.
    let tty = try Binary.shell("stty cols 64; \(command)", underTerminal: true)
    #expect(widest(tty) <= 64 && widest(tty) > 50, "\(tty)")
    let columns = try Binary.shell("stty cols 200; COLUMNS=70 \(command)", underTerminal: true)
    #expect(widest(columns) <= 70 && widest(columns) > 50, "\(columns)")
    let piped = try Binary.shell("stty cols 64; \(command) | cat", underTerminal: true)
    #expect(widest(piped) > 100)
  }
}

extension Binary {
  /// Runs `command` with `sh`, under a pseudo-terminal made by `script` when asked; returns
  /// what it printed.
  static func shell(_ command: String, underTerminal: Bool) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: underTerminal ? "/usr/bin/script" : "/bin/sh")
    process.arguments = underTerminal ? ["-qec", command, "/dev/null"] : ["-c", command]
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = nil
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
