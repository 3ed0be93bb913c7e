extension LedgerWriter {
  /// New events placed after the log: the files as they would read, where each new event came
  /// from in the input, and the bytes to append to each file.
  struct Placed {
    /// Every file's events, the new ones at their line numbers.
    var contents: [String: LogFileReader.FileContents]
    /// Each new event's place, mapped back to its input line (0 for a single event).
    var inputLines: [EventLocation: Int]
    /// Per file, in the order first named, the lines to append (each ending in `\n`).
    var output: [(file: String, bytes: [UInt8])]
    /// The number of new lines.
    var lineCount: Int
  }

  /// Places the batches' events after `current`, checking the order of `at` within each file
  /// and that each line, exactly as it will be written, reads back as a valid event.
  /// - Throws: `LedgerError.rejected` naming the input line at fault.
  func place(_ batches: [Batch], after current: Ledger, source: String) throws(LedgerError)
    -> Placed
  {
    var contents: [String: LogFileReader.FileContents] = [:]
    for event in current.events {
      guard let file = event.location?.file else { continue }
      contents[file, default: LogFileReader.FileContents()].events.append(event)
    }
    var lastAt: [String: Timestamp] = [:]
    var lineCounts: [String: Int] = [:]
    for (name, state) in current.files {
      contents[name, default: LogFileReader.FileContents()].lineCount = state.lineCount
      lineCounts[name] = state.lineCount
      lastAt[name] = state.lastAt
    }
    let single = batches.map(\.events.count).reduce(0, +) == 1
    var placed = Placed(contents: [:], inputLines: [:], output: [], lineCount: 0)
    var outputIndex: [String: Int] = [:]
    for batch in batches {
      for var event in batch.events {
        placed.lineCount += 1
        let inputLine = single ? 0 : placed.lineCount
        if let last = lastAt[batch.file], event.at < last {
          throw Self.backwards(event.at, last, batch.file, source: source, line: inputLine)
        }
        lastAt[batch.file] = event.at
        let lineNumber = lineCounts[batch.file, default: 0] + 1
        lineCounts[batch.file] = lineNumber
        let location = EventLocation(file: batch.file, line: lineNumber)
        event.location = location
        placed.inputLines[location] = inputLine
        contents[batch.file, default: LogFileReader.FileContents()].events.append(event)
        contents[batch.file, default: LogFileReader.FileContents()].lineCount = lineNumber
        let bytes = Array(try checkedLine(event, source: source, line: inputLine).utf8) + [10]
        if let index = outputIndex[batch.file] {
          placed.output[index].bytes += bytes
        } else {
          outputIndex[batch.file] = placed.output.count
          placed.output.append((batch.file, bytes))
        }
      }
    }
    placed.contents = contents
    return placed
  }

  /// The rejection of a new event whose `at` is before `last`, the latest in `file`.
  static func backwards(
    _ at: Timestamp, _ last: Timestamp, _ file: String, source: String, line: Int
  ) -> LedgerError {
    LedgerError.rejected(
      source: source, line: line,
      reason: "at \(at) is earlier than \(last), the latest in \(file); "
        + "within a file, at never decreases (check the clock or LEDGER_NOW)")
  }

  /// The line `event` is written as, checked the way a reader will check it: at most 1 MiB,
  /// and decoding back (strictly, as the log is read) to the same envelope.
  /// - Throws: `LedgerError.rejected` when the line is too long or would not read back.
  func checkedLine(_ event: RecordedEvent, source: String, line: Int) throws(LedgerError)
    -> String
  {
    let text = event.line
    let length = text.utf8.count
    guard length <= LogFileReader.maximumLineLength else {
      throw LedgerError.rejected(
        source: source, line: line,
        reason: "the event would be a line of \(length) bytes, longer than the 1 MiB limit; "
          + "shorten its text")
    }
    let reason: String
    do throws(JSONSyntaxError) {
      let value = try JSONParser.parse(text)
      do throws(EventError) {
        let reread = try EnvelopeDecoder().decode(value, location: event.location)
        guard
          reread.id != event.id || reread.at != event.at || reread.by != event.by
            || reread.type != event.type
        else { return text }
        reason = "its envelope changed"
      } catch {
        reason = error.description
      }
    } catch {
      reason = "JSON at column \(error.column): \(error.reason)"
    }
    throw LedgerError.rejected(
      source: source, line: line,
      reason: "the event would not read back as written (\(reason)); this is a bug in ledger, "
        + "please report it with the input")
  }
}
