#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the writer, `ledger repair` and the commands that make a ledger
/// folder need, with errors that name the file.
public enum FileIO {
  /// Makes the folder at `path` and any missing folders above it (`mkdir -p`), all or nothing.
  /// - Parameters:
  ///   - path: the folder to make.
  ///   - faults: the test hook (`LEDGER_TEST_FAULT`): each folder made is a point, where it
  ///     fails as a full disk would.
  /// - Returns: the folders it made, outermost first (none when `path` was there already).
  /// - Throws: `LedgerError.io` naming the first that cannot be made and why: a file in the
  ///   way, or the system's words (`Permission denied`, `Too many levels of symbolic links`,
  ///   `No space left on device`); the folders it made before are removed again.
  @discardableResult
  public static func makeFolders(_ path: String, faults: FaultInjection? = nil)
    throws(LedgerError) -> [String]
  {
    var made: [String] = []
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
      var reason = mkdir(prefix, 0o777) == 0 ? 0 : errno
      // A fault due here: as if the disk had had no room for the folder just made.
      if reason == 0, let code = faults.code() {
        rmdir(prefix)
        reason = code
      }
      guard reason != 0 else {
        made.append(prefix)
        continue
      }
      if reason == EEXIST {
        var status = stat()
        if stat(prefix, &status) == 0 {
          if (status.st_mode & S_IFMT) == S_IFDIR { continue }
          removeFolders(made)
          throw LedgerError.io(
            path: path,
            reason:
              "cannot be created: \(Format.userText(prefix)) is a file, not a folder; "
              + "give another name")
        }
        // A link that leads nowhere, or round in a loop.
        reason = errno
      }
      removeFolders(made)
      throw LedgerError.io(
        path: path,
        reason: "cannot be created: \(Format.userText(prefix)): \(Self.reason(reason, prefix))")
    }
    return made
  }

  /// Removes the folders `made` (as `makeFolders` returns them), innermost first, each only
  /// while it is empty: what another process put in one meanwhile is never removed.
  /// - Returns: the folders that are still there although empty, with the system's reason.
  @discardableResult
  static func removeFolders(_ made: [String]) -> [(path: String, reason: String)] {
    var left: [(path: String, reason: String)] = []
    for folder in made.reversed() where rmdir(folder) != 0 {
      guard errno != ENOTEMPTY, errno != EEXIST, errno != ENOENT else { continue }
      left.append((folder, String(cString: strerror(errno))))
    }
    return left
  }

  /// Writes every byte, retrying short writes and `EINTR`.
  /// - Throws: `LedgerError.io` naming `path`.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(LedgerError) {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw error(path)
      }
      offset += count
    }
  }

  /// Opens `path` for reading when it is a regular file (or a link to one); never waits, even
  /// for a FIFO or a device, which a log must not be.
  /// - Returns: the descriptor.
  /// - Throws: `LedgerError.io` naming `path`, saying what it is when it is not a file.
  static func openRegular(_ path: String) throws(LedgerError) -> Int32 {
    try openRegularFile(path).descriptor
  }

  /// `openRegular(_:)`, with the file's status.
  static func openRegularFile(_ path: String) throws(LedgerError) -> (
    descriptor: Int32, status: stat
  ) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw error(path) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let failure = error(path)
      close(descriptor)
      throw failure
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw LedgerError.io(path: path, reason: "is \(kind(status.st_mode)), not a regular file")
    }
    return (descriptor, status)
  }

  /// What a file mode says the file is, for messages ("a FIFO", "a device").
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: return "a regular file"
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFCHR, S_IFBLK: return "a device"
    case S_IFSOCK: return "a socket"
    case S_IFLNK: return "a symbolic link"
    default: return "not a file"
    }
  }

  /// Reads the whole of a regular file (see `openRegular`).
  /// - Throws: `LedgerError.io` naming `path`.
  static func readRegular(_ path: String) throws(LedgerError) -> [UInt8] {
    let descriptor = try openRegular(path)
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw error(path) }
    var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0))
    var filled = 0
    while true {
      if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
      let count = bytes.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw error(path)
      }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  /// Opens `path` for appending, creating it when missing.
  /// - Returns: the descriptor and the file's length before anything is appended.
  /// - Throws: `LedgerError.io` naming `path`.
  static func openForAppend(_ path: String) throws(LedgerError) -> (Int32, off_t) {
    // Never waits for a FIFO's reader: a log file must be a regular file.
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw error(path) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let failure = error(path)
      close(descriptor)
      throw failure
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw LedgerError.io(path: path, reason: "is \(kind(status.st_mode)), not a regular file")
    }
    return (descriptor, status.st_size)
  }

  /// Creates `path`, which must not exist yet, writes `bytes` and `fsync`s it.
  /// - Returns: false when `path` already exists (nothing is written).
  /// - Throws: `LedgerError.io` for any other failure; a file it created is removed again (a
  ///   full disk leaves no empty file behind, one a try).
  static func createNew(_ path: String, bytes: [UInt8]) throws(LedgerError) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST { return false }
      throw error(path)
    }
    defer { close(descriptor) }
    do throws(LedgerError) {
      try writeAll(bytes, to: descriptor, path: path)
      guard fsync(descriptor) == 0 else { throw error(path) }
    } catch {
      unlink(path)
      throw error
    }
    return true
  }

  /// Creates the empty file `path`, which must not exist yet (`ledger init`).
  /// - Parameters:
  ///   - path: the file to create.
  ///   - faults: the test hook (`LEDGER_TEST_FAULT`): creating the file is a point, where it
  ///     fails as a full disk (or one out of inodes) would.
  /// - Throws: `LedgerError.io` naming `path`: the system's reason, or what is in the way.
  public static func createEmpty(_ path: String, faults: FaultInjection? = nil)
    throws(LedgerError)
  {
    if let code = faults.code() { throw error(path, code: code) }
    guard try !createNew(path, bytes: []) else { return }
    var status = stat()
    let what = lstat(path, &status) == 0 ? kind(status.st_mode) : "something"
    throw LedgerError.io(
      path: path,
      reason: "cannot be created: \(what) of that name is in the way; move it aside or use "
        + "another folder")
  }

  /// Cuts `path` back to `length` bytes and `fsync`s it.
  /// - Throws: `LedgerError.io` naming `path`.
  static func truncate(_ path: String, to length: Int) throws(LedgerError) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw error(path) }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0 else {
      throw error(path)
    }
  }

  /// Refuses a folder at `path`, where a writer's note (`what`: "a cut-off append") belongs:
  /// not a note any writer left (it writes a file), and one that cannot be unlinked.
  /// - Throws: `LedgerError.io` saying what to do when `path` is a folder.
  static func refuseFolder(at path: String, for what: String) throws(LedgerError) {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return }
    throw LedgerError.io(
      path: path,
      reason: "is a folder, not the note of \(what); move it out of the ledger folder, then try "
        + "again")
  }

  /// Removes `path`; a file that is already gone is not an error.
  /// - Throws: `LedgerError.io` naming `path`.
  static func remove(_ path: String) throws(LedgerError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw error(path) }
  }

  /// `errno` (or `code`) as a `LedgerError.io` about `path`, after `action` when given
  /// ("cannot list the folder").
  static func error(_ path: String, code: Int32 = errno, action: String? = nil) -> LedgerError {
    LedgerError.io(path: path, reason: (action.map { $0 + ": " } ?? "") + reason(code, path))
  }

  /// What to do about a full disk (or quota), after the system's words.
  static let roomAdvice = "make room on its disk, then try again"

  /// The system's words for `code` (`Permission denied`), and for a problem with the path
  /// itself what to do about it: who may use it, a loop of symbolic links, a full disk.
  public static func reason(_ code: Int32, _ path: String) -> String {
    let words = String(cString: strerror(code))
    switch code {
    case EACCES, EPERM:
      return
        "\(words); check the permissions of \(Format.userText(path)) and of the folders above it "
        + "(`ls -ld \(Format.shellPath(path))`): the user running ledger must be allowed to read "
        + "it, and to write to it for a command that writes"
    case ELOOP:
      return "\(words); a symbolic link on the path leads round in a loop: give the real path"
    case ENOSPC, EDQUOT:
      return "\(words); \(roomAdvice)"
    case EFBIG:
      return
        "\(words): the file has reached the largest size this process may write (`ulimit -f`) "
        + "or its file system allows; raise the limit, then try again"
    default:
      return words
    }
  }
}
