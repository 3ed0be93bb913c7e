#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a command's output to the file `--out` names, without destroying what it names.
///
/// A regular file (or a new one) is replaced atomically (`AtomicFile`). Anything else is
/// written in place, never replaced: a device (`/dev/stdout`, even when it leads to a pipe;
/// `/dev/full`), a FIFO, or a symbolic link (the file it leads to is written, the link stays). A path inside the ledger
/// folder is refused, whatever links lead there: output written into the log would become
/// lines of it.
public enum OutputFile {
  /// Writes `text` to `path`.
  /// - Parameters:
  ///   - text: the output.
  ///   - path: the `--out` path.
  ///   - ledger: the ledger folder read, which the output must stay out of.
  ///   - suffix: distinguishes a temporary file from other writers' (a process id).
  /// - Throws: `LedgerError.io` naming `path` when it is inside the ledger or cannot be
  ///   written.
  public static func write(
    _ text: String, to path: String, outside ledger: LedgerFolder, suffix: String
  ) throws(LedgerError) {
    if let home = resolved(ledger.path), let target = resolvedTarget(path),
      target == home || target.hasPrefix(home.hasSuffix("/") ? home : home + "/")
    {
      throw LedgerError.io(
        path: path,
        reason: "is inside the ledger folder \(ledger.path); write the output elsewhere (a "
          + "file there would be read as part of the log or clutter it)")
    }
    var status = stat()
    let exists = lstat(path, &status) == 0
    guard exists, status.st_mode & S_IFMT != S_IFREG else {
      try AtomicFile.write(text, to: path, suffix: suffix)
      return
    }
    // A link, a device or a FIFO: written through, never replaced. Opened without O_CREAT,
    // so a broken link creates nothing; a link with no path to resolve that still opens
    // (`/dev/stdout` when it is a pipe: `/proc/self/fd/1` -> `pipe:[…]`) is written into.
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if status.st_mode & S_IFMT == S_IFLNK, code == ENOENT || code == ELOOP {
        throw LedgerError.io(
          path: path, reason: "is a symbolic link to nothing; name the file itself with --out")
      }
      throw FileIO.error(path)
    }
    defer { close(descriptor) }
    var target = stat()
    if fstat(descriptor, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
      guard ftruncate(descriptor, 0) == 0 else { throw FileIO.error(path) }
    }
    try FileIO.writeAll(Array(text.utf8), to: descriptor, path: path)
  }

  /// `path` with every link and `..` resolved, or nil when it does not exist.
  static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Where writing `path` would put the bytes: the resolved file, or for a new file, its
  /// resolved folder and its name.
  static func resolvedTarget(_ path: String) -> String? {
    if let existing = resolved(path) { return existing }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard let home = resolved(folder.isEmpty ? "/" : folder) else { return nil }
    return (home.hasSuffix("/") ? home : home + "/") + name
  }
}
