#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the writer and `ledger repair` need, with errors that name the file.
enum FileIO {
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

  /// Opens `path` for appending, creating it when missing.
  /// - Returns: the descriptor and the file's length before anything is appended.
  /// - Throws: `LedgerError.io` naming `path`.
  static func openForAppend(_ path: String) throws(LedgerError) -> (Int32, off_t) {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw error(path) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let failure = error(path)
      close(descriptor)
      throw failure
    }
    return (descriptor, status.st_size)
  }

  /// Creates `path`, which must not exist yet, writes `bytes` and `fsync`s it.
  /// - Returns: false when `path` already exists (nothing is written).
  /// - Throws: `LedgerError.io` for any other failure.
  static func createNew(_ path: String, bytes: [UInt8]) throws(LedgerError) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST { return false }
      throw error(path)
    }
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor, path: path)
    guard fsync(descriptor) == 0 else { throw error(path) }
    return true
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

  /// Removes `path`; a file that is already gone is not an error.
  /// - Throws: `LedgerError.io` naming `path`.
  static func remove(_ path: String) throws(LedgerError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw error(path) }
  }

  /// `errno` as a `LedgerError.io` about `path`.
  static func error(_ path: String) -> LedgerError {
    LedgerError.io(path: path, reason: String(cString: strerror(errno)))
  }
}
