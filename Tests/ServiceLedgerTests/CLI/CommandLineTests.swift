import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

@Suite("The command line")
struct CommandLineTests {
  @Test(
    "usage errors exit 64 and say what to do",
    arguments: [
      (["frobnicate"], "unknown command \"frobnicate\""),
      (["log", "--colour", "red"], "unknown option --colour"),
      (
        ["services", "--format", "pdf"],
        "has no format \"pdf\"; use one of table, json, csv, markdown"
      ),
      (["services", "--as-of", "2014-02-30"], "--as-of 2014-02-30 is not a real date"),
      (["record"], "record needs an event TYPE"),
      (
        ["record", "phase.entred"],
        "\"phase.entred\" is not an event type; did you mean phase.entered?"
      ),
      (["record", "phase.entered", "phase"], "\"phase\" is not key=value"),
      (["log", "--since"], "--since needs a value"),
      (["log", "--type", "nope"], "--type nope is not an event type; the catalogue has strategy."),
      (["log", "--type", "volume"], "not an event type; did you mean volume.reported?"),
    ])
  func usageErrors(arguments: [String], fragment: String) throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let run = CLI.run(arguments, ledger: ledger.path)
    #expect(run.exitCode == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(fragment), "\(run.stderr)")
    // The help named is the command's own, whatever option or value was wrong.
    if arguments[0] != "frobnicate" {
      #expect(
        run.stderr.hasSuffix("run `ledger help \(arguments[0])` for usage\n"), "\(run.stderr)")
    }
  }

  @Test("a value that starts with a combining mark is still key=value")
  func combiningMarkValue() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    // "=" and U+0301 make one Character: the field is split at the "=" scalar.
    let run = CLI.run(
      [
        "record", "service.registered", "service=s", "name=\u{301}abc", "organisation=OPG",
        "on=2014-01-01", "--by", "p-1",
      ], ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(String(decoding: ledger.bytes("ledger.jsonl"), as: UTF8.self).contains("\u{301}abc"))
  }

  @Test("help is on stdout with exit 0, for ledger and for every command")
  func help() {
    let overview = CLI.run(["help"])
    #expect(overview.exitCode == 0)
    for name in ["init", "record", "append", "import", "log", "services", "check"] {
      #expect(overview.stdout.contains("  " + name + " "))
      let help = CLI.run([name, "--help"])
      #expect(help.exitCode == 0)
      #expect(help.stdout.hasPrefix("ledger " + name))
      #expect(CLI.run(["help", name]).stdout == help.stdout)
    }
  }

  @Test("a missing ledger folder is an error that says how to create one")
  func missingLedger() {
    let run = CLI.run(["services"], ledger: "/nonexistent/ledger")
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("`ledger init --ledger /nonexistent/ledger`"))
  }

  @Test("arguments parse as --name value, --name=value, flags and --")
  func parsing() throws {
    let specs = [OptionSpec.ledger, OptionSpec("flag", value: nil, help: "")]
    let parsed = try ParsedArguments(
      ["a", "--ledger=x", "--flag", "--", "--b"], specs: specs, command: "t")
    #expect(parsed.positionals == ["a", "--b"])
    #expect(parsed.value("ledger") == "x")
    #expect(parsed.flag("flag"))
    #expect(throws: UsageError.self) {
      try ParsedArguments(["--flag=1"], specs: specs, command: "t")
    }
    #expect(throws: UsageError.self) {
      try ParsedArguments(["--ledger", "a", "--ledger", "b"], specs: specs, command: "t")
    }
  }

  @Test("services as of a date before any registration is empty, with a note")
  func emptyView() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    _ = CLI.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG", "on=2014-01-01"],
      ledger: ledger.path)
    let before = CLI.run(["services", "--as-of", "2013-12-31"], ledger: ledger.path)
    #expect(before.exitCode == 0)
    #expect(before.stdout == "no services registered as of 2013-12-31\n")
    let json = CLI.run(
      ["services", "--as-of", "2013-12-31", "--format", "json"], ledger: ledger.path)
    #expect(json.stdout == #"{"asOf":"2013-12-31","services":[]}"# + "\n")
    let after = CLI.run(
      ["services", "--as-of", "2014-01-01", "--format", "csv"], ledger: ledger.path)
    #expect(after.stdout.contains("a,A,OPG,,\r\n"))
  }

  @Test("the built binary runs end to end: exit codes, stdout and stderr")
  func endToEnd() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let env = ["LEDGER_DIR": ledger.path, "LEDGER_ACTOR": "p-9", "PATH": "/usr/bin:/bin"]
    let ok = try Binary.run(
      ["record", "service.registered", "service=a", "name=A", "organisation=OPG"], environment: env)
    #expect(ok.status == 0)
    #expect(ok.stderr.isEmpty)
    let bad = try Binary.run(
      ["record", "phase.entered", "service=a", "phase=betta", "on=2014-01-01"], environment: env)
    #expect(bad.status == 1)
    #expect(bad.stdout.isEmpty)
    #expect(bad.stderr.contains("\"betta\" is not a phase"))
    let piped = try Binary.run(
      ["append"], environment: env,
      input: #"{"type":"phase.entered","data":{"service":"a","phase":"beta","on":"2014-01-01"}}"#
        + "\n")
    #expect(piped.status == 0, "\(piped.stderr)")
    let log = try Binary.run(["log", "--format", "json"], environment: env)
    #expect(log.stdout.contains(#""type":"phase.entered""#))
    #expect(try Binary.run(["nope"], environment: env).status == 64)
  }
}
