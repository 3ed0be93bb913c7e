#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReplayCache {
  /// The cache of `folder` brought up to date with the lines appended since it was written,
  /// and those new events; nil when there is no cache or it is stale (a file shrank or
  /// changed, a new line is invalid, would replay before a cached event, or is a retraction).
  /// The validator's state is loaded when there are new lines or `withValidator` asks for it.
  static func current(_ folder: LedgerFolder, withValidator: Bool = false)
    -> (cache: ReplayCache, added: [RecordedEvent])?
  {
    guard var cache = load(folder, withValidator: false), let names = try? folder.fileNames()
    else { return nil }
    let cached = Dictionary(uniqueKeysWithValues: cache.files.map { ($0.name, $0) })
    guard Set(cached.keys).isSubset(of: names) else { return nil }
    var added: [RecordedEvent] = []
    var files: [FileKey] = []
    for name in names {
      let known = cached[name] ?? FileKey.empty(name)
      guard let tail = newLines(folder, known) else { return nil }
      added += tail.events
      if tail.key != known { cache.isRefreshed = true }
      files.append(tail.key)
    }
    added.sort(by: Ledger.replayOrder)
    if withValidator || !added.isEmpty {
      guard let validator = loadValidator(folder, token: cache.token) else { return nil }
      cache.validator = validator
    }
    for event in added {
      // A new event that would replay before a cached one changes what the cache holds.
      guard cache.replaysAfterCached(event.at, file: event.location?.file ?? "") else {
        return nil
      }
      if case .eventRetracted = event.event { return nil }
      guard (try? cache.validator?.validate(event)) != nil else { return nil }
      cache.note(event)
    }
    cache.files = files
    return (cache, added)
  }

  /// Whether an event at `at`, added at the end of `file`, replays after every cached event
  /// (replay order is `at`, then file name, then line): one recorded in the same second as
  /// the latest cached event does, unless that second also ends a file named after `file`.
  func replaysAfterCached(_ at: Timestamp, file: String) -> Bool {
    guard let maxAt, at <= maxAt else { return true }
    return at == maxAt && files.allSatisfy { $0.lastAt != maxAt || $0.name <= file }
  }

  /// Adds a new, valid event to what the cache knows.
  mutating func note(_ event: RecordedEvent) {
    maxAt = max(maxAt ?? event.at, event.at)
    if let date = event.event.effectiveDate { maxEffective = max(maxEffective ?? date, date) }
    compacted.append(event)
  }

  /// The valid lines of file `known.name` past its cached length, and its new key; nil when
  /// the covered bytes changed (see `FileKey`) or a new line is torn, invalid or out of time
  /// order.
  private static func newLines(_ folder: LedgerFolder, _ known: FileKey)
    -> (events: [RecordedEvent], key: FileKey)?
  {
    guard let descriptor = try? FileIO.openRegular(folder.path(of: known.name)) else {
      return nil
    }
    defer { close(descriptor) }
    let clock = wallClock()
    guard let status = FileStatus.of(descriptor), status.size >= known.size else { return nil }
    // The cheap proof: nothing about the file changed since a settled key was taken.
    if known.settled, status == known.status { return ([], known) }
    // Else the covered bytes are read again and must hash the same.
    guard ContentHash.of(descriptor, length: known.size) == known.hash else { return nil }
    var bytes = [UInt8](repeating: 0, count: status.size - known.size)
    var filled = 0
    while filled < bytes.count {
      let read = bytes.withUnsafeMutableBytes {
        pread(
          descriptor, $0.baseAddress.map { $0 + filled }, $0.count - filled,
          off_t(known.size + filled))
      }
      if read < 0, errno == EINTR { continue }
      guard read > 0 else { return nil }
      filled += read
    }
    // Changed while being read: not proven.
    guard FileStatus.of(descriptor) == status else { return nil }
    var key = known
    key.status = status
    key.settled = status.changed + settleMargin < clock
    guard !bytes.isEmpty else { return ([], key) }
    guard bytes.last == UInt8(ascii: "\n") else { return nil }
    var events: [RecordedEvent] = []
    var lastAt = known.lastAt
    var clean = true
    let reader = LogFileReader()
    let end = bytes.withUnsafeBytes { raw in
      reader.forEachLine(raw, name: known.name, firstLine: known.lineCount + 1) { outcome in
        guard case .event(let event) = outcome,
          reader.timeOrderProblem(event, after: lastAt) == nil
        else {
          clean = false
          return
        }
        lastAt = event.at
        events.append(event)
      }
    }
    guard clean, end.problem == nil else { return nil }
    key.hash.update(bytes)
    key.lineCount = end.lines
    key.lastAt = lastAt
    return (events, key)
  }
}
