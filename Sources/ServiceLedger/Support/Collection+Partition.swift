extension RandomAccessCollection where Index == Int {
  /// The first index whose element is not `before` the one looked for, in a collection where
  /// every element `before` it comes first (sorted): where to insert, found by halving.
  @inline(__always)
  func partitionIndex(where before: (Element) -> Bool) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = (low + high) / 2
      if before(self[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
