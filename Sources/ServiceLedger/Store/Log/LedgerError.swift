/// Why reading or appending to the ledger failed.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The ledger folder does not exist.
  case noLedger(path: String)
  /// A file could not be read or written.
  case io(path: String, reason: String)
  /// `--file` names something that is not a `NAME.jsonl` file directly in the folder.
  case invalidFileName(String)
  /// The log has lines that break its rules; nothing can be appended until they are fixed.
  case invalidLog(folder: String, problems: [LedgerProblem])
  /// A settings file of the ledger folder (`roles.json`, `people.json`) cannot be used;
  /// `path` may end in `:line:column`.
  case invalidConfiguration(path: String, reason: String)
  /// Input to append was rejected (at input `line`, 0 when there is only one); the log is
  /// unchanged.
  case rejected(source: String, line: Int, reason: String)

  /// What went wrong, with every path and name escaped (`Format.userText`): a folder's
  /// name is anyone's bytes, a newline in it must not start a line of its own, and a
  /// backquote in it must not pair with those around a command the message suggests.
  public var description: String {
    switch self {
    case .noLedger(let path):
      return
        "no ledger at \(Format.userText(path)): create one with `ledger init --ledger \(Format.shellPath(path))` "
        + "or name another with --ledger DIR (or LEDGER_DIR)"
    case .io(let path, let reason):
      return "\(Format.userText(path)): \(reason)"
    case .invalidConfiguration(let path, let reason):
      return "\(Format.userText(path)): \(reason)"
    case .invalidFileName(let name):
      return
        "\(Format.userText(name)) is not a ledger file name: use NAME.jsonl (letters, digits, '.', '_', '-')"
    case .invalidLog(let folder, let problems):
      let listed = problems.prefix(10).map { "\(Format.userText(folder))/\($0.description)" }
      let more = problems.count > 10 ? ["… and \(problems.count - 10) more"] : []
      let torn = problems.contains { $0.rule == .tornLine }
      let advice =
        torn
        ? "a write was cut off; run `ledger repair` to move the fragment aside, then try again"
        : "run `ledger check` for every problem; a line already in the log cannot be mended by "
          + "new events: restore the file as it was (from git or a backup), then try again"
      return (["the ledger has \(problems.count) invalid line(s):"] + listed + more + [advice])
        .joined(separator: "\n")
    case .rejected(let source, let line, let reason):
      let source = Format.userText(source)
      let place = line > 0 ? "\(source):\(line): " : source.isEmpty ? "" : source + ": "
      return "\(place)\(reason)\nnothing was written"
    }
  }

  /// An I/O error with `outcome` (what the failed step left, or what to do) on a line after
  /// its reason; any other error as it is.
  func adding(_ outcome: String) -> LedgerError {
    guard case .io(let path, let reason) = self else { return self }
    return .io(path: path, reason: reason + "\n" + outcome)
  }
}
