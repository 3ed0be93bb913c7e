import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// A command that output asks the user to run acts on the ledger the user is working on: copied
/// from `ledger check --ledger L` (or from an error about `L`) and run as it is, it writes into
/// `L`, not into the default ledger or `$LEDGER_DIR`.
@Suite("Suggested commands name the ledger")
struct SuggestedCommandTests {
  /// A copy of the illustrative ledger in a folder whose name has a space (so the suggested
  /// `--ledger` must be quoted), and a decoy ledger that `LEDGER_DIR` points to, standing for
  /// the default ledger a command without `--ledger` would write to.
  struct Ledgers {
    let path: String
    let decoy: TemporaryLedger

    init() throws {
      path = NSTemporaryDirectory() + "my ledger " + UUID().uuidString.lowercased()
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: packageRoot + "/examples/illustrative/ledger.jsonl",
        toPath: path + "/ledger.jsonl")
      decoy = try TemporaryLedger(files: ["ledger.jsonl": ""])
    }

    func text() -> String {
      (try? String(contentsOfFile: path + "/ledger.jsonl", encoding: .utf8)) ?? ""
    }

    func remove() {
      try? FileManager.default.removeItem(atPath: path)
      decoy.remove()
    }
  }

  /// Every backquoted `ledger …` command in `text`.
  static func commands(in text: String) -> [String] {
    text.matches(of: #/`(ledger [^`]*)`/#).map { String($0.output.1) }
  }

  /// The words of `command` after `ledger`, placeholders filled in, as a shell would give them.
  static func words(_ command: String) throws -> [String] {
    let filled = command.replacingOccurrences(of: "YYYY-MM-DD", with: "2014-05-01")
    return Array(try ShellWords.split(filled).dropFirst())
  }

  @Test(
    "a check of a named ledger suggests commands that name it, quoted, in every format",
    arguments: ["text", "json", "github", "junit"])
  func everyFormat(format: String) throws {
    let ledgers = try Ledgers()
    defer { ledgers.remove() }
    let run = CLI.run(
      ["check", "--ledger", ledgers.path, "--as-of", "2015-03-31", "--format", format],
      ledger: ledgers.decoy.path)
    #expect(run.exitCode == 1, "\(run.stderr)")
    let commands = Self.commands(in: run.stdout)
    // The assessment and assisted-digital findings of example-claims, at least (JUnit gives
    // each failure's message twice).
    #expect(commands.count >= 2, "\(run.stdout)")
    for command in commands {
      #expect(command.hasSuffix(" --ledger '\(ledgers.path)'"), "\(command)")
    }
  }

  @Test("a command copied from a check's finding records into the ledger checked")
  func copiedCommandWritesThere() throws {
    let ledgers = try Ledgers()
    defer { ledgers.remove() }
    // As in a shell whose LEDGER_DIR names another ledger: --ledger is what was checked.
    let check = CLI.run(
      ["check", "--ledger", ledgers.path, "--as-of", "2015-03-31", "--rule", "assisted-digital"],
      ledger: ledgers.decoy.path)
    let command = try #require(Self.commands(in: check.stdout).first, "\(check.stdout)")
    #expect(
      command
        == "ledger record assisted-digital.provided service=example-claims "
        + "routes=phone,face-to-face on=YYYY-MM-DD --ledger '\(ledgers.path)'")

    let before = ledgers.text()
    let record = CLI.run(try Self.words(command), ledger: ledgers.decoy.path)
    #expect(record.exitCode == 0, "\(record.stderr)")
    let line = before.filter { $0 == "\n" }.count + 1
    #expect(record.stdout.hasSuffix(" at \(ledgers.path)/ledger.jsonl:\(line)\n"))
    #expect(ledgers.text().hasPrefix(before) && ledgers.text().count > before.count)
    #expect(ledgers.decoy.text("ledger.jsonl").isEmpty)
    let again = CLI.run(
      ["check", "--ledger", ledgers.path, "--as-of", "2015-03-31", "--rule", "assisted-digital"])
    #expect(again.exitCode == 0, "\(again.stdout)")
  }

  @Test("a ledger named by LEDGER_DIR is named in the suggestion, so it works in any shell")
  func ledgerDirIsNamed() throws {
    let ledgers = try Ledgers()
    defer { ledgers.remove() }
    let check = CLI.run(
      ["check", "--as-of", "2015-03-31", "--rule", "assessment"], ledger: ledgers.path)
    let command = try #require(Self.commands(in: check.stdout).first, "\(check.stdout)")
    #expect(command.hasSuffix(" assessor=department --ledger '\(ledgers.path)'"))
    // Run where LEDGER_DIR is something else: it still lands in the ledger checked.
    let record = CLI.run(try Self.words(command), ledger: ledgers.decoy.path)
    #expect(record.exitCode == 0, "\(record.stderr)")
    #expect(record.stdout.contains(" at \(ledgers.path)/ledger.jsonl:"))
    #expect(ledgers.decoy.text("ledger.jsonl").isEmpty)
  }

  @Test("the default ledger is not named, and the suggestion run as shown writes into it")
  func defaultLedger() throws {
    let work = NSTemporaryDirectory() + "ledger-default-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(
      atPath: work + "/events", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    try FileManager.default.copyItem(
      atPath: packageRoot + "/examples/illustrative/ledger.jsonl",
      toPath: work + "/events/ledger.jsonl")
    var environment = ProcessInfo.processInfo.environment
    environment["LEDGER_DIR"] = nil
    environment["LEDGER_ACTOR"] = "p-0001"
    let check = try Binary.run(
      ["check", "--as-of", "2015-03-31", "--rule", "assisted-digital"], in: work,
      environment: environment)
    #expect(check.status == 1, "\(check.stderr)")
    let command = try #require(Self.commands(in: check.stdout).first, "\(check.stdout)")
    #expect(!check.stdout.contains("--ledger"))
    #expect(
      command
        == "ledger record assisted-digital.provided service=example-claims "
        + "routes=phone,face-to-face on=YYYY-MM-DD")
    let record = try Binary.run(try Self.words(command), in: work, environment: environment)
    #expect(record.status == 0, "\(record.stderr)")
    #expect(record.stdout.contains(" at events/ledger.jsonl:"))
  }

  @Test("a refusal's suggested repair names the ledger, and run as shown repairs that ledger")
  func refusalSuggestion() throws {
    let ledgers = try Ledgers()
    defer { ledgers.remove() }
    let torn = ledgers.text() + #"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2014-"#
    try Data(torn.utf8).write(to: URL(fileURLWithPath: ledgers.path + "/ledger.jsonl"))
    let refused = CLI.run(
      ["record", "phase.entered", "service=example-visits", "phase=live", "on=2014-06-01"],
      ledger: ledgers.path)
    #expect(refused.exitCode == 1)
    let repair = try #require(Self.commands(in: refused.stderr).first, "\(refused.stderr)")
    #expect(repair == "ledger repair --ledger '\(ledgers.path)'")
    let run = CLI.run(try Self.words(repair), ledger: ledgers.decoy.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("\(ledgers.path)/ledger.jsonl:"))
    let recorded = CLI.run(
      ["record", "phase.entered", "service=example-visits", "phase=live", "on=2014-06-01"],
      ledger: ledgers.path)
    #expect(recorded.exitCode == 0, "\(recorded.stderr)")
  }
}

/// The rewrite itself: which spans are commands to name the ledger in, and which are left.
@Suite("SuggestedCommands")
struct SuggestedCommandsTests {
  static let named = SuggestedCommands(
    ledger: "my ledger", commands: ["record", "repair", "check", "init", "append"])

  @Test("the default ledger leaves every message as it is")
  func defaultLedger() {
    let message = "run `ledger repair`, then `ledger check`"
    #expect(SuggestedCommands(ledger: nil, commands: ["repair"]).naming(message) == message)
  }

  @Test(
    "each command span gets --ledger at its end; other text and other spans are left",
    arguments: [
      (
        "run `ledger repair` to move it aside",
        "run `ledger repair --ledger 'my ledger'` to move it aside"
      ),
      (
        "record it with `ledger record x.y a=b --file f.jsonl` (or not); `ledger check` lists all",
        "record it with `ledger record x.y a=b --file f.jsonl --ledger 'my ledger'` (or not); "
          + "`ledger check --ledger 'my ledger'` lists all"
      ),
      ("not a span: ledger record x.y", "not a span: ledger record x.y"),
      ("run `ledger help check` for usage", "run `ledger help check` for usage"),
      (
        "`ledger record x.y --help` lists the fields", "`ledger record x.y --help` lists the fields"
      ),
      ("use `ledger init --ledger other`", "use `ledger init --ledger other`"),
      ("use `ledger append --history --ledger=NEW`", "use `ledger append --history --ledger=NEW`"),
      (
        "`at` and `ledger.jsonl` and `ledgers repair`",
        "`at` and `ledger.jsonl` and `ledgers repair`"
      ),
      ("an open quote `ledger repair", "an open quote `ledger repair"),
      (
        "a stray ` here\nrun `ledger repair`",
        "a stray ` here\nrun `ledger repair --ledger 'my ledger'`"
      ),
      // A backquote is the byte the eye sees: a combining mark after it does not hide it (as
      // a character it would be one with the mark), and a `\r` before a line break does not
      // join two lines, so a stray quote before it cannot pair with one after.
      (
        "run `ledger repair`\u{301} then `ledger check`",
        "run `ledger repair --ledger 'my ledger'`\u{301} then `ledger check --ledger 'my ledger'`"
      ),
      (
        "a stray ` here\r\nrun `ledger repair`",
        "a stray ` here\r\nrun `ledger repair --ledger 'my ledger'`"
      ),
      ("é `ledger repair` ü\n", "é `ledger repair --ledger 'my ledger'` ü\n"),
      ("", ""),
    ])
  func rewrite(message: String, expected: String) {
    #expect(Self.named.naming(message) == expected)
  }

  @Test("the path is quoted for the shell, and one starting with - cannot read as an option")
  func quoting() {
    let plain = SuggestedCommands(ledger: "../ledgers/moj-2012", commands: ["repair"])
    #expect(plain.naming("`ledger repair`") == "`ledger repair --ledger ../ledgers/moj-2012`")
    let dash = SuggestedCommands(ledger: "-events", commands: ["repair"])
    #expect(dash.naming("`ledger repair`") == "`ledger repair --ledger ./-events`")
    let quote = SuggestedCommands(ledger: "it's", commands: ["repair"])
    #expect(quote.naming("`ledger repair`") == #"`ledger repair --ledger 'it'\''s'`"#)
  }

  @Test("a path with control characters is named in $'…', which a shell reads back as the path")
  func controlCharacters() throws {
    let path = "nl\nx\u{1B}[31m\u{202E}it's\\ \u{1F600}"
    let named = SuggestedCommands(ledger: path, commands: ["repair"]).naming("`ledger repair`")
    #expect(named == #"`ledger repair --ledger $'nl\nx\x1B[31m\u202Eit\'s\\ \#u{1F600}'`"#)
    // Nothing in it can drive a terminal, and the span stays on one line.
    #expect(Format.terminalSafe(named) == named)
    // Bash (as zsh and ksh) reads the word back as the path itself.
    let word = String(named.dropFirst("`ledger repair --ledger ".count).dropLast())
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/bash")
    shell.arguments = ["-c", "printf %s " + word]
    shell.environment = ["LC_ALL": "C.UTF-8"]
    let pipe = Pipe()
    shell.standardOutput = pipe
    try shell.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    shell.waitUntilExit()
    #expect(String(decoding: data, as: UTF8.self) == path)
  }

  @Test("the commands named are exactly those that take --ledger")
  func ledgerCommands() {
    #expect(
      LedgerCLI.ledgerCommands.isSuperset(of: ["record", "append", "repair", "check", "log"]))
    #expect(!LedgerCLI.ledgerCommands.contains("help"))
  }
}
