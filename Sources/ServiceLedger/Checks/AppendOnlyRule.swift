/// `append-only`: every line of the base ledger (for example the target branch's copy) is
/// still in the ledger, unchanged and in its place; new lines may only follow the base's last.
///
/// Lines are matched by event id (by their text when they have none), so one removed or
/// inserted line is one finding, not a finding for every line after it.
public enum AppendOnlyRule {
  public static let rule = CheckRule.appendOnly

  /// The finding for a file of the base the ledger lacks, located at the ledger's path of
  /// that name (where a deleted file was). `baseIsFile`: the base was given as that one file,
  /// which may be a copy of one of the ledger's files under another name: the ledger may never
  /// have had a file of that name, so the finding is the ledger's, not a file's.
  static func missing(_ name: String, baseIsFile: Bool = false) -> Finding {
    var message =
      "\(Format.userText(name)) is in the base but not in the ledger: files of the log are "
      + "never deleted or renamed; restore it as it was"
    if baseIsFile {
      message +=
        " (a base given as one file is compared with the ledger's file of the same name: "
        + "if it is a copy of another file of the ledger, give it that file's name)"
    }
    return Finding(
      rule: rule.rawValue, severity: rule.severity, message: message,
      file: baseIsFile ? nil : name)
  }

  /// The findings for one file: its base bytes against its current bytes. A last line the
  /// base holds without its `\n` is a torn write, never part of the log: the ledger may have
  /// it still (the torn-line rule's finding), completed, or moved aside by `ledger repair`.
  public static func findings(file: String, base: [UInt8], current: [UInt8]) -> [Finding] {
    let logEnd = (base.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    let oldLines = BaseLine.lines(base[..<logEnd])
    let newLines = BaseLine.lines(current[...])
    if newLines.count >= oldLines.count && zip(oldLines, newLines).allSatisfy({ $0 == $1 }) {
      return []
    }
    let old = oldLines.map(BaseLine.init)
    let new = newLines.map(BaseLine.init)
    let matching = LineMatching(base: old, current: new)
    var findings: [Finding] = []
    for match in matching.matches {
      let (was, now) = (old[match.base], new[match.current])
      if was.text != now.text {
        let moved = match.inOrder ? "" : ", and moved from line \(match.base + 1)"
        let message =
          "line \(match.current + 1) was changed since the base (\(was.summary): "
          + BaseLine.differences(was, now) + moved + "): lines are never edited; restore it as "
          + "it was and record the correction as a new event (a later report for the same "
          + "period restates one; `event.retracted` withdraws an event)"
        findings.append(finding(message, file, match.current + 1, was))
      } else if !match.inOrder {
        let message =
          "line \(match.current + 1) was line \(match.base + 1) of the base (\(was.summary)): "
          + "lines are never moved; put it back at line \(match.base + 1)"
        findings.append(finding(message, file, match.current + 1, was))
      }
    }
    for range in LineMatching.runs(matching.removed) {
      let first = old[range.lowerBound]
      let lines =
        range.count == 1
        ? "line \(range.lowerBound + 1) of the base (\(first.summary)) was"
        : "lines \(range.lowerBound + 1)\u{2013}\(range.upperBound + 1) of the base "
          + "(\(range.count) lines, from \(first.summary)) were"
      var message =
        "\(lines) removed: lines are never deleted; restore "
        + (range.count == 1 ? "it" : "them") + ", and withdraw an event with a new "
        + "`event.retracted` naming its id"
      if range.upperBound == old.count - 1 {
        // The base's last lines: what a branch made before they were merged lacks.
        message +=
          "; if the branch is behind the base, bring the base's lines in instead (merge or "
          + "rebase on the target branch, its lines before the branch's), then restamp the "
          + "branch's lines (`ledger restamp --base BASE`)"
      }
      findings.append(finding(message, file, range.lowerBound + 1, first))
    }
    // A copy of a base line is one line to remove, wherever it stands.
    let baseLines = Dictionary(old.enumerated().map { ($1.key, $0) }) { first, _ in first }
    let copies = matching.inserted.filter { baseLines[new[$0].key] != nil }
    for index in copies {
      let line = baseLines[new[index].key] ?? 0
      let message =
        "line \(index + 1) is a copy of line \(line + 1) of the base (\(old[line].summary)): "
        + "every event is recorded once; remove it"
      findings.append(finding(message, file, index + 1, old[line]))
    }
    let inserted = matching.inserted.filter { baseLines[new[$0].key] == nil }
    for range in LineMatching.runs(inserted) {
      let lines =
        range.count == 1
        ? "line \(range.lowerBound + 1) is"
        : "lines \(range.lowerBound + 1)"
          + "\u{2013}\(range.upperBound + 1) are"
      let message =
        "\(lines) new but not after the base's last line (\(old.count)): new events are "
        + "appended at the end of the file; move \(range.count == 1 ? "it" : "them") there"
      findings.append(finding(message, file, range.lowerBound + 1, new[range.lowerBound]))
    }
    return findings
  }

  private static func finding(_ message: String, _ file: String, _ line: Int, _ about: BaseLine)
    -> Finding
  {
    Finding(
      rule, service: about.service, message: message, at: EventLocation(file: file, line: line))
  }
}
