extension Format {
  /// Characters a POSIX shell reads as themselves in a word, anywhere in it.
  private static let shellPlain = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-")

  /// `word` as one word of a POSIX shell command line: as it is when every character reads as
  /// itself (`events`, `../ledgers/moj-2012`), else in single quotes, a quote inside written
  /// `'\''` (`'my ledger'`, `'~/l'`, `'it'\''s'`); an empty word is `''`. A word with a control
  /// or format character (a newline, an escape, a right-to-left mark) is written `$'…'` with
  /// those characters as escapes (`$'a\nb'`, `$'\x1B[31m'`, `$'\u202E'`), which bash, zsh and
  /// ksh read back as the word: single quotes would hold the raw characters, which a terminal
  /// acts on and a line-by-line copy breaks.
  public static func shellQuoted(_ word: String) -> String {
    if !word.isEmpty, word.allSatisfy({ shellPlain.contains($0) }) { return word }
    if word.unicodeScalars.contains(where: isControl) { return dollarQuoted(word) }
    return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  /// `word` in `$'…'`: a backslash, a quote and every control or format character escaped,
  /// the hexadecimal escapes at their full width so that no digit after one is read into it.
  private static func dollarQuoted(_ word: String) -> String {
    var out = "$'"
    for scalar in word.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case _ where !isControl(scalar): out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x80: out += "\\x" + hex(scalar.value, width: 2, uppercase: true)
      case _ where scalar.value <= 0xFFFF:
        out += "\\u" + hex(scalar.value, width: 4, uppercase: true)
      default: out += "\\U" + hex(scalar.value, width: 8, uppercase: true)
      }
    }
    return out + "'"
  }

  /// `path` as a file argument of a shell command: `shellQuoted`, and `./` before a path that
  /// begins with `-`, which a command would take for its options (`./-events`).
  public static func shellPath(_ path: String) -> String {
    shellQuoted(path.hasPrefix("-") ? "./" + path : path)
  }
}
