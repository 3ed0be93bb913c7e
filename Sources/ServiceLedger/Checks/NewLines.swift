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
  /// each decoded on its own, numbered from `firstLine`.
  static func decode(_ tail: ArraySlice<UInt8>, name: String, firstLine: Int) -> (
    events: [RecordedEvent], problems: [LedgerProblem]
  ) {
    let reader = LogFileReader()
    var events: [RecordedEvent] = []
    var problems: [LedgerProblem] = []
    var number = firstLine - 1
    var start = tail.startIndex
    while let end = tail[start...].firstIndex(of: UInt8(ascii: "\n")) {
      number += 1
      let read = reader.read(Array(tail[start...end]), name: name)
      if var event = read.events.first {
        event.location = EventLocation(file: name, line: number)
        events.append(event)
      } else if var problem = read.problems.first {
        problem.line = number
        problems.append(problem)
      }
      start = end + 1
    }
    return (events, problems)
  }

  /// The number of `\n` in `bytes`.
  static func lineCount(_ bytes: [UInt8]) -> Int {
    bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
  }
}
