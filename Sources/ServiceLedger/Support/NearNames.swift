/// Names close to one a user typed, for "did you mean" suggestions.
public enum NearNames {
  /// The candidates that `typed` is close to, best first, at most `limit`: those that contain
  /// it or are contained in it (ignoring case), or whose label (a service's name, say) contains
  /// it, then those within a small edit distance (a third of the longer's length, at least 2).
  /// - Parameters:
  ///   - typed: what the user gave.
  ///   - candidates: each a name and an optional label that also matches by substring.
  ///   - limit: the most suggestions to return.
  /// - Returns: candidate names, closest first.
  public static func suggestions(
    for typed: String, among candidates: [(name: String, label: String?)], limit: Int = 3
  ) -> [String] {
    let needle = typed.lowercased()
    guard !needle.isEmpty else { return [] }
    var scored: [(score: Int, name: String)] = []
    for candidate in candidates {
      let name = candidate.name.lowercased()
      let label = candidate.label?.lowercased() ?? ""
      let distance = editDistance(needle, name)
      if name.contains(needle) || needle.contains(name) || label.contains(needle) {
        scored.append((distance - 1000, candidate.name))
      } else if distance <= max(2, max(needle.count, name.count) / 3) {
        scored.append((distance, candidate.name))
      }
    }
    var seen: Set<String> = []
    return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }
      .map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
  }

  /// The Levenshtein distance between `a` and `b`, by character.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
