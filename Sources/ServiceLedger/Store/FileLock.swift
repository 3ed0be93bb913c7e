#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a file or folder, held until `unlock()`.
struct FileLock {
  let descriptor: Int32

  /// Opens `path` (a folder or a file, created when missing) and waits for an exclusive lock.
  /// - Throws: `LedgerError.io` when it cannot be opened or locked.
  init(path: String, create: Bool) throws(LedgerError) {
    let flags = create ? (O_RDWR | O_CREAT | O_CLOEXEC) : (O_RDONLY | O_CLOEXEC)
    let descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else {
      throw LedgerError.io(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw LedgerError.io(path: path, reason: "cannot lock: \(reason)")
    }
    self.descriptor = descriptor
  }

  /// Releases the lock and closes the file; call it exactly once.
  func unlock() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
