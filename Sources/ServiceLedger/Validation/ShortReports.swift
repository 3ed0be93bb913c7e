/// The distinct date ranges of one service's reports shorter than 12 months, kept sorted and
/// non-overlapping so that checking a new report costs a binary search, not a scan.
///
/// Days are kept as 32-bit numbers: a long log holds one range per monthly report.
struct ShortReports: Sendable {
  private var ranges: [(from: Int32, to: Int32)] = []

  /// The ranges as they are in memory, for a snapshot: pairs of 32-bit day numbers.
  func withRanges<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    ranges.withUnsafeBytes(body)
  }

  /// The ranges of a snapshot's `bytes` (see `withRanges`), or nil when they are not sorted
  /// and apart, as stored ranges always are.
  init?(snapshot bytes: UnsafeRawBufferPointer) {
    let size = MemoryLayout<(from: Int32, to: Int32)>.stride
    guard bytes.count % size == 0 else { return nil }
    ranges = Array(repeating: (0, 0), count: bytes.count / size)
    ranges.withUnsafeMutableBytes { $0.copyMemory(from: bytes) }
    var previous: Int32?
    for range in ranges {
      guard range.from <= range.to, previous.map({ range.from > $0 }) ?? true else { return nil }
      previous = range.to
    }
  }

  init() {}

  /// Adds `from...to` unless it overlaps a stored range without being identical to it, with
  /// one search for both: the clashing range, or nil when it was added (or was there).
  mutating func insertUnlessOverlapping(_ from: CivilDate, _ to: CivilDate)
    -> (from: CivilDate, to: CivilDate)?
  {
    let start = Int32(clamping: from.dayNumber)
    let end = Int32(clamping: to.dayNumber)
    let index = insertionIndex(start)
    for candidate in (index - 1)...index where ranges.indices.contains(candidate) {
      let range = ranges[candidate]
      let identical = range.from == start && range.to == end
      if !identical && range.from <= end && start <= range.to {
        return (CivilDate(dayNumber: Int(range.from)), CivilDate(dayNumber: Int(range.to)))
      }
    }
    if ranges.indices.contains(index), ranges[index].from == start { return nil }
    if index == ranges.count {
      ranges.append((start, end))
    } else {
      ranges.insert((start, end), at: index)
    }
    return nil
  }

  /// The first index whose range starts on or after `from`.
  private func insertionIndex(_ from: Int32) -> Int {
    if let last = ranges.last, last.from < from { return ranges.count }
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].from < from { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
