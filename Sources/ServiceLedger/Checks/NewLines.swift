/// The lines of a ledger that are not yet in its base: in each file, those after as many lines
/// as the base's copy has. Each is decoded on its own, so that a line out of time order in its
/// file (as a merge leaves a branch's lines after the base's later ones) is still read.
enum NewLines {
  /// The new lines that decode to events, with their locations, and the problems of those
  /// that do not.
  static func events(current: [String: [UInt8]], base: [String: [UInt8]]) -> (
    events: [RecordedEvent], problems: [LedgerProblem]
  ) {
    let reader = LogFileReader()
    var events: [RecordedEvent] = []
    var problems: [LedgerProblem] = []
    for (name, bytes) in current {
      let skip = lineCount(base[name] ?? [])
      // Complete lines only: what follows the last `\n` is a torn write, not a line.
      let complete = lineCount(bytes)
      var number = 0
      for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        number += 1
        guard number > skip, number <= complete else { continue }
        let read = reader.read(Array(line) + [10], name: name)
        if var event = read.events.first {
          event.location = EventLocation(file: name, line: number)
          events.append(event)
        } else if var problem = read.problems.first {
          problem.line = number
          problems.append(problem)
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
