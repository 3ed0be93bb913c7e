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

  /// Reads the bytes of the file named `name`.
  public func read(_ bytes: [UInt8], name: String) -> FileContents {
    var result = FileContents()
    var start = 0
    var lineNumber = 0
    var lastAt: Timestamp?
    while start < bytes.count {
      lineNumber += 1
      guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
        result.isTorn = true
        result.problems.append(
          LedgerProblem(
            rule: .tornLine, file: name, line: lineNumber,
            message: "the last line has no newline: a write was cut off "
              + "(\(bytes.count - start) bytes); run `ledger repair` to move it aside"))
        break
      }
      result.lineCount = lineNumber
      defer { start = end + 1 }
      if let problem = lineProblem(bytes, start, end, name, lineNumber) {
        result.problems.append(problem)
        continue
      }
      let parsed = bytes.withUnsafeBytes { raw in
        Result<JSONValue, JSONSyntaxError> { () throws(JSONSyntaxError) in
          try JSONParser.parse(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
        }
      }
      guard case .success(let value) = parsed else {
        if case .failure(let error) = parsed {
          result.problems.append(
            LedgerProblem(
              rule: .malformed, file: name, line: lineNumber, column: error.column,
              message: error.reason))
        }
        continue
      }
      let location = EventLocation(file: name, line: lineNumber)
      do throws(EventError) {
        let event = try decoder.decode(value, location: location)
        if let lastAt, event.at < lastAt {
          result.problems.append(
            LedgerProblem(
              rule: .timeOrder, file: name, line: lineNumber, service: event.event.service,
              message: "at \(event.at) is earlier than the line before (\(lastAt)); "
                + "within a file, at never decreases"))
        }
        lastAt = max(lastAt ?? event.at, event.at)
        result.events.append(event)
      } catch {
        result.problems.append(
          LedgerProblem(
            rule: .init(error.kind), file: name, line: lineNumber,
            service: value.serviceHint, message: error.description))
      }
    }
    return result
  }

  private func lineProblem(
    _ bytes: [UInt8], _ start: Int, _ end: Int, _ name: String, _ line: Int
  ) -> LedgerProblem? {
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
    if let offset = UTF8Check.firstInvalidOffset(bytes[start..<end]) {
      return LedgerProblem(
        rule: .malformed, file: name, line: line, column: offset + 1,
        message: "invalid UTF-8 at byte \(offset + 1) of the line; the log is UTF-8 text")
    }
    return nil
  }
}

/// Finds bytes that are not UTF-8, whatever the JSON parser makes of them.
enum UTF8Check {
  /// The offset (from the slice's start) of the first byte of the first invalid UTF-8
  /// sequence (overlong forms, surrogates and truncated sequences included), or nil.
  static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
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
