#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a command's output to the file `--out` names, without destroying what it names.
///
/// A regular file (or a new one) is replaced atomically (`AtomicFile`), and so is the regular
/// file a symbolic link leads to (the link stays): a write that fails half way (a full disk)
/// leaves the earlier output whole. Anything else is written in place, never replaced: a
/// device (`/dev/stdout`, even when it leads to a pipe; `/dev/full`), a FIFO, or a linked file
/// in a folder this user may not write to. A path inside the ledger folder is refused,
/// whatever links lead there: output written into the log would become lines of it.
public enum OutputFile {
  /// Writes `text` to `path`.
  /// - Parameters:
  ///   - text: the output.
  ///   - path: the `--out` path.
  ///   - ledger: the ledger folder read, which the output must stay out of.
  ///   - suffix: distinguishes a temporary file from other writers': this process's id, a
  ///     dash and 8 hex digits (`4242-1f0e9a3b`), so that a later write can tell a leftover
  ///     (`removeLeftovers(in:)`).
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
    var followed = stat()
    let leads = stat(path, &followed) == 0
    if leads, followed.st_mode & S_IFMT == S_IFDIR {
      throw LedgerError.io(
        path: path, reason: "is a folder; give a file in it with --out (a new name is created)")
    }
    var status = stat()
    let exists = lstat(path, &status) == 0
    guard exists, status.st_mode & S_IFMT != S_IFREG else {
      try replace(path, with: text, suffix: suffix)
      return
    }
    // A link to a regular file: the file is replaced, where its folder lets this user.
    if status.st_mode & S_IFMT == S_IFLNK, leads, followed.st_mode & S_IFMT == S_IFREG,
      let linked = resolved(path), access(folder(of: linked), W_OK) == 0
    {
      try replace(linked, with: text, suffix: suffix)
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

  /// Replaces the regular file (or makes the new one) at `path` atomically, after removing
  /// what earlier writes killed on their way left beside it.
  private static func replace(_ path: String, with text: String, suffix: String)
    throws(LedgerError)
  {
    removeLeftovers(in: folder(of: path))
    try AtomicFile.write(text, to: path, suffix: suffix)
  }

  /// The folder part of `path` (with its `/`), or `.`.
  private static func folder(of path: String) -> String {
    path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
  }

  /// Removes the temporary files that writes killed on their way left in `folder`
  /// (`.NAME.tmp-PID-1f0e9a3b`, for any NAME): those whose process is gone. A running
  /// process's, or another user's (which `kill` may not signal), are left alone, and so is
  /// anything but a regular file.
  static func removeLeftovers(in folder: String) {
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    for name in (try? LedgerFolder(path: folder).names()) ?? [] {
      guard let process = leftoverProcess(name), kill(process, 0) != 0, errno == ESRCH else {
        continue
      }
      var status = stat()
      guard lstat(base + name, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
        continue
      }
      unlink(base + name)
    }
  }

  /// The process id in `name` when it is the name of a temporary file of `write`:
  /// `.NAME.tmp-PID-TOKEN`, with a decimal PID and 8 lowercase hex digits of TOKEN.
  static func leftoverProcess(_ name: String) -> pid_t? {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 3, let token = parts.last, let digits = parts.dropLast().last else {
      return nil
    }
    let head = parts.dropLast(2).joined(separator: "-")
    guard head.hasPrefix("."), head.hasSuffix(".tmp"), head.count >= ".x.tmp".count,
      token.utf8.count == 8, token.utf8.allSatisfy(isLowerHex),
      !digits.isEmpty,
      digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let process = pid_t(digits), process > 0
    else { return nil }
    return process
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

/// Whether `byte` is `0`-`9` or `a`-`f`.
private func isLowerHex(_ byte: UInt8) -> Bool {
  (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
}
