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
  ///
  /// It reads the message's UTF-8 bytes: lines end at each `\n` byte and backquotes are the
  /// byte 0x60, so that a backquote pairs as the eye sees it whatever follows it (a combining
  /// mark after a backquote does not hide it, nor does a `\r` before a line break join two
  /// lines), and a check's hundreds of findings are named in microseconds each.
  public func naming(_ message: String) -> String {
    guard let ledger else { return message }
    let option = Array((" --ledger " + Format.shellPath(ledger)).utf8)
    let shown =
      ledger.contains("`")
      ? Set([ledger, Format.terminalSafe(ledger), Format.shellPath(ledger)]).map { Array($0.utf8) }
      : []
    var text = message
    return text.withUTF8 { bytes in
      guard Self.firstRange(of: Self.opening, in: bytes[...]) != nil else { return message }
      var named: [UInt8] = []
      named.reserveCapacity(bytes.count + option.count * 4)
      var lineStart = 0
      while lineStart <= bytes.count {
        let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let parts = Self.parts(of: bytes[lineStart..<lineEnd], outside: shown)
        // Odd parts are inside backquotes; the last one is not when its quote is never closed.
        for (index, part) in parts.enumerated() {
          if index > 0 { named.append(UInt8(ascii: "`")) }
          named.append(contentsOf: part)
          let isSpan = index % 2 == 1 && index < parts.count - 1
          if isSpan && suggestsCommand(String(decoding: part, as: UTF8.self)) {
            named.append(contentsOf: option)
          }
        }
        if lineEnd < bytes.count { named.append(UInt8(ascii: "\n")) }
        lineStart = lineEnd + 1
      }
      return String(decoding: named, as: UTF8.self)
    }
  }

  /// The bytes every suggested command's span starts with.
  private static let opening = Array("`ledger ".utf8)

  /// `line` split at its backquotes, but for those inside any occurrence of `texts`.
  private static func parts(
    of line: UnsafeBufferPointer<UInt8>.SubSequence, outside texts: [[UInt8]]
  ) -> [UnsafeBufferPointer<UInt8>.SubSequence] {
    var hidden: [Range<Int>] = []
    for text in texts where !text.isEmpty {
      var from = line.startIndex
      while let found = firstRange(of: text, in: line[from...]) {
        hidden.append(found)
        from = found.lowerBound + 1
      }
    }
    var parts: [UnsafeBufferPointer<UInt8>.SubSequence] = []
    var start = line.startIndex
    for index in line.indices
    where line[index] == UInt8(ascii: "`") && !hidden.contains(where: { $0.contains(index) }) {
      parts.append(line[start..<index])
      start = index + 1
    }
    parts.append(line[start...])
    return parts
  }

  /// Where `pattern` first occurs in `bytes`, or nil.
  private static func firstRange(
    of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>.SubSequence
  ) -> Range<Int>? {
    guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
    var index = bytes.startIndex
    let last = bytes.endIndex - pattern.count
    while index <= last {
      guard let candidate = bytes[index...last].firstIndex(of: first) else { return nil }
      if bytes[candidate..<candidate + pattern.count].elementsEqual(pattern) {
        return candidate..<candidate + pattern.count
      }
      index = candidate + 1
    }
    return nil
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
