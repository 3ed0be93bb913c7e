#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file so that readers see either the old file or the new one, never a part:
/// the bytes go to a temporary file in the same folder, are `fsync`ed, and the temporary file
/// is renamed over the target (a rename within one file system is atomic).
public enum AtomicFile {
  /// Replaces (or creates) the file at `path` with `text` in UTF-8.
  /// - Parameters:
  ///   - text: the new contents.
  ///   - path: the file to write; its folder must exist.
  ///   - suffix: distinguishes the temporary file from other writers' (e.g. a process id).
  /// - Throws: `LedgerError.io` naming `path`; the target is then unchanged and the temporary
  ///   file removed.
  public static func write(_ text: String, to path: String, suffix: String) throws(LedgerError) {
    try write(Array(text.utf8), to: path, suffix: suffix)
  }

  /// Replaces (or creates) the file at `path` with `bytes`.
  /// - Parameters:
  ///   - bytes: the new contents.
  ///   - path: the file to write; its folder must exist.
  ///   - suffix: distinguishes the temporary file from other writers' (e.g. a process id).
  ///   - durable: whether to `fsync` before the rename (a cache that can be rebuilt need not).
  /// - Throws: `LedgerError.io` naming `path`; the target is then unchanged.
  public static func write(
    _ bytes: [UInt8], to path: String, suffix: String, durable: Bool = true
  ) throws(LedgerError) {
    let temporary = try temporaryPath(for: path, suffix: suffix)
    // As reasons show it: a newline or an escape in the path must not reach the terminal.
    let shown = Format.userText(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(path, "cannot create \(shown)") }
    var ok = false
    defer {
      if !ok { unlink(temporary) }
    }
    guard writeAll(bytes, to: descriptor) else {
      close(descriptor)
      throw failure(path, "cannot write \(shown)")
    }
    guard !durable || fsync(descriptor) == 0 else {
      close(descriptor)
      throw failure(path, "cannot sync \(shown)")
    }
    guard close(descriptor) == 0 else { throw failure(path, "cannot close \(shown)") }
    guard rename(temporary, path) == 0 else { throw failure(path, "cannot replace it") }
    ok = true
  }

  /// The temporary file beside `path` that `write` renames over it: `.NAME.tmp-SUFFIX`.
  /// - Throws: `LedgerError.io` when `path` does not end in a file name.
  static func temporaryPath(for path: String, suffix: String) throws(LedgerError) -> String {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty, name != ".", name != ".." else {
      throw LedgerError.io(path: path, reason: "is not a file name")
    }
    let tail = ".tmp-" + suffix
    return folder + "." + ending(of: name, fitting: 255 - 1 - tail.utf8.count) + tail
  }

  /// `name`, or as much of its end as fits in `limit` bytes: a file name may have 255, and
  /// the temporary one adds to it. The end keeps the extension (`.jsonl`), which says what the
  /// temporary file was for.
  static func ending(of name: String, fitting limit: Int) -> String {
    var end = Substring(name)
    while end.utf8.count > limit, !end.isEmpty { end = end.dropFirst() }
    return String(end)
  }

  private static func failure(_ path: String, _ what: String) -> LedgerError {
    LedgerError.io(path: path, reason: "\(what): \(FileIO.reason(errno, path))")
  }
}

/// Writes every byte to `descriptor`, retrying interrupted and short writes.
/// - Returns: false when a write fails.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
  var offset = 0
  while offset < bytes.count {
    let count = bytes.withUnsafeBytes { raw in
      write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
    }
    if count < 0, errno == EINTR { continue }
    guard count > 0 else { return false }
    offset += count
  }
  return true
}
