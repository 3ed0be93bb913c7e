#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error, written with `write(2)`, retrying short and interrupted writes.
///
/// Foundation's `FileHandle.write(_:)` traps when a write fails (a full disk behind `> file`).
/// Here a failed write to standard output ends the command with an error naming why and exit
/// status 1; one to standard error is dropped, as there is nowhere left to say it.
enum StandardStreams {
  /// Writes `text` to standard output, or stops the command when it cannot be written.
  static func output(_ text: String) {
    guard let failure = write(text, to: STDOUT_FILENO) else { return }
    _ = write(
      "ledger: error: cannot write the output: \(String(cString: strerror(failure)))\n",
      to: STDERR_FILENO)
    exit(LedgerCLI.failure)
  }

  /// Writes `text` to standard error.
  static func error(_ text: String) {
    _ = write(text, to: STDERR_FILENO)
  }

  /// Writes every byte of `text` to `descriptor`.
  /// - Returns: nil when all were written, else the `errno` of the write that failed.
  private static func write(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { bytes -> Int32? in
      var offset = 0
      while offset < bytes.count {
        let count = systemWrite(
          descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return count < 0 ? errno : EIO }
        offset += count
      }
      return nil
    }
  }
}

/// `write(2)`, named apart from `StandardStreams.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>?, _ count: Int)
  -> Int
{
  write(descriptor, bytes, count)
}
