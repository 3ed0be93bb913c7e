/// The whole log, read and put in replay order: the input of every projection.
public struct Ledger: Sendable {
  /// What the reader found in one file.
  public struct FileState: Sendable, Equatable {
    /// Complete lines.
    public var lineCount: Int
    /// Whether the file ends in an unterminated line.
    public var isTorn: Bool
    /// The latest `at` in the file.
    public var lastAt: Timestamp?
  }

  /// The valid events, in replay order: by `at`, then file name, then line.
  public private(set) var events: [RecordedEvent]
  /// Every invalid line, by file and line.
  public private(set) var problems: [LedgerProblem]
  /// Per file name.
  public private(set) var files: [String: FileState]

  /// An empty ledger.
  public init() {
    events = []
    problems = []
    files = [:]
  }

  /// Puts the files' events in replay order and validates references, keeping the events that
  /// pass and a problem for each that does not.
  public init(files contents: [String: LogFileReader.FileContents]) {
    var all: [RecordedEvent] = []
    var problems: [LedgerProblem] = []
    var files: [String: FileState] = [:]
    for (name, content) in contents {
      all.append(contentsOf: content.events)
      problems.append(contentsOf: content.problems)
      files[name] = FileState(
        lineCount: content.lineCount, isTorn: content.isTorn, lastAt: content.events.map(\.at).max()
      )
    }
    all.sort(by: Ledger.replayOrder)
    var validator = ReferenceValidator()
    // The ids retractions name, as a streamed replay's pre-scan finds them.
    var named: Set<EventID> = []
    for event in all {
      if case .eventRetracted(let retraction) = event.event { named.insert(retraction.event) }
    }
    validator.watch(named)
    var valid: [RecordedEvent] = []
    valid.reserveCapacity(all.count)
    for event in all {
      do throws(EventError) {
        try validator.validate(event)
        valid.append(event)
      } catch {
        let location = event.location ?? EventLocation(file: "", line: 0)
        problems.append(
          LedgerProblem(
            rule: error.rule, file: location.file, line: location.line,
            service: event.event.service, message: error.description))
      }
    }
    problems.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    self.events = valid
    self.problems = problems
    self.files = files
  }

  /// Replay order: `at`, then file name, then line number.
  public static func replayOrder(_ lhs: RecordedEvent, _ rhs: RecordedEvent) -> Bool {
    if lhs.at != rhs.at { return lhs.at < rhs.at }
    return (lhs.location ?? EventLocation(file: "", line: 0))
      < (rhs.location ?? EventLocation(file: "", line: 0))
  }
}
