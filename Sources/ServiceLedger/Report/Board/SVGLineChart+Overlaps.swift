extension SVGLineChart {
  /// Values this close (a share of the axis: 3 percentage points, 5.1 user units) are drawn as
  /// lines on top of each other. That close, two lines' point markers (5.9 units across)
  /// overlap and at most 3.1 units of white lie between their 2-unit strokes, too little to
  /// tell two lines apart, the more so printed on A4 (0% and 2.5% are 4.25 units apart).
  static let closeness = 0.03

  /// Where lines of a chart lie on top of or close to each other: two services at 0.0% over
  /// the same quarters draw the same pixels, at 0% and 2% nearly the same, so the one drawn first
  /// would vanish under the other. The one beneath is drawn wider where they meet (a band of
  /// its colour around the others), and the legend says which lines coincide.
  struct Overlaps {
    /// A point in user units.
    typealias Point = (x: Double, y: Double)

    /// How one segment or point of a line is covered by the lines drawn after it.
    struct Cover: Equatable {
      /// How many later lines run within `closeness` along the whole segment, or have a point
      /// within `closeness` of the point.
      var count = 0
      /// The largest distance to them, in user units: 0 when they coincide.
      var reach = 0.0

      /// Counts one more line, `distance` away.
      mutating func add(_ distance: Double) {
        count += 1
        reach = max(reach, distance < Overlaps.equal ? 0 : distance)
      }
    }

    /// Per series, per segment (between point `i` and `i + 1`).
    var segments: [[Cover]]
    /// Per series, per point.
    var points: [[Cover]]
    /// The pairs of series (beneath, above) drawn on top of each other somewhere: whether
    /// they coincide there exactly (rather than come close), keyed by the pair.
    var pairs: [Pair: Bool]
    /// Groups of series of which every two are in `pairs`, together covering all of `pairs`,
    /// each in drawing order (the first drawn beneath the others), in order of their first
    /// pair: three lines at 0% make one group, but a line near the second of two lines that
    /// are apart makes two groups, so no two lines are said to meet that do not.
    var groups: [[Int]]

    /// Two series, the one drawn first and one drawn after it.
    struct Pair: Hashable {
      var beneath: Int
      var above: Int
    }

    /// Distances below this (user units, the coordinates' rounding) count as equal.
    static let equal = 0.05

    /// The overlaps of lines drawn through `lines` (per series, its points in user units, left
    /// to right), in drawing order, counting lines within `closeness` user units.
    init(_ lines: [[Point]], closeness: Double) {
      segments = lines.map { Array(repeating: Cover(), count: max($0.count - 1, 0)) }
      points = lines.map { Array(repeating: Cover(), count: $0.count) }
      pairs = [:]
      for above in lines.indices {
        for beneath in 0..<above {
          var reaches: [Double] = []
          for index in segments[beneath].indices {
            let ends = (lines[beneath][index], lines[beneath][index + 1])
            guard let gap = Self.gap(ends.0, ends.1, lines[above]), gap <= closeness else {
              continue
            }
            segments[beneath][index].add(gap)
            reaches.append(gap)
          }
          for (index, point) in lines[beneath].enumerated() {
            let nearest = lines[above].map { Self.distance(point, $0) }.min() ?? .infinity
            guard nearest <= closeness else { continue }
            points[beneath][index].add(nearest)
            reaches.append(nearest)
          }
          if !reaches.isEmpty {
            pairs[Pair(beneath: beneath, above: above)] = reaches.allSatisfy { $0 < Self.equal }
          }
        }
      }
      groups = []
      var uncovered = pairs.keys.sorted { ($0.beneath, $0.above) < ($1.beneath, $1.above) }
      while let first = uncovered.first {
        var group = [first.beneath, first.above]
        for candidate in lines.indices where !group.contains(candidate) {
          let meets = group.allSatisfy { member in
            pairs[Pair(beneath: min(member, candidate), above: max(member, candidate))] != nil
          }
          if meets { group.append(candidate) }
        }
        group.sort()
        uncovered.removeAll { group.contains($0.beneath) && group.contains($0.above) }
        groups.append(group)
      }
    }

    /// The largest vertical distance between the segment from `start` to `end` and `line`
    /// over the segment's span, or nil when `line` does not span all of it. The distance
    /// between two polylines changes linearly between their points, so it is largest at one.
    static func gap(_ start: Point, _ end: Point, _ line: [Point]) -> Double? {
      guard end.x > start.x, let first = line.first, let last = line.last,
        first.x <= start.x + equal, last.x >= end.x - equal
      else { return nil }
      let xs = [start.x, end.x] + line.map(\.x).filter { $0 > start.x && $0 < end.x }
      return xs.map { x in
        abs(height(of: [start, end], at: x) - height(of: line, at: x))
      }.max()
    }

    /// The height of `line` at `x`, interpolated between its points; `x` past an end takes
    /// that end's height.
    static func height(of line: [Point], at x: Double) -> Double {
      guard let after = line.firstIndex(where: { $0.x >= x }) else { return line.last?.y ?? 0 }
      guard after > 0, line[after].x > line[after - 1].x else { return line[after].y }
      let (left, right) = (line[after - 1], line[after])
      return left.y + (right.y - left.y) * (x - left.x) / (right.x - left.x)
    }

    /// The distance between two points.
    static func distance(_ a: Point, _ b: Point) -> Double {
      ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
  }

  /// The legend's lines saying which lines coincide or nearly do, wrapped at spaces to the
  /// chart's width, a sentence per group: `Lines on top of each other where equal: Summons to
  /// carry out jury service (beneath, wider) and Money claims: enforcement applications.`
  /// Where any two of a group only come close, `where within 3 percentage points` instead of
  /// `where equal`.
  func overlapNotes(_ overlaps: Overlaps, size: Double) -> [String] {
    let room = SVGChart.width - Self.left
    let within = "where within \(Int((Self.closeness * 100).rounded())) percentage points"
    return overlaps.groups.flatMap { group in
      let isEqual = overlaps.pairs.allSatisfy { pair, isEqual in
        isEqual || !group.contains(pair.beneath) || !group.contains(pair.above)
      }
      let note =
        "Lines on top of each other \(isEqual ? "where equal" : within): "
        + listing(group, overlaps) + "."
      return SVGChart.wrapped(note, width: room, size: size)
    }
  }

  /// The series `members` in drawing order: `A (beneath, wider) and B`; for more,
  /// `A, B and C (drawn in that order, each wider where a later one lies over it)`: which of
  /// them lie over which changes along the lines (three lines close to each other in turn at
  /// different dates), so the legend gives the order, which holds everywhere.
  func listing(_ members: [Int], _ overlaps: Overlaps) -> String {
    let names = members.map { series[$0].name }
    guard names.count > 2 else {
      return "\(names[0]) (beneath, wider) and \(names[names.count - 1])"
    }
    return names.dropLast().joined(separator: ", ") + " and \(names[names.count - 1]) "
      + "(drawn in that order, each wider where a later one lies over it)"
  }
}
