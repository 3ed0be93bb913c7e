#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReplayCache {
  /// What `stat` says of a file: the cheap half of the proof that it is unchanged.
  struct FileStatus: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    /// Modification and change times in nanoseconds. The change time (`ctime`) is set by the
    /// kernel on every write, rename or `touch`, and no program can set it back.
    var modified: Int
    var changed: Int

    init(device: UInt64, inode: UInt64, size: Int, modified: Int, changed: Int) {
      self.device = device
      self.inode = inode
      self.size = size
      self.modified = modified
      self.changed = changed
    }

    init(_ status: stat) {
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
      size = Int(status.st_size)
      modified = Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec)
      changed = Int(status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(status.st_ctim.tv_nsec)
    }

    /// The status of the open file `descriptor`.
    static func of(_ descriptor: Int32) -> FileStatus? {
      var status = stat()
      guard fstat(descriptor, &status) == 0 else { return nil }
      return FileStatus(status)
    }
  }

  /// What the cache knows of one log file: its status and a hash of all its bytes when the
  /// cache took it in, its line count and latest `at`.
  ///
  /// The proof that the file is unchanged: the same device, inode, size, modification and
  /// change time, and the key `settled` (its change time was more than `settleMargin` before
  /// the status was read, so a later write, even within the file system's timestamp
  /// granularity, shows in the change time). Otherwise the covered bytes are read and hashed
  /// again, and must give `hash`: a same-length edit with the time restored, a file replaced
  /// by an edited copy, an edit followed by an append, all fail one or the other.
  struct FileKey: Sendable, Equatable {
    var name: String
    var status: FileStatus
    var hash: ContentHash
    /// Whether the status alone proves the file unchanged (see above).
    var settled: Bool
    var lineCount: Int
    var lastAt: Timestamp?

    /// The bytes the cache covers.
    var size: Int { status.size }

    /// The key of a file the cache has not seen (nothing covered).
    static func empty(_ name: String) -> FileKey {
      FileKey(
        name: name, status: FileStatus(device: 0, inode: 0, size: 0, modified: 0, changed: 0),
        hash: ContentHash(), settled: false, lineCount: 0, lastAt: nil)
    }
  }

  /// How long before a status was read a file must last have changed for the status to prove
  /// it unchanged: well above any file system's change-time granularity.
  static let settleMargin = 1_000_000_000

  /// The wall clock in nanoseconds, to compare with change times (not a domain time).
  static func wallClock() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int(now.tv_sec) &* 1_000_000_000 &+ Int(now.tv_nsec)
  }

  /// The key of file `name` of `folder` as it is now, with `lineCount` and `lastAt`, its
  /// bytes all read and hashed; nil when it cannot be read or changed while being read.
  static func key(_ folder: LedgerFolder, _ name: String, lineCount: Int, lastAt: Timestamp?)
    -> FileKey?
  {
    guard let descriptor = try? FileIO.openRegular(folder.path(of: name)) else { return nil }
    defer { close(descriptor) }
    let clock = wallClock()
    guard let before = FileStatus.of(descriptor),
      let hash = ContentHash.of(descriptor, length: before.size),
      FileStatus.of(descriptor) == before
    else { return nil }
    return FileKey(
      name: name, status: before, hash: hash,
      settled: before.changed + settleMargin < clock, lineCount: lineCount, lastAt: lastAt)
  }

  /// The key of a file the writer has just appended `appended` to, from its key before: the
  /// hash carried on over the new bytes, not read again. Not settled (it has just changed).
  static func key(
    after known: FileKey, appended: [UInt8], in folder: LedgerFolder,
    lineCount: Int, lastAt: Timestamp?
  ) -> FileKey? {
    guard let descriptor = try? FileIO.openRegular(folder.path(of: known.name)) else {
      return nil
    }
    defer { close(descriptor) }
    guard let status = FileStatus.of(descriptor), status.size == known.size + appended.count
    else { return nil }
    var hash = known.hash
    hash.update(appended)
    return FileKey(
      name: known.name, status: status, hash: hash, settled: false, lineCount: lineCount,
      lastAt: lastAt)
  }

  /// Writes a key for the cache file.
  static func write(_ key: FileKey, to out: inout BinaryWriter) {
    out.write(key.name)
    for value in [key.status.device, key.status.inode] { out.write(value) }
    for value in [key.status.size, key.status.modified, key.status.changed] { out.write(value) }
    for lane in [key.hash.lanes.0, key.hash.lanes.1, key.hash.lanes.2, key.hash.lanes.3] {
      out.write(lane)
    }
    out.write(key.hash.pending)
    out.write(key.hash.length)
    out.write(key.settled ? 1 : 0)
    out.write(key.lineCount)
    out.write(key.lastAt?.seconds)
    out.write(key.lastAt?.nanoseconds ?? 0)
  }

  /// Reads a key written by `write(_:to:)`.
  static func readKey(_ input: inout BinaryReader) -> FileKey? {
    guard let name = input.string(), let device = input.uint64(), let inode = input.uint64(),
      let size = input.int(), let modified = input.int(), let changed = input.int(),
      let a = input.uint64(), let b = input.uint64(), let c = input.uint64(),
      let d = input.uint64(), let pendingCount = input.count(itemSize: 1),
      let pending = input.bytes(pendingCount), pendingCount < 32, let length = input.int(),
      let settled = input.int(), let lines = input.int(), let seconds = input.optionalInt(),
      let nanos = input.int()
    else { return nil }
    var hash = ContentHash()
    hash.lanes = (a, b, c, d)
    hash.pending = pending
    hash.length = length
    return FileKey(
      name: name,
      status: FileStatus(
        device: device, inode: inode, size: size, modified: modified, changed: changed),
      hash: hash, settled: settled == 1, lineCount: lines,
      lastAt: seconds.map { Timestamp(seconds: $0, nanoseconds: nanos) })
  }
}
