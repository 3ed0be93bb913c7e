extension Format {
  /// Characters a POSIX shell reads as themselves in a word, anywhere in it.
  private static let shellPlain = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-")

  /// `word` as one word of a POSIX shell command line: as it is when every character reads as
  /// itself (`events`, `../ledgers/moj-2012`), else in single quotes, a quote inside written
  /// `'\''` (`'my ledger'`, `'~/l'`, `'it'\''s'`); an empty word is `''`.
  public static func shellQuoted(_ word: String) -> String {
    if !word.isEmpty, word.allSatisfy({ shellPlain.contains($0) }) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  /// `path` as a file argument of a shell command: `shellQuoted`, and `./` before a path that
  /// begins with `-`, which a command would take for its options (`./-events`).
  public static func shellPath(_ path: String) -> String {
    shellQuoted(path.hasPrefix("-") ? "./" + path : path)
  }
}
