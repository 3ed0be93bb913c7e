/// The lines of a ledger that are not yet in its base: in each file, those after as many lines
/// as the base's copy has. Each is decoded on its own, so that a line out of time order in its
/// file (as a merge leaves a branch's lines after the base's later ones) is still read.
enum NewLines {
  /// The new lines that decode to events, with their locations, and the problems of those
  /// that do not.
  static func events(current: [String: [UInt8]], base: [String: [UInt8]]) -> (
    events: [RecordedEvent], problems: [LedgerProblem]
  ) {
    var events: [RecordedEvent] = []
    var problems: [LedgerProblem] = []
    for (name, bytes) in current {
      let skip = lineCount(base[name] ?? [])
      var start = 0
      var skipped = 0
      while skipped < skip, let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
        start = end + 1
        skipped += 1
      }
      let new = decode(bytes[start...], name: name, firstLine: skipped + 1)
      events += new.events
      problems += new.problems
    }
    return (events, problems)
  }

  /// The complete lines of `tail` (what follows its last `\n` is a torn write, not a line),
  /// each decoded as it stands (not checked for time order against the others), numbered from
  /// `firstLine`.
  static func decode(_ tail: ArraySlice<UInt8>, name: String, firstLine: Int) -> (
    events: [RecordedEvent], problems: [LedgerProblem]
  ) {
    var events: [RecordedEvent] = []
    var problems: [LedgerProblem] = []
    guard let last = tail.lastIndex(of: UInt8(ascii: "\n")) else { return (events, problems) }
    // One decoder memo for them all (a memo for each line was most of a `check --base`
    // before its replay: 40 ms for 1,000 new lines), and no check of time order between them.
    tail[...last].withUnsafeBytes { lines in
      _ = LogFileReader().forEachLine(lines, name: name, firstLine: firstLine) { outcome in
        switch outcome {
        case .event(let event): events.append(event)
        case .problem(let problem): problems.append(problem)
        }
      }
    }
    return (events, problems)
  }

  /// The number of `\n` in `bytes`.
  static func lineCount(_ bytes: [UInt8]) -> Int {
    bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
  }
}
