/// The distinct date ranges of one service's reports shorter than 12 months, kept sorted and
/// non-overlapping so that checking a new report costs a binary search, not a scan.
struct ShortReports: Sendable {
  private var ranges: [(from: CivilDate, to: CivilDate)] = []

  /// The stored range that `from...to` overlaps without being identical to it, if any.
  func overlap(_ from: CivilDate, _ to: CivilDate) -> (from: CivilDate, to: CivilDate)? {
    let index = insertionIndex(from)
    for candidate in [index - 1, index] where ranges.indices.contains(candidate) {
      let range = ranges[candidate]
      let identical = range.from == from && range.to == to
      if !identical && range.from <= to && from <= range.to { return range }
    }
    return nil
  }

  /// Adds `from...to` (a range identical to a stored one is kept once).
  mutating func insert(_ from: CivilDate, _ to: CivilDate) {
    let index = insertionIndex(from)
    if ranges.indices.contains(index), ranges[index].from == from { return }
    ranges.insert((from, to), at: index)
  }

  /// The first index whose range starts on or after `from`.
  private func insertionIndex(_ from: CivilDate) -> Int {
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
