#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ledger's files beside its base's (`--base`), compared a block at a time: what the
/// `append-only`, `backdated` and `not-authorised` rules need, without holding either log.
///
/// A file whose base is a prefix of it (the normal case: lines were only appended) is read
/// once, in blocks, and only its new lines are kept. A file that differs inside the base's
/// bytes is the error the rules report, and is read whole to say exactly where. Each of the
/// ledger's files is opened as the folder was listed (`FileIdentity.open`), as the replay opens
/// them: a file renamed over another meanwhile is an error, not a comparison of one file whose
/// new lines are taken from another.
struct BaseComparison {
  /// One file of the ledger or the base.
  struct File {
    var name: String
    /// The base's lines (a last line without its `\n` counted), when the base has the file.
    var baseLines: Int?
    /// The number of `\n` in the base's copy: the ledger's lines after these are new.
    var baseNewlines = 0
    /// Whether the base's copy is not a prefix of the ledger's (or the ledger lacks it).
    var diverged = false
  }

  /// Per file name (the ledger's and the base's).
  private(set) var files: [String: File] = [:]
  /// `append-only` findings.
  private(set) var appendOnly: [Finding] = []
  /// The ledger's new lines (after the base's `\n`s, complete lines only), decoded one by one
  /// as `NewLines` does, with their problems.
  private(set) var newEvents: [RecordedEvent] = []
  private(set) var newProblems: [LedgerProblem] = []
  /// The latest `at` of the base's events in the files that diverged (read whole); the
  /// others' base lines are the ledger's first lines, whose `at`s the replay sees.
  private(set) var divergedLatestAt: Timestamp?
  /// The ids of the base's events in the files that diverged.
  private(set) var divergedBaseIDs: Set<EventID> = []
  /// The ledger's files compared, as the folder was listed.
  private var listed: [String: LedgerFolder.FileIdentity] = [:]

  /// Compares the files of `folder` with `base`'s: every file, or with a base of one file,
  /// the file of its name (the others are neither compared nor new).
  /// - Throws: `LedgerError` when a file cannot be read.
  init(_ folder: LedgerFolder, base: LedgerBase) throws(LedgerError) {
    try self.init(folder, base: base, files: folder.logFiles())
  }

  /// `init(_:base:)` with the ledger's `files` as the folder was listed.
  init(
    _ folder: LedgerFolder, base: LedgerBase,
    files logFiles: [(name: String, identity: LedgerFolder.FileIdentity)]
  ) throws(LedgerError) {
    let basePaths = try base.filePaths()
    let compared = Set(base.compared(logFiles.map(\.name)))
    let listed = Dictionary(
      logFiles.filter { compared.contains($0.name) }, uniquingKeysWith: { first, _ in first })
    self.listed = listed
    let names = Set(listed.keys).union(basePaths.keys).sorted()
    let baseIsFile = base.fileName != nil
    // Each file compared on its own, the files on both cores (one after another, this was a
    // seventh of a `check --base` on 1M events, before its replay could start), and gathered
    // in name order, as one by one.
    let results = concurrentMap(names.count) { index in
      let name = names[index]
      return Result { () throws(LedgerError) in
        try FileComparison(
          name, current: listed[name].map { (path: folder.path(of: name), identity: $0) },
          base: basePaths[name], baseIsFile: baseIsFile)
      }
    }
    for result in results {
      let one = try result.get()
      files[one.file.name] = one.file
      appendOnly += one.appendOnly
      newEvents += one.newEvents
      newProblems += one.newProblems
      if let at = one.divergedLatestAt { divergedLatestAt = max(divergedLatestAt ?? at, at) }
      divergedBaseIDs.formUnion(one.divergedBaseIDs)
    }
  }

  /// Whether a valid event of the ledger is new: in a file compared, after its file's base
  /// lines, and not an event of a base file that diverged.
  func isNew(_ event: RecordedEvent) -> Bool {
    guard let location = event.location, let file = files[location.file] else { return false }
    guard file.baseLines != nil else { return true }
    if file.diverged { return !divergedBaseIDs.contains(event.id) }
    return location.line > file.baseNewlines
  }

  /// Whether a valid event of the ledger stands on one of the base's lines of a file whose
  /// base is a prefix: its `at` is one of the base's.
  func isBaseLine(_ location: EventLocation) -> Bool {
    guard let file = files[location.file], file.baseLines != nil, !file.diverged else {
      return false
    }
    return location.line <= file.baseNewlines
  }

  /// Checks that each of the ledger's files compared is still the one compared, once the
  /// replay has read them all: a file renamed over one after it was compared and before the
  /// replay listed the folder would be read whole by the replay, its lines taken as new or
  /// old by another file's comparison.
  /// - Throws: `LedgerError.io` naming a file that was replaced (or cannot be opened).
  func checkUnchanged(_ folder: LedgerFolder) throws(LedgerError) {
    for (name, identity) in listed.sorted(by: { $0.key < $1.key }) {
      let opened = try LedgerFolder.FileIdentity.open(
        folder.path(of: name), expecting: identity, since: "it was compared with the base")
      close(opened.descriptor)
    }
  }

  /// Whether the bytes of `base` begin `current` and end where one of its lines ends, read a
  /// block at a time; the base's line and `\n` counts, and where its last `\n` ends.
  static func prefix(
    base: String, current file: (path: String, identity: LedgerFolder.FileIdentity)
  ) throws(LedgerError) -> (
    isPrefix: Bool, baseLines: Int, baseNewlines: Int, lastNewlineEnd: Int
  ) {
    let current = file.path
    let baseFile = try FileIO.openRegular(base)
    defer { close(baseFile) }
    let currentFile = try LedgerFolder.FileIdentity.open(current, expecting: file.identity)
      .descriptor
    defer { close(currentFile) }
    let size = 1 << 20
    var left = [UInt8](repeating: 0, count: size)
    var right = [UInt8](repeating: 0, count: size)
    var offset = 0
    var newlines = 0
    var lastNewlineEnd = 0
    var lastByte: UInt8?
    while true {
      let count = try Self.read(baseFile, into: &left, at: offset, path: base)
      if count == 0 { break }
      let got = try Self.read(currentFile, into: &right, at: offset, path: current)
      let same = got >= count && memcmp(left, right, count) == 0
      guard same else {
        return (false, newlines, newlines, lastNewlineEnd)
      }
      left.withUnsafeBytes { raw in
        let block = UnsafeRawBufferPointer(rebasing: raw[..<count])
        newlines += Newlines.count(block)
        if let last = block.lastIndex(of: UInt8(ascii: "\n")) {
          lastNewlineEnd = offset + last + 1
        }
      }
      lastByte = left[count - 1]
      offset += count
    }
    guard let lastByte, lastByte != UInt8(ascii: "\n") else {
      return (true, newlines, newlines, lastNewlineEnd)
    }
    // The base ends in a line without its `\n`: a prefix only if the ledger ends that line.
    var next = [UInt8](repeating: 0, count: 1)
    let got = try Self.read(currentFile, into: &next, at: offset, path: current)
    return (got == 1 && next[0] == UInt8(ascii: "\n"), newlines + 1, newlines, lastNewlineEnd)
  }

  /// Reads up to `buffer.count` bytes at `offset`, fewer only at the end of the file.
  private static func read(
    _ descriptor: Int32, into buffer: inout [UInt8], at offset: Int, path: String
  )
    throws(LedgerError) -> Int
  {
    var total = 0
    while total < buffer.count {
      let count = buffer.withUnsafeMutableBytes { raw in
        pread(
          descriptor, raw.baseAddress.map { $0 + total }, raw.count - total, off_t(offset + total))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw LedgerError.io(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      total += count
    }
    return total
  }

  /// The bytes of the ledger's `file` (the one listed) from `offset` to its end.
  static func read(
    _ file: (path: String, identity: LedgerFolder.FileIdentity), from offset: Int
  ) throws(LedgerError) -> [UInt8] {
    let (descriptor, status) = try LedgerFolder.FileIdentity.open(
      file.path, expecting: file.identity)
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size) - offset, 0))
    let count = try read(descriptor, into: &bytes, at: offset, path: file.path)
    return Array(bytes.prefix(count))
  }
}

/// One file of the ledger compared with the base's copy: what `BaseComparison` gathers of it.
private struct FileComparison {
  var file: BaseComparison.File
  var appendOnly: [Finding] = []
  var newEvents: [RecordedEvent] = []
  var newProblems: [LedgerProblem] = []
  var divergedLatestAt: Timestamp?
  var divergedBaseIDs: Set<EventID> = []

  /// Compares the ledger's file `name` (`current`, as listed; nil when the ledger lacks it)
  /// with the base's copy at `base` (nil when the base lacks it).
  init(
    _ name: String, current: (path: String, identity: LedgerFolder.FileIdentity)?,
    base basePath: String?, baseIsFile: Bool
  ) throws(LedgerError) {
    file = BaseComparison.File(name: name)
    let reader = LogFileReader()
    guard let basePath else {
      // Not in the base: every line is new.
      if let current { try readNew(current, name: name, from: 0, firstLine: 1) }
      return
    }
    guard let current else {
      file.diverged = true
      appendOnly.append(AppendOnlyRule.missing(name, baseIsFile: baseIsFile))
      try noteDiverged(basePath, name: name, reader)
      return
    }
    let prefix = try BaseComparison.prefix(base: basePath, current: current)
    file.baseLines = prefix.baseLines
    file.baseNewlines = prefix.baseNewlines
    if prefix.isPrefix {
      try readNew(
        current, name: name, from: prefix.lastNewlineEnd, firstLine: prefix.baseNewlines + 1)
    } else {
      file.diverged = true
      let baseBytes = try FileIO.readRegular(basePath)
      let currentBytes = try BaseComparison.read(current, from: 0)
      appendOnly += AppendOnlyRule.findings(file: name, base: baseBytes, current: currentBytes)
      let ids = try noteDiverged(basePath, name: name, reader)
      let new = NewLines.events(current: [name: currentBytes], base: [name: baseBytes])
      // A line of the base pushed past its length (by a line put inside it) is not new.
      newEvents += new.events.filter { !ids.contains($0.id) }
      newProblems += new.problems
    }
  }

  /// Decodes the complete lines of `file` from byte `offset` (line `firstLine` on) as new.
  private mutating func readNew(
    _ file: (path: String, identity: LedgerFolder.FileIdentity), name: String, from offset: Int,
    firstLine: Int
  ) throws(LedgerError) {
    let new = NewLines.decode(
      try BaseComparison.read(file, from: offset)[...], name: name, firstLine: firstLine)
    newEvents += new.events
    newProblems += new.problems
  }

  /// Notes the `at`s and ids of the base's copy of a file that diverged, read whole.
  /// - Returns: the ids of its events.
  @discardableResult
  private mutating func noteDiverged(_ path: String, name: String, _ reader: LogFileReader)
    throws(LedgerError) -> Set<EventID>
  {
    var ids: Set<EventID> = []
    for event in reader.read(try FileIO.readRegular(path), name: name).events {
      divergedLatestAt = max(divergedLatestAt ?? event.at, event.at)
      ids.insert(event.id)
    }
    divergedBaseIDs.formUnion(ids)
    return ids
  }
}
