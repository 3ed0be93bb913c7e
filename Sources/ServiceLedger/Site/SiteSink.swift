import Foundation

/// Where the files of a site go, one at a time as they are rendered: a folder being written
/// (`SiteFolder.Writer`) or a list held in memory (`SitePages`).
public protocol SiteSink: AnyObject {
  /// Takes one file of the site.
  /// - Throws: `SiteError` when it cannot be kept.
  func write(_ page: SitePage) throws(SiteError)

  /// Takes the first `lines` lines of the file at `source` (nil: the whole file) as the
  /// site's file `path`.
  /// - Returns: how many lines and bytes it holds.
  /// - Throws: `SiteError` when the file cannot be read or kept.
  func copy(_ source: String, to path: String, lines: Int?) throws(SiteError) -> (
    lines: Int, bytes: Int
  )
}

/// A site's files held in memory, in the order written: for tests and small ledgers.
public final class SitePages: SiteSink {
  public private(set) var pages: [SitePage] = []

  public init() {}

  public func write(_ page: SitePage) throws(SiteError) { pages.append(page) }

  public func copy(_ source: String, to path: String, lines: Int?) throws(SiteError) -> (
    lines: Int, bytes: Int
  ) {
    guard let data = FileManager.default.contents(atPath: source) else {
      throw SiteError.read(source, "cannot read the file")
    }
    let bytes = lines.map { SiteCopy.prefix(Array(data), lines: $0) } ?? Array(data)
    pages.append(SitePage(path: path, bytes: bytes))
    return (bytes.count { $0 == 0x0A }, bytes.count)
  }
}

/// Copying a ledger file's first lines: the file as it was when those were its last.
enum SiteCopy {
  /// How many bytes are read and written at a time.
  static let blockSize = 1 << 20

  /// The first `lines` lines of `bytes` (each with its newline).
  static func prefix(_ bytes: [UInt8], lines: Int) -> [UInt8] {
    var seen = 0
    var end = 0
    if lines > 0 {
      for (index, byte) in bytes.enumerated() where byte == 0x0A {
        seen += 1
        end = index + 1
        if seen == lines { break }
      }
    }
    return Array(bytes.prefix(end))
  }

  /// Copies the first `lines` lines of the file at `source` (nil: the whole file) to a new
  /// file at `destination`, `blockSize` bytes at a time.
  /// - Returns: how many lines and bytes were copied.
  /// - Throws: `SiteError.read` naming the file that cannot be read, `SiteError.io` the one
  ///   that cannot be written.
  static func lines(
    _ wanted: Int?, from source: String, to destination: String, blockSize: Int = blockSize
  ) throws(SiteError) -> (lines: Int, bytes: Int) {
    let lines = wanted ?? Int.max
    let input = open(source, O_RDONLY)
    guard input >= 0 else {
      throw SiteError.read(source, "cannot read: \(String(cString: strerror(errno)))")
    }
    defer { close(input) }
    let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard output >= 0 else {
      throw SiteError.io(destination, "cannot write: \(String(cString: strerror(errno)))")
    }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: blockSize)
    var copied = (lines: 0, bytes: 0)
    var written = 0
    while copied.lines < lines {
      let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, blockSize) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SiteError.read(source, "cannot read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      // The whole block, or up to the last line wanted; a line the block cuts is finished by
      // the next one, and one the file never finishes is cut off below.
      var end = count
      buffer.withUnsafeBytes { block in
        guard let base = block.baseAddress else { return }
        var from = 0
        while from < count, let found = memchr(base + from, 0x0A, count - from) {
          let index = base.distance(to: UnsafeRawPointer(found))
          copied.lines += 1
          copied.bytes = written + index + 1
          from = index + 1
          if copied.lines == lines {
            end = from
            return
          }
        }
      }
      // 0, or the error that stopped the write.
      let failure = buffer.withUnsafeBytes { block -> Int32 in
        var done = 0
        while done < end {
          let result = write(output, block.baseAddress.map { $0 + done }, end - done)
          if result < 0 {
            if errno == EINTR { continue }
            return errno
          }
          done += result
        }
        return 0
      }
      if failure != 0 {
        throw SiteError.io(destination, "cannot write: \(String(cString: strerror(failure)))")
      }
      written += end
    }
    if wanted == nil { copied.bytes = written }
    if written > copied.bytes, ftruncate(output, off_t(copied.bytes)) != 0 {
      throw SiteError.io(destination, "cannot write: \(String(cString: strerror(errno)))")
    }
    return copied
  }
}
