import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a replay learned, kept beside the log (`.ledger-cache`, not `*.jsonl`, so not part of
/// it) so that an append, and a view after it, need only read what was added since.
///
/// It holds the validator's state, a compacted copy of the events the catalogue-type views
/// need (every event except KPI reports and volume reports the annual-volume rule can no
/// longer use), and, per file, a key (`FileKey`): its status, a hash of all the bytes covered,
/// its line count and latest `at`. It answers only for a log proven unchanged where it covers
/// it: a file that shrank, whose covered bytes hash differently, or that gained an event that
/// would replay before the cached ones makes it stale, and it is rebuilt by the next full
/// replay.
struct ReplayCache: Sendable {
  /// The cache file's name in the ledger folder, and the validator's beside it (read only
  /// when something must be validated, as it grows with the number of events).
  static let fileName = ".ledger-cache"
  static let validatorFileName = ".ledger-cache-validator"

  var files: [FileKey]
  /// The latest `at` and effective date of any cached event.
  var maxAt: Timestamp?
  var maxEffective: CivilDate?
  /// The validator's state; nil until loaded.
  var validator: ReferenceValidator?
  /// Ties the two files together: a cache file is used only with the validator file written
  /// with it.
  var token: UInt64 = 0
  /// The events the catalogue-type views need, in replay order, with their locations.
  var compacted: [RecordedEvent]
  /// Whether a file's key was proven again (read and hashed) and could be saved settled.
  var isRefreshed = false
  /// The same events as the log lines they were read from, when a full replay has them at
  /// hand: `save` writes these instead of writing each event out again.
  var lines: [CompactLog.Line]?

  // MARK: Reading and writing

  /// What the cache file begins with: its layout, and the rules of what is valid it was built
  /// under. A cache built under other rules may hold an event these refuse (since 6: text
  /// that says nothing; since 7: a retraction of itself), or refuse one these accept (since 8:
  /// a report overlapping the period of a retracted short report), so a change to either
  /// changes this, and an older cache is rebuilt.
  static let version = "ledger-cache-8"

  /// The cache of `folder`, with the validator's state when `withValidator`, or nil when
  /// there is none or it cannot be read. Like the validator's, the file ends with a hash of
  /// its bytes: its events are log lines, and a byte changed in one (a name, a figure) may
  /// still decode to a valid event.
  static func load(_ folder: LedgerFolder, withValidator: Bool) -> ReplayCache? {
    guard let bytes = hashedContents(folder, fileName) else { return nil }
    var input = BinaryReader(bytes)
    guard input.string() == Self.version, let token = input.uint64(),
      let fileCount = input.count(itemSize: 32)
    else { return nil }
    var files: [FileKey] = []
    for _ in 0..<fileCount {
      guard let key = readKey(&input) else { return nil }
      files.append(key)
    }
    guard let maxSeconds = input.optionalInt(), let maxNanos = input.int(),
      let effective = input.optionalInt(), let eventCount = input.count(itemSize: 16)
    else { return nil }
    var compacted: [RecordedEvent] = []
    compacted.reserveCapacity(eventCount)
    let reader = LogFileReader()
    var memo = FastLineDecoder.Memo()
    for _ in 0..<eventCount {
      guard let file = input.string(), let line = input.int(), let text = input.string() else {
        return nil
      }
      var bytes = Array(text.utf8)
      let outcome = bytes.withUnsafeMutableBytes {
        reader.decodeLine(UnsafeRawBufferPointer($0), name: file, line: line, memo: &memo)
      }
      guard case .event(let event) = outcome else { return nil }
      compacted.append(event)
    }
    guard input.isAtEnd else { return nil }
    var cache = ReplayCache(
      files: files, maxAt: maxSeconds.map { Timestamp(seconds: $0, nanoseconds: maxNanos) },
      maxEffective: effective.map(CivilDate.init(dayNumber:)), validator: nil, token: token,
      compacted: compacted)
    if withValidator {
      guard let validator = loadValidator(folder, token: token) else { return nil }
      cache.validator = validator
    }
    return cache
  }

  /// The validator saved with the cache whose token is `token`; nil when the file's bytes do
  /// not hash to the digest at its end (`StreamedFile.write(to:hashed:)`). An append trusts
  /// it to say which ids are new: a bit flipped in a filter's seed or words, or in a table
  /// of ids, would let a repeated id be written, so it is not enough that it parses.
  static func loadValidator(_ folder: LedgerFolder, token: UInt64) -> ReferenceValidator? {
    guard let bytes = hashedContents(folder, validatorFileName) else { return nil }
    var input = BinaryReader(bytes)
    guard input.uint64() == token else { return nil }
    return ReferenceValidator(snapshot: &input)
  }

  /// The bytes of the file `name` of `folder` written with `StreamedFile.write(to:hashed:)`,
  /// without the digest at its end; nil when it is not a regular file, cannot be read, is
  /// larger than `sizeLimit(of:)` allows (refused before a byte is read: a damaged or sparse
  /// file of a gigabyte would otherwise be held whole), or its bytes do not hash to the digest.
  static func hashedContents(_ folder: LedgerFolder, _ name: String) -> [UInt8]? {
    // Opened first: without a cache (every cold replay) the log's files are not listed.
    guard let descriptor = try? FileIO.openRegular(folder.path(of: name)) else { return nil }
    defer { close(descriptor) }
    let digestSize = ContentHash.digestSize
    guard let status = FileStatus.of(descriptor), status.size >= digestSize,
      let limit = sizeLimit(of: folder), status.size <= limit
    else { return nil }
    // Read straight into the array (no `Data` beside it: the validator's filter alone is
    // 16 MiB for a long log).
    var bytes = [UInt8](repeating: 0, count: status.size)
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress.map { $0 + filled }, $0.count - filled, off_t(filled))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      filled += count
    }
    let digest = Array(bytes.suffix(digestSize))
    bytes.removeLast(digestSize)
    var hash = ContentHash()
    hash.update(bytes)
    guard hash.digest == digest else { return nil }
    return bytes
  }

  /// The most bytes a cache or validator file of `folder` may hold: 1 MiB and four times the
  /// size of its log files; nil when the folder cannot be listed.
  ///
  /// Either file covers at most the log as it is now (a file that shrank or went makes the
  /// cache stale). The cache keeps each event as its log line (every envelope key is required,
  /// so a line is some 90 bytes or more) with its file's name and three 8-byte figures, and the
  /// validator a table slot, a filter of at most 64 bits per 256 bytes of log, and a few ids
  /// and names per event: in the shipped ledger the two are 29% and 6% of the log. A file over
  /// the limit is damaged; refusing one under it that is not would cost a cold replay, never
  /// a different output.
  static func sizeLimit(of folder: LedgerFolder) -> Int? {
    guard let names = try? folder.fileNames() else { return nil }
    var logBytes = 0
    for name in names {
      var status = stat()
      guard stat(folder.path(of: name), &status) == 0 else { return nil }
      logBytes += Int(status.st_size)
    }
    return (1 << 20) + 4 * logBytes
  }

  /// Writes the cache atomically (temporary files, then renames: the validator's first, the
  /// cache file naming it last); a cache that cannot be written is simply not there next time.
  /// When either file cannot be written (a full disk), both files there go: the ones this
  /// save was to replace describe the log as it was before (a replay that found them current
  /// would not have rebuilt them), a validator just put in place could never be used without
  /// the cache file naming its token, and on a full disk their room is wanted by the log.
  /// - Parameters:
  ///   - folder: the ledger folder.
  ///   - room: the bytes the disk must still have free with the cache written (`roomKept`):
  ///     else it is not kept, so that it never takes the room the log needs.
  func save(to folder: LedgerFolder, keepingFree room: Int = roomKept) {
    guard let validator else { return }
    let token = UInt64.random(in: 1...UInt64.max)
    let written = StreamedFile.write(
      to: folder.path(of: ReplayCache.validatorFileName), hashed: true, keepingFree: room
    ) { out in
      out.write(token)
      validator.writeSnapshot(to: &out)
    }
    guard written else { return ReplayCache.remove(from: folder) }
    let cacheWritten = StreamedFile.write(
      to: folder.path(of: ReplayCache.fileName), hashed: true, keepingFree: room
    ) { out in
      out.write(ReplayCache.version)
      out.write(token)
      out.write(files.count)
      for file in files { ReplayCache.write(file, to: &out) }
      out.write(maxAt?.seconds)
      out.write(maxAt?.nanoseconds ?? 0)
      out.write(maxEffective?.dayNumber)
      // The lines a full replay read, or each event written out again.
      let entries =
        lines?.compactMap { line -> (String, Int, [UInt8])? in
          guard case .bytes(let text) = line.text else { return nil }
          return (line.file, line.line, text)
        }
        ?? compacted.map { ($0.location?.file ?? "", $0.location?.line ?? 0, Array($0.line.utf8)) }
      out.write(entries.count)
      for (file, line, text) in entries {
        out.write(file)
        out.write(line)
        out.write(text)
        out.flushIfFull()
      }
    }
    if !cacheWritten { ReplayCache.remove(from: folder) }
  }

  /// The room a cache leaves free on its disk: 1 MiB, a line of the largest size a `ledger
  /// record` writes. A cache that would leave less is not kept: the views replay the log
  /// instead (slower, never different), and the room stays the log's.
  static let roomKept = 1 << 20

  /// Removes the cache (after an append it cannot follow, such as a retraction).
  static func remove(from folder: LedgerFolder) {
    try? FileManager.default.removeItem(atPath: folder.path(of: fileName))
    try? FileManager.default.removeItem(atPath: folder.path(of: validatorFileName))
  }
}

/// Writes a file through a `BinaryWriter` a megabyte at a time, to a temporary file renamed
/// over the target at the end (not `fsync`ed: a cache can be rebuilt).
enum StreamedFile {
  /// `hashed`: the file ends with the digest of the bytes before it (`ContentHash.digest`);
  /// `room`: the bytes its disk must still have free once it is written, else it is not put
  /// in place.
  /// - Returns: whether the whole file was written and put in place.
  static func write(
    to path: String, hashed: Bool = false, keepingFree room: Int = 0,
    _ body: (inout BinaryWriter) -> Void
  ) -> Bool {
    let temporary = path + ".tmp-" + String(getpid())
    // Made anew, never opened through what is there: a link planted under the name (the
    // folder may be a checkout anyone can commit to) would have the cache written over the
    // file it leads to. What an earlier process of this id left is removed first.
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    var ok = true
    var hash = ContentHash()
    let sink = { (raw: UnsafeRawBufferPointer) in
      if hashed { hash.update(raw) }
      var offset = 0
      while ok, offset < raw.count {
        let count = writeBytes(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if count < 0, errno == EINTR { continue }
        ok = count > 0
        offset += max(count, 0)
      }
    }
    var out = BinaryWriter(sink: sink)
    body(&out)
    out.flush()
    if hashed { hash.digest.withUnsafeBytes { sink($0) } }
    if ok, room > 0 { ok = hasRoom(descriptor, room) }
    close(descriptor)
    guard ok, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }
}

/// Whether the disk of `descriptor` has at least `room` bytes free for this user; true when
/// it cannot say.
private func hasRoom(_ descriptor: Int32, _ room: Int) -> Bool {
  var status = statvfs()
  guard fstatvfs(descriptor, &status) == 0 else { return true }
  let (free, overflow) = Int(status.f_bavail).multipliedReportingOverflow(
    by: Int(status.f_frsize))
  return overflow || free >= room
}

private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
