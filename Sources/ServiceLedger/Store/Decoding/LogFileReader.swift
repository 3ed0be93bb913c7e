/// Reads one `*.jsonl` file of the log into events, reporting every bad line.
///
/// Lines are `\n`-terminated; a last line without `\n` is a torn write and is reported, never
/// parsed or dropped silently. Each line must be at most 1 MiB and `at` must never go backwards
/// within the file.
public struct LogFileReader: Sendable {
  /// The longest line accepted, in bytes, `\n` excluded.
  public static let maximumLineLength = 1 << 20

  /// The decoder used for every line (strict log mode by default).
  public var decoder = EnvelopeDecoder()
  /// How lines are parsed.
  public var path = DecodingPath.fast

  public init() {}

  /// What one file holds.
  public struct FileContents: Sendable {
    /// The events that could be read, in file order.
    public var events: [RecordedEvent] = []
    /// Every line that could not be read, in file order.
    public var problems: [LedgerProblem] = []
    /// The number of complete lines.
    public var lineCount = 0
    /// Whether the file ends in a torn (unterminated) line.
    public var isTorn = false
  }

  /// What one line holds: an event, or the problem that stops it being one.
  public enum LineOutcome: Sendable {
    case event(RecordedEvent)
    case problem(LedgerProblem)
  }

  /// Reads the bytes of the file named `name`.
  public func read(_ bytes: [UInt8], name: String) -> FileContents {
    var result = FileContents()
    var lastAt: Timestamp?
    bytes.withUnsafeBytes { raw in
      let torn = forEachLine(raw, name: name, firstLine: 1) { outcome in
        switch outcome {
        case .problem(let problem):
          result.problems.append(problem)
        case .event(let event):
          if let problem = timeOrderProblem(event, after: lastAt) {
            result.problems.append(problem)
          } else {
            lastAt = event.at
            result.events.append(event)
          }
        }
      }
      result.lineCount = torn.lines
      if let problem = torn.problem {
        result.isTorn = true
        result.problems.append(problem)
      }
    }
    return result
  }

  /// Decodes every complete line of `bytes`, numbering them from `firstLine`, and reports a
  /// last line without `\n` as torn instead of decoding it.
  /// - Returns: the number of the last complete line and the torn-line problem, if any.
  func forEachLine(
    _ bytes: UnsafeRawBufferPointer, name: String, firstLine: Int,
    _ body: (LineOutcome) -> Void
  ) -> (lines: Int, problem: LedgerProblem?) {
    var start = 0
    var lineNumber = firstLine - 1
    var memo = FastLineDecoder.Memo()
    while start < bytes.count {
      guard let end = Newlines.next(in: bytes, from: start) else {
        let problem = LedgerProblem(
          rule: .tornLine, file: name, line: lineNumber + 1,
          message: "the last line has no newline: a write was cut off "
            + "(\(bytes.count - start) bytes); run `ledger repair` to move it aside")
        return (lineNumber, problem)
      }
      lineNumber += 1
      body(
        decodeLine(
          UnsafeRawBufferPointer(rebasing: bytes[start..<end]), name: name, line: lineNumber,
          memo: &memo))
      start = end + 1
    }
    return (lineNumber, nil)
  }

  /// Decodes the complete lines of `bytes` (which ends in `\n`), numbering them from
  /// `firstLine`, for a replay: each event is decoded straight into `run`, in file order,
  /// without being copied on the way; each problem is appended to `problems`.
  func decodeLines(
    _ bytes: UnsafeRawBufferPointer, name: String, firstLine: Int, into run: EventRun,
    problems: inout [LedgerProblem], memo: inout FastLineDecoder.Memo
  ) {
    let fast = path == .fast && decoder.defaults == nil
    var start = 0
    var lineNumber = firstLine - 1
    while start < bytes.count, let end = Newlines.next(in: bytes, from: start) {
      lineNumber += 1
      let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
      let span = start..<end
      start = end + 1
      memo.volume = nil
      if fast, line.count <= LogFileReader.maximumLineLength, let base = line.baseAddress {
        let location = EventLocation(file: name, line: lineNumber)
        // Most lines: decoded in place, into the run's storage, and noted from what the
        // decoder read.
        let decoded = run.append { slot in
          guard
            FastLineDecoder.canonicalVolumeReport(
              base, line.count, location: location, memo: &memo, into: slot),
            let volume = memo.volume
          else { return nil }
          return EventNote(volumeReport: volume, line: span, lineNumber: lineNumber)
        }
        if decoded { continue }
        if let event = FastLineDecoder.decodeGeneral(
          base, line.count, location: location, memo: &memo)
        {
          run.append(event, line: span, service: serviceNumber(of: event, memo))
          continue
        }
      }
      switch decodeFully(line, name: name, line: lineNumber) {
      case .event(let event): run.append(event, line: span, service: serviceNumber(of: event, memo))
      case .problem(let problem): problems.append(problem)
      }
    }
  }

  /// The number of the service of `event` when it is a volume report (see `ServiceNumbers`),
  /// else -1, for a line the writer's layout did not take (that one notes its own number).
  private func serviceNumber(of event: RecordedEvent, _ memo: FastLineDecoder.Memo) -> Int32 {
    guard let numbering = memo.numbering, case .volumeReported(let report) = event.event else {
      return -1
    }
    return numbering.number(of: report.service.rawValue)
  }

  /// Decodes one line (without its `\n`): the fast path for the usual shape, else the full
  /// parser and envelope decoder, whose messages say exactly what is wrong.
  public func decodeLine(_ line: UnsafeRawBufferPointer, name: String, line number: Int)
    -> LineOutcome
  {
    var memo = FastLineDecoder.Memo.none
    return decodeLine(line, name: name, line: number, memo: &memo)
  }

  /// `decodeLine(_:name:line:)` with the fast path's memory of earlier lines.
  func decodeLine(
    _ line: UnsafeRawBufferPointer, name: String, line number: Int,
    memo: inout FastLineDecoder.Memo
  ) -> LineOutcome {
    let location = EventLocation(file: name, line: number)
    if path == .fast, line.count <= LogFileReader.maximumLineLength, decoder.defaults == nil,
      let event = FastLineDecoder.decode(line, location: location, memo: &memo)
    {
      return .event(event)
    }
    return decodeFully(line, name: name, line: number)
  }

  /// Decodes one line with the full parser and envelope decoder.
  private func decodeFully(_ line: UnsafeRawBufferPointer, name: String, line number: Int)
    -> LineOutcome
  {
    let location = EventLocation(file: name, line: number)
    if let problem = lineProblem(line, name, number) { return .problem(problem) }
    let value: JSONValue
    do throws(JSONSyntaxError) {
      if path == .foundation, let parsed = FoundationLineDecoder.parse(line) {
        value = parsed
      } else {
        value = try JSONParser.parse(line)
      }
    } catch {
      return .problem(
        LedgerProblem(
          rule: .malformed, file: name, line: number, column: error.column,
          message: error.reason))
    }
    do throws(EventError) {
      return .event(try decoder.decode(value, location: location))
    } catch {
      return .problem(
        LedgerProblem(
          rule: error.rule, file: name, line: number, service: value.serviceHint,
          message: error.description))
    }
  }

  /// The time-order problem of `event` when its `at` is before `lastAt`, the latest before it
  /// in the same file. Such an event is left out, like any invalid line.
  func timeOrderProblem(_ event: RecordedEvent, after lastAt: Timestamp?) -> LedgerProblem? {
    guard let lastAt, event.at < lastAt, let location = event.location else { return nil }
    return LedgerProblem(
      rule: .timeOrder, file: location.file, line: location.line, service: event.event.service,
      message: "at \(event.at) is earlier than the line before (\(lastAt)); "
        + "within a file, at never decreases")
  }

  private func lineProblem(_ bytes: UnsafeRawBufferPointer, _ name: String, _ line: Int)
    -> LedgerProblem?
  {
    let start = 0
    let end = bytes.count
    if end == start {
      return LedgerProblem(
        rule: .malformed, file: name, line: line, column: 1,
        message: "blank line; every line must hold one JSON object")
    }
    if end - start > LogFileReader.maximumLineLength {
      return LedgerProblem(
        rule: .malformed, file: name, line: line,
        message: "line is \(end - start) bytes, longer than the 1 MiB limit")
    }
    if let offset = UTF8Check.firstInvalidOffset(bytes) {
      return LedgerProblem(
        rule: .malformed, file: name, line: line, column: offset + 1,
        message: "invalid UTF-8 at byte \(offset + 1) of the line; the log is UTF-8 text")
    }
    return nil
  }
}

/// Finds bytes that are not UTF-8, whatever the JSON parser makes of them.
package enum UTF8Check {
  /// The offset (from the slice's start) of the first byte of the first invalid UTF-8
  /// sequence (overlong forms, surrogates and truncated sequences included), or nil.
  package static func firstInvalidOffset(_ bytes: some Collection<UInt8>) -> Int? {
    // Plain ASCII, the common case, needs no decoding.
    guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}

extension JSONValue {
  /// `data.service` of an event object, when it is there, for reporting bad lines.
  var serviceHint: ServiceID? {
    guard case .object(let members) = self,
      case .object(let data)? = members.first(where: { $0.key == "data" })?.value,
      case .string(let text)? = data.first(where: { $0.key == "service" })?.value
    else { return nil }
    return ServiceID.validated(text)
  }
}
