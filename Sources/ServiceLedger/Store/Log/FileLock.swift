#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `flock` on a file or folder, held until `unlock()`.
///
/// Writers hold the folder's exclusive lock for a whole append or repair; readers hold the
/// shared lock while they read the files, so they never see a write in progress. `flock` locks
/// belong to the open file, so a process must not take a second lock on a folder it has
/// already locked: it would wait for itself.
struct FileLock {
  let descriptor: Int32

  /// Opens `path` (a folder or a file, created when missing) and waits for the lock.
  /// - Parameters:
  ///   - path: the folder or file to lock.
  ///   - create: whether to create a missing file (folders are never created).
  ///   - exclusive: an exclusive (writer) lock when true, a shared (reader) lock when false.
  /// - Throws: `LedgerError.io` when it cannot be opened or locked.
  init(path: String, create: Bool, exclusive: Bool = true) throws(LedgerError) {
    let flags = create ? (O_RDWR | O_CREAT | O_CLOEXEC) : (O_RDONLY | O_CLOEXEC)
    let descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else {
      throw LedgerError.io(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
      if errno == EINTR { continue }
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw LedgerError.io(path: path, reason: "cannot lock: \(reason)")
    }
    self.descriptor = descriptor
  }

  /// Flushes the locked folder's entries (new, renamed or removed files) to disk.
  /// - Returns: whether `fsync` succeeded.
  @discardableResult
  func sync() -> Bool { fsync(descriptor) == 0 }

  /// Releases the lock and closes the file; call it exactly once.
  func unlock() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
