#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads input for `ledger append` and `ledger import` (standard input or a file) with limits,
/// so that endless input (`/dev/zero`, a stuck pipe of one giant line) ends in a clear error
/// instead of exhausting memory.
public enum BoundedInput {
  /// The most input one append takes: split larger input into several appends.
  public static let maximumBytes = 256 << 20

  /// Reads `descriptor` to its end.
  /// - Parameters:
  ///   - descriptor: an open file descriptor (standard input is 0).
  ///   - source: what to call the input in errors.
  ///   - lineLimit: the longest line allowed, in bytes (nil: no line limit, for a CSV file).
  /// - Returns: the bytes read.
  /// - Throws: `LedgerError.rejected` when a line or the whole input is too long,
  ///   `LedgerError.io` when reading fails.
  public static func read(_ descriptor: Int32, source: String, lineLimit: Int? = nil)
    throws(LedgerError) -> [UInt8]
  {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var lineStart = 0
    var lines = 1
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in
        readInto(descriptor, raw.baseAddress, raw.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw LedgerError.io(path: source, reason: String(cString: strerror(errno)))
      }
      if count == 0 { return bytes }
      let start = bytes.count
      bytes += chunk[..<count]
      if let lineLimit {
        for index in start..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
          lines += 1
          lineStart = index + 1
        }
        if bytes.count - lineStart > lineLimit {
          throw LedgerError.rejected(
            source: source, line: lines,
            reason: "line is longer than the 1 MiB limit (no newline in \(lineLimit) bytes); "
              + "the input must be JSON lines")
        }
      }
      if bytes.count > maximumBytes {
        throw LedgerError.rejected(
          source: source, line: 0,
          reason:
            "the input is larger than \(maximumBytes >> 20) MiB; split it into several appends")
      }
    }
  }

  /// Opens `path` and reads it like `read(_:source:lineLimit:)`.
  /// - Throws: `LedgerError.io` when it cannot be opened or read; `LedgerError.rejected` as
  ///   `read` does.
  public static func read(path: String, lineLimit: Int? = nil) throws(LedgerError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw LedgerError.io(
        path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
      throw LedgerError.io(path: path, reason: "is a folder, not a file")
    }
    return try read(descriptor, source: path, lineLimit: lineLimit)
  }
}

private func readInto(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int
{
  read(descriptor, buffer, count)
}
