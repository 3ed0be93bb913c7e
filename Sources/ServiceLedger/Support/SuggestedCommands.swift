/// Names the ledger in the commands a message suggests, so that a command copied from the
/// output of `ledger check --ledger L` (or from an error about `L`) acts on `L`, not on the
/// default ledger.
///
/// Messages are written once, for every ledger: a command the user is asked to run is a
/// backquoted span that starts with `ledger` and a command's name (`` `ledger repair` ``,
/// `` `ledger record event.retracted event=ID --file hmcts.jsonl` ``). Where output is written
/// (the check's findings in every format, a command's errors and warnings), each such span of a
/// command that takes `--ledger` gets `--ledger PATH` at its end, the path shell-quoted. A span
/// that names the ledger already (`--ledger`) or asks for help (`--help`) is left as it is, and
/// so is all text outside backquotes. Backquotes pair within a line, so a stray one in quoted
/// input cannot turn the rest of a message inside out.
///
/// Text the user wrote (a service's name, a value, a file's name, a path) reaches a message
/// through `Format.userText`, which writes a backquote `\u{60}`: every backquote this finds is
/// the author's. The ledger's path is checked here as well, since it is the text this knows:
/// wherever a line shows the path as given, escaped for the terminal or quoted for the shell,
/// its backquotes neither open nor close a span, so a folder named
/// `` my `ledger repair` ledger `` is left as it is and a suggestion after it still names the
/// ledger.
public struct SuggestedCommands: Sendable, Equatable {
  /// The ledger folder as the user gave it, or nil for the default ledger (a command run with
  /// neither `--ledger` nor `LEDGER_DIR` finds it), which is then not named.
  public var ledger: String?
  /// The commands (`record`, `repair`, ...) that take `--ledger`.
  public var commands: Set<String>

  public init(ledger: String?, commands: Set<String>) {
    self.ledger = ledger
    self.commands = commands
  }

  /// `message` with `--ledger PATH` added to each command it suggests; unchanged for the
  /// default ledger.
  public func naming(_ message: String) -> String {
    guard let ledger, message.contains("`ledger ") else { return message }
    let option = " --ledger " + Format.shellPath(ledger)
    let shown =
      ledger.contains("`")
      ? Set([ledger, Format.terminalSafe(ledger), Format.shellPath(ledger)]) : []
    return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let parts = Self.parts(of: line, outside: shown)
      // Odd parts are inside backquotes; the last one is not when its quote is never closed.
      return parts.indices.map { index in
        let part = String(parts[index])
        let isSpan = index % 2 == 1 && index < parts.count - 1
        return isSpan && suggestsCommand(part) ? part + option : part
      }.joined(separator: "`")
    }.joined(separator: "\n")
  }

  /// `line` split at its backquotes, but for those inside any occurrence of `texts`.
  private static func parts(of line: Substring, outside texts: Set<String>) -> [Substring] {
    let hidden = texts.flatMap { line.ranges(of: $0) }
    var parts: [Substring] = []
    var start = line.startIndex
    for index in line.indices
    where line[index] == "`" && !hidden.contains(where: { $0.contains(index) }) {
      parts.append(line[start..<index])
      start = line.index(after: index)
    }
    parts.append(line[start...])
    return parts
  }

  /// Whether a backquoted span is a command to run on the ledger that does not name it yet.
  private func suggestsCommand(_ span: String) -> Bool {
    let words = span.split(separator: " ")
    guard words.count >= 2, words[0] == "ledger", commands.contains(String(words[1])) else {
      return false
    }
    return !words.contains { word in
      word == "--ledger" || word.hasPrefix("--ledger=") || word == "--help" || word == "-h"
    }
  }
}
