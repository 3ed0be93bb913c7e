import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// A ledger path is the user's text: a backquoted `` `ledger …` `` in a folder's name is never
/// taken for a command a message suggests, and never stops a suggestion after it from naming the
/// ledger. Messages show it with its backquotes written `\u{60}` (`Format.userText`); where a
/// line shows it as given, `SuggestedCommands` pairs no backquote inside it.
@Suite("A ledger path with backquotes")
struct BackquotedPathTests {
  static let path = "my `ledger repair` ledger"

  @Test("the path is shown as it is, and only the author's command gets --ledger")
  func pathIsLeftAlone() {
    let named = SuggestedCommands(ledger: Self.path, commands: ["repair", "check"])
    let option = " --ledger 'my `ledger repair` ledger'"
    let message =
      "ledger: warning: 1 invalid line(s) in \(Self.path) left out, first \(Self.path)/a.jsonl:2: "
      + "torn; run `ledger check` for all"
    #expect(
      named.naming(message)
        == "ledger: warning: 1 invalid line(s) in \(Self.path) left out, first "
        + "\(Self.path)/a.jsonl:2: torn; run `ledger check\(option)` for all")
  }

  @Test(
    "one backquote in the path, as given, escaped or shell-quoted, does not unpair the spans",
    arguments: [
      ("it`s", "it`s"), ("it`s\n", "it`s\\u{A}"), ("it`s\n", "$'it`s\\n'"), ("-a`b", "./-a`b"),
    ])
  func oneBackquote(path: String, shown: String) {
    let named = SuggestedCommands(ledger: path, commands: ["repair", "check"])
    let option = " --ledger " + Format.shellPath(path)
    #expect(
      named.naming("no ledger at \(shown): run `ledger repair`, then `ledger check`")
        == "no ledger at \(shown): run `ledger repair\(option)`, then `ledger check\(option)`")
  }

  @Test("a ledger whose path holds a command: the refusal shows the path and the repair to run")
  func refusalOfTornLedger() throws {
    let root = NSTemporaryDirectory() + "ledger-quotes-" + UUID().uuidString.lowercased()
    let path = root + "/" + Self.path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let decoy = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { decoy.remove() }
    try Data(#"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2014-"#.utf8)
      .write(to: URL(fileURLWithPath: path + "/ledger.jsonl"))
    let record = ["record", "service.registered", "service=a", "name=A", "organisation=OPG"]
    let refused = CLI.run(record + ["--ledger", path], ledger: decoy.path)
    #expect(refused.exitCode == 1)
    let lines = refused.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(refused.stderr)")
    let shown = Format.userText(path)
    #expect(shown.hasSuffix(#"/my \u{60}ledger repair\u{60} ledger"#))
    #expect(lines.dropFirst().first?.hasPrefix(shown + "/ledger.jsonl:1:") == true, "\(lines)")
    let advice = try #require(lines.last)
    let repair = "ledger repair --ledger " + Format.shellPath(path)
    #expect(
      advice == "a write was cut off; run `\(repair)` to move the fragment aside, then try again")
    // Run as shown, from a shell whose LEDGER_DIR names another ledger: it repairs this one.
    let repaired = CLI.run(Array(try ShellWords.split(repair).dropFirst()), ledger: decoy.path)
    #expect(repaired.exitCode == 0, "\(repaired.stderr)")
    #expect(repaired.stdout.hasPrefix(shown + "/ledger.jsonl:1: moved the torn last line"))
    #expect(CLI.run(record + ["--ledger", path], ledger: decoy.path).exitCode == 0)
    #expect(decoy.text("ledger.jsonl").isEmpty)
  }
}
