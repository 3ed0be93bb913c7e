#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The end of one log file, read in blocks for `ledger repair` and a writer settling a cut-off
/// append: where its last line starts, the line number at an offset, and the bytes after an
/// offset, without reading the file whole.
struct FileTail {
  let path: String
  /// The file's size when opened.
  let size: Int
  private let descriptor: Int32
  private static let blockSize = 1 << 20

  /// Opens the regular file at `path`; the caller closes it.
  /// - Throws: `LedgerError.io` when it cannot be opened or is not a regular file.
  init(path: String) throws(LedgerError) {
    self.path = path
    descriptor = try FileIO.openRegular(path)
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      close(descriptor)
      throw FileIO.error(path)
    }
    size = Int(status.st_size)
  }

  /// Closes the file.
  func closeFile() { close(descriptor) }

  /// Reads `count` bytes at `offset` into `buffer` (which holds at least that many).
  private func read(_ buffer: inout [UInt8], count: Int, at offset: Int) throws(LedgerError) {
    var filled = 0
    while filled < count {
      let read = buffer.withUnsafeMutableBytes {
        pread(
          descriptor, $0.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
      }
      if read < 0, errno == EINTR { continue }
      guard read > 0 else { throw FileIO.error(path) }
      filled += read
    }
  }

  /// The byte at `offset`.
  func byte(at offset: Int) throws(LedgerError) -> UInt8 {
    var buffer = [UInt8](repeating: 0, count: 1)
    try read(&buffer, count: 1, at: offset)
    return buffer[0]
  }

  /// Where the last line starts: just after the last `\n`, or 0 when there is none; searched
  /// backwards a block at a time.
  func lastLineStart() throws(LedgerError) -> Int {
    var buffer = [UInt8](repeating: 0, count: Self.blockSize)
    var end = size
    while end > 0 {
      let start = max(0, end - Self.blockSize)
      try read(&buffer, count: end - start, at: start)
      if let last = buffer[..<(end - start)].lastIndex(of: UInt8(ascii: "\n")) {
        return start + last + 1
      }
      end = start
    }
    return 0
  }

  /// The number of the line that starts at `offset` (1 + the line breaks before it).
  func lineNumber(at offset: Int) throws(LedgerError) -> Int {
    var buffer = [UInt8](repeating: 0, count: Self.blockSize)
    var position = 0
    var breaks = 0
    while position < offset {
      let count = min(Self.blockSize, offset - position)
      try read(&buffer, count: count, at: position)
      breaks += buffer.withUnsafeBytes {
        Newlines.count(UnsafeRawBufferPointer(rebasing: $0[..<count]))
      }
      position += count
    }
    return breaks + 1
  }

  /// The bytes from `offset` to the end.
  func bytes(from offset: Int) throws(LedgerError) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: max(size - offset, 0))
    try read(&buffer, count: buffer.count, at: offset)
    return buffer
  }
}
