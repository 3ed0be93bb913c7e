#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one log file block by block, each block ending on a line break, so that a replay
/// holds a few megabytes of a file at a time, never the whole file.
///
/// The file is opened for each block and closed again, so that a ledger of more files than
/// the process may hold open at once (`ulimit -n`) replays all the same; a file replaced
/// between two blocks, or since the folder was listed (by a link to another log file, whose
/// lines would be read twice), is an error, not a mix of two files, and so is a file made
/// shorter while it is read (its end would otherwise pass for the end of the log).
final class FileCursor {
  /// The file's name in the ledger folder.
  let name: String
  private let path: String
  /// The file's device and inode when the folder was listed, or else when first opened.
  private var identity: LedgerFolder.FileIdentity?
  /// Its status when first opened (and the wall clock just before), and at the end: a replay
  /// cache key is made only when they agree.
  private var firstStatus: ReplayCache.FileStatus?
  private var clockAtOpen = 0
  private var lastStatus: ReplayCache.FileStatus?
  /// The largest size the file had when opened for a block: reading must reach it (or
  /// `committed`), or the file was made shorter while it was read.
  private var largestSize = 0
  /// A hash of every byte read, in order: the cache's proof of what the replay read.
  private var hash = ContentHash()
  /// The most a block reads.
  private let blockSize: Int
  /// What the next block reads: 8 KiB first, then twice as much each time up to
  /// `blockSize`, so that a file whose events come late in replay order holds a small block
  /// until the merge reaches it.
  private var nextSize: Int
  private var carry: [UInt8] = []
  private(set) var atEnd = false
  /// The number the next block's first line has.
  private(set) var nextLine = 1
  /// Where in the file the next block's first line starts.
  private var nextOffset = 0
  /// The problem of a last line without `\n`, or of the lines of an append that was cut off,
  /// once the end is reached.
  private(set) var torn: LedgerProblem?
  /// Where the log's part of the file ends, when an append that was cut off (`AppendJournal`)
  /// left lines after it: they are not read.
  private let committed: Int?

  /// Opens `path`, to be read up to `committed` bytes when given; `listed`: the file its name
  /// led to when the folder was listed, which it must still be.
  /// - Throws: `LedgerError.io` when it cannot be opened.
  init(
    path: String, name: String, blockSize: Int, committed: Int? = nil,
    listed: LedgerFolder.FileIdentity? = nil
  ) throws(LedgerError) {
    self.path = path
    identity = listed
    self.name = name
    self.blockSize = max(blockSize, 4096)
    nextSize = min(self.blockSize, 1 << 13)
    self.committed = committed
  }

  /// A cursor on each file of the log of `folder` (of `names` only, when given), each to be
  /// read up to where an append that was cut off began (`AppendJournal`).
  /// - Throws: `LedgerError` when the folder cannot be listed or a file opened.
  static func log(of folder: LedgerFolder, blockSize: Int, only names: Set<String>? = nil)
    throws(LedgerError) -> [FileCursor]
  {
    var journal: AppendJournal?
    if case .pending(let pending) = AppendJournal.state(in: folder) { journal = pending }
    var cursors: [FileCursor] = []
    for (name, identity) in try folder.logFiles() where names?.contains(name) ?? true {
      let path = folder.path(of: name)
      cursors.append(
        try FileCursor(
          path: path, name: name, blockSize: blockSize,
          committed: journal?.committedLength(of: name, at: path), listed: identity))
    }
    return cursors
  }

  /// The replay cache's key for the file as read, once it is read to the end; nil when it
  /// changed while being read.
  func key(lineCount: Int, lastAt: Timestamp?) -> ReplayCache.FileKey? {
    guard atEnd, let firstStatus, lastStatus == firstStatus, hash.length == firstStatus.size
    else { return nil }
    return ReplayCache.FileKey(
      name: name, status: firstStatus, hash: hash,
      settled: firstStatus.changed + ReplayCache.settleMargin < clockAtOpen,
      lineCount: lineCount, lastAt: lastAt)
  }

  /// Opens the file (a regular file, the same one as before) at the next block's offset.
  /// - Returns: the descriptor and the number of bytes left to read.
  private func reopen() throws(LedgerError) -> (descriptor: Int32, left: Int) {
    let isFirst = firstStatus == nil
    if isFirst { clockAtOpen = ReplayCache.wallClock() }
    let (descriptor, status) = try LedgerFolder.FileIdentity.open(
      path, expecting: identity,
      since: isFirst ? LedgerFolder.FileIdentity.sinceListed : "its first lines were read")
    if isFirst {
      firstStatus = ReplayCache.FileStatus(status)
    }
    identity = LedgerFolder.FileIdentity(status)
    largestSize = max(largestSize, Int(status.st_size))
    let offset = off_t(nextOffset + carry.count)
    guard lseek(descriptor, offset, SEEK_SET) == offset else {
      close(descriptor)
      throw FileIO.error(path)
    }
    let end = min(Int(status.st_size), committed ?? Int.max)
    return (descriptor, max(end - Int(offset), 0))
  }

  /// A run of complete lines read from the file.
  struct Block {
    /// The buffer read; only its first `count` bytes are the lines.
    var buffer: [UInt8]
    /// The length of the lines, each ending in `\n`.
    var count: Int
    /// The number of the first line.
    var firstLine: Int
    /// Where the lines start in the file.
    var fileOffset: Int
  }

  /// The next run of complete lines (ending in `\n`), reading at most `most` bytes (at least
  /// 4 KiB) when that is less than the block size.
  /// - Returns: the lines; nil at the end of the file, where a last line without `\n` is kept
  ///   as `torn`.
  /// - Throws: `LedgerError.io` when reading fails.
  func nextBlock(atMost most: Int = .max) throws(LedgerError) -> Block? {
    // A line longer than a block is gathered over several reads, in a loop (not nested
    // calls, which would each hold their copy of it).
    while !atEnd {
      if let block = try readBlock(atMost: most) { return block }
    }
    return nil
  }

  /// One read: the complete lines it ends, or nil when it ended none (a line goes on).
  private func readBlock(atMost most: Int) throws(LedgerError) -> Block? {
    let carried = carry.count
    let (descriptor, left) = try reopen()
    defer { close(descriptor) }
    // No bigger than what is left (and one byte more, to see the end, unless the read stops
    // at `committed`): a small file costs a small buffer. A line longer than a block doubles
    // the read each time, so that gathering it copies its bytes a few times, not once per block.
    let blockSize = min(
      max(min(nextSize, max(most, 4096)), carried), left + (committed == nil ? 1 : 0))
    nextSize = min(nextSize * 2, self.blockSize)
    var failure: Int32 = 0
    var filled = carried
    let block = [UInt8](unsafeUninitializedCapacity: carried + blockSize) { buffer, count in
      _ = UnsafeMutableBufferPointer(rebasing: buffer[..<carried]).initialize(from: carry)
      while filled < carried + blockSize {
        let read = readBytes(
          descriptor, buffer.baseAddress.map { $0 + filled }, carried + blockSize - filled)
        if read < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if read == 0 { break }
        filled += read
      }
      count = filled
      hash.update(
        UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[carried..<filled]))
    }
    guard failure == 0 else {
      throw LedgerError.io(path: name, reason: String(cString: strerror(failure)))
    }
    atEnd = filled < carried + blockSize || (committed != nil && filled - carried == left)
    if atEnd {
      lastStatus = ReplayCache.FileStatus.of(descriptor)
      // The end came before bytes the file had when a block was opened: it was cut short
      // since, and what was cut is not read (nor, had it been, would it still be the file).
      if hash.length < min(largestSize, committed ?? .max) { throw shortened(read: hash.length) }
    }
    // Whole lines only: what follows the last line break waits for the next block, or, at the
    // end of the file, is a torn write. It is at most a line, so copying it costs little.
    // The bytes carried hold no line break: only those read now are searched.
    let complete = (block[carried...].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    carry = Array(block[complete...])
    let lines = block.withUnsafeBytes {
      Newlines.count(UnsafeRawBufferPointer(rebasing: $0[..<complete]))
    }
    let firstLine = nextLine
    let fileOffset = nextOffset
    nextLine += lines
    nextOffset += complete
    if atEnd, committed != nil {
      torn = cutOff(descriptor, from: nextOffset + carry.count)
      carry = []
    } else if atEnd, !carry.isEmpty {
      torn = LedgerProblem(
        rule: .tornLine, file: name, line: nextLine,
        message: "the last line has no newline: a write was cut off (\(carry.count) bytes); "
          + "run `ledger repair` to move it aside")
      carry = []
    }
    guard complete > 0 else { return nil }
    return Block(buffer: block, count: complete, firstLine: firstLine, fileOffset: fileOffset)
  }

  /// The error for a file that ended after `read` bytes though it had `largestSize` when a
  /// block was opened: something other than ledger (whose writes and repairs wait for the
  /// replay's lock) cut it short while it was read.
  private func shortened(read: Int) -> LedgerError {
    LedgerError.io(
      path: path,
      reason: "was made shorter while it was being read (it had \(largestSize) bytes, it ended "
        + "after \(read)): another program changed it, so what was read is not the whole file; "
        + "run the command again once nothing else is writing to the ledger")
  }

  /// The problem of the lines from `offset` to the end of the file, an append that was cut
  /// off: counted in blocks, not read whole.
  private func cutOff(_ descriptor: Int32, from offset: Int) -> LedgerProblem {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var position = offset
    var newlines = 0
    var last: UInt8?
    while true {
      let read = buffer.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, off_t(position))
      }
      if read < 0, errno == EINTR { continue }
      guard read > 0 else { break }
      newlines += buffer.withUnsafeBytes {
        Newlines.count(UnsafeRawBufferPointer(rebasing: $0[..<read]))
      }
      last = buffer[read - 1]
      position += read
    }
    let lines = newlines + (last == UInt8(ascii: "\n") ? 0 : 1)
    return LedgerProblem(
      rule: .tornLine, file: name, line: nextLine,
      message: "an append was cut off: the last \(lines) line(s) (\(position - offset) bytes) are "
        + "an unfinished batch and not part of the log; run `ledger repair` to move them aside")
  }
}

private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}

/// Finding and counting line breaks with `memchr`, which scans many bytes at a time.
enum Newlines {
  /// The offset of the first `\n` at or after `start`, or nil.
  static func next(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, 0x0A, bytes.count - start)
    else { return nil }
    return UnsafeRawPointer(found) - base
  }

  /// The number of `\n` in `bytes`.
  static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard var cursor = bytes.baseAddress else { return 0 }
    let end = cursor + bytes.count
    var count = 0
    while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
      count += 1
      cursor = UnsafeRawPointer(found) + 1
    }
    return count
  }
}
