/// How the lines of a base file map onto the lines of the current file: which base lines are
/// still there (and whether in their order), which were removed, and which new lines were put
/// before the end of the base instead of after it.
struct LineMatching {
  /// A base line found again: indexes are 0-based.
  struct Match {
    var base: Int
    var current: Int
    /// Whether it keeps its order relative to the other base lines (it is on the longest run
    /// of matches that are in order).
    var inOrder: Bool
  }

  private(set) var matches: [Match] = []
  /// Base lines not found, 0-based, ascending.
  private(set) var removed: [Int] = []
  /// Current lines that match no base line but come before the last matched one, ascending.
  private(set) var inserted: [Int] = []

  init(base: [BaseLine], current: [BaseLine]) {
    var positions: [String: [Int]] = [:]
    for (index, line) in current.enumerated() { positions[line.key, default: []].append(index) }
    var used = Set<Int>()
    var pairs: [(base: Int, current: Int)] = []
    var missing: [Int] = []
    for (index, line) in base.enumerated() {
      let candidates = (positions[line.key] ?? []).filter { !used.contains($0) }
      let chosen =
        candidates.first { $0 == index }
        ?? candidates.first { current[$0].text == line.text } ?? candidates.first
      guard let chosen else {
        missing.append(index)
        continue
      }
      used.insert(chosen)
      pairs.append((index, chosen))
    }
    // A base line whose counterpart no longer parses (or lost its id) was edited in place
    // when the current line at the same position matches nothing else; so was one whose id
    // changed, when base lines still follow it. A line with an id of its own after every
    // matched line is new: the base's lines are missing (a branch behind the base).
    let lastMatched = pairs.map(\.current).max() ?? -1
    for index in missing {
      if index < current.count, !used.contains(index),
        base[index].id == nil || current[index].id == nil || index < lastMatched
      {
        used.insert(index)
        pairs.append((index, index))
      } else {
        removed.append(index)
      }
    }
    pairs.sort { $0.base < $1.base }
    let ordered = LineMatching.longestIncreasing(pairs.map(\.current))
    matches = pairs.enumerated().map { offset, pair in
      Match(base: pair.base, current: pair.current, inOrder: ordered.contains(offset))
    }
    let last = pairs.map(\.current).max() ?? -1
    inserted = (0..<current.count).filter { $0 < last && !used.contains($0) }
  }

  /// The offsets of one longest strictly increasing subsequence of `values` (patience sort).
  static func longestIncreasing(_ values: [Int]) -> Set<Int> {
    var tails: [Int] = []
    var previous = [Int](repeating: -1, count: values.count)
    for (offset, value) in values.enumerated() {
      let low = tails.partitionIndex { values[$0] < value }
      if low > 0 { previous[offset] = tails[low - 1] }
      if low == tails.count { tails.append(offset) } else { tails[low] = offset }
    }
    var result = Set<Int>()
    var offset = tails.last ?? -1
    while offset >= 0 {
      result.insert(offset)
      offset = previous[offset]
    }
    return result
  }

  /// Ascending indexes grouped into runs of consecutive ones.
  static func runs(_ indexes: [Int]) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    for index in indexes {
      if let last = runs.last, last.upperBound + 1 == index {
        runs[runs.count - 1] = last.lowerBound...index
      } else {
        runs.append(index...index)
      }
    }
    return runs
  }
}
