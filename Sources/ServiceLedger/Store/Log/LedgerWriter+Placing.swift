extension LedgerWriter {
  /// New events placed after the log's files: the one place where each new event gets its
  /// line, its `at` is checked against its file's and its line is checked to read back.
  struct Placed {
    /// The new events, in input order, each with its place (`location`) and its input line
    /// (0 for a single event).
    var events: [(event: RecordedEvent, inputLine: Int)] = []
    /// Per file, in the order first named, the lines to append (each ending in `\n`).
    var output: [(file: String, bytes: [UInt8])] = []
    /// Every file's line count and latest `at` once the lines are appended.
    var files: [String: Ledger.FileState]
  }

  /// Places the batches' events after `files`, checking the order of `at` within each file
  /// and that each line, exactly as it will be written, reads back as a valid event.
  /// - Parameters:
  ///   - batches: per file, its new events in order.
  ///   - files: each file's line count and latest `at` before the append.
  ///   - source: what to call the input in error messages.
  /// - Returns: the events with their places, the bytes to write and the files after.
  /// - Throws: `LedgerError.invalidFileName`, `LedgerError.rejected` naming the input line at
  ///   fault.
  func place(
    _ batches: [Batch], after files: [String: Ledger.FileState], source: String
  ) throws(LedgerError) -> Placed {
    let single = batches.map(\.events.count).reduce(0, +) == 1
    var placed = Placed(files: files)
    var outputIndex: [String: Int] = [:]
    for batch in batches {
      guard LedgerFolder.isValidFileName(batch.file) else {
        throw LedgerError.invalidFileName(batch.file)
      }
      var state =
        placed.files[batch.file] ?? Ledger.FileState(lineCount: 0, isTorn: false, lastAt: nil)
      for var event in batch.events {
        let inputLine = Self.inputLine(event, position: placed.events.count + 1, single: single)
        if let last = state.lastAt, event.at < last {
          throw Self.backwards(event.at, last, batch.file, source: source, line: inputLine)
        }
        state.lastAt = event.at
        state.lineCount += 1
        event.location = EventLocation(file: batch.file, line: state.lineCount)
        let bytes = Array(try checkedLine(event, source: source, line: inputLine).utf8) + [10]
        placed.events.append((event, inputLine))
        if let index = outputIndex[batch.file] {
          placed.output[index].bytes += bytes
        } else {
          outputIndex[batch.file] = placed.output.count
          placed.output.append((batch.file, bytes))
        }
      }
      if !batch.events.isEmpty { placed.files[batch.file] = state }
    }
    return placed
  }

  /// The input line to name for a new event, the `position`-th of the append (from 1): the
  /// line its command read it from when given as its `location` (`ledger append`, whose blank
  /// lines are skipped, and `ledger import`), even when it is the only one, as a malformed
  /// line is named; else its position, or 0 when the append is one event (`ledger record`).
  static func inputLine(_ event: RecordedEvent, position: Int, single: Bool) -> Int {
    event.location?.line ?? (single ? 0 : position)
  }

  /// The rejection of a new event whose `at` is before `last`, the latest in `file`: only a
  /// history (`--history`) can meet it, since other given times must be later than every `at`
  /// in the ledger (`KnowledgeTime`) and stamps always are.
  static func backwards(
    _ at: Timestamp, _ last: Timestamp, _ file: String, source: String, line: Int
  ) -> LedgerError {
    LedgerError.rejected(
      source: source, line: line,
      reason: "at \(at) is earlier than \(last), the latest in \(file); "
        + "within a file, at never decreases: give a history's lines in the order they were "
        + "recorded")
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
