#if canImport(Glibc)
  import Glibc
#endif

/// Large pages for large tables read at random (Linux's transparent huge pages, where the
/// system leaves them to be asked for): a hint, which changes no result.
enum LargePages {
  private static let size = 2 << 20

  /// Asks for the whole large pages inside `buffer` (not yet touched) to be large pages.
  static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
    #if canImport(Glibc)
      guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
      let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    #endif
  }
}
