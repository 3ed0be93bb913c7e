extension CheckReport {
  /// GitHub Actions workflow commands, one per finding
  /// (`::error file=events/hmcts.jsonl,line=12,title=append-only::message`), then the summary
  /// line as plain log text. Messages and properties are escaped as the runner expects, and
  /// control characters are shown as `\u{1B}`, as on a terminal (the runner's log is one).
  /// - Parameters:
  ///   - folder: the ledger folder's path from the repository root.
  ///   - out: where the annotations are written.
  public func renderGitHub(folder: String, into out: inout some TextOutputStream) {
    for finding in findings {
      var properties: [String] = []
      if let file = finding.file {
        properties.append(
          "file=" + Self.gitHubProperty(Format.terminalSafe(Self.path(folder, file))))
      }
      if let line = finding.line { properties.append("line=\(line)") }
      if let column = finding.column { properties.append("col=\(column)") }
      properties.append("title=" + Self.gitHubProperty(finding.rule))
      let command = finding.severity == .error ? "error" : "warning"
      out.write(
        "::\(command) \(properties.joined(separator: ","))::"
          + Self.gitHubData(Format.terminalSafeLines(finding.message)) + "\n")
    }
    out.write(summary(folder: folder) + "\n")
  }

  /// A workflow command's message: `%`, `\r` and `\n` escaped.
  static func gitHubData(_ text: String) -> String {
    var out = ""
    for character in text.unicodeScalars {
      switch character {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }

  /// A workflow command's property value: as a message, and `:` and `,` escaped too.
  static func gitHubProperty(_ text: String) -> String {
    gitHubData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
