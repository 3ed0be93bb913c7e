extension SVGLineChart {
  /// Where lines of a chart lie on top of each other: two services at 0.0% over the same
  /// quarters draw the same pixels, so the one drawn first would vanish under the other.
  /// The one beneath is drawn wider where they meet (a band of its colour around the other),
  /// and the legend says which lines coincide.
  struct Overlaps {
    /// Per series, per segment (between point `i` and `i + 1`): how many later series draw the
    /// same segment.
    var segments: [[Int]]
    /// Per series, per point: how many later series have a point at the same place.
    var points: [[Int]]
    /// The groups of series that share a segment or a point with another of the group, each
    /// in drawing order (the first drawn beneath the others), in order of their first series.
    var groups: [[Int]]

    /// The overlaps of series drawn at `coordinates` (per series, its points as `x,y` text
    /// rounded as drawn), in drawing order.
    init(_ coordinates: [[String]]) {
      let segmentKeys = coordinates.map { points in
        points.indices.dropLast().map { points[$0] + " " + points[$0 + 1] }
      }
      segments = segmentKeys.map { Array(repeating: 0, count: $0.count) }
      points = coordinates.map { Array(repeating: 0, count: $0.count) }
      // Each series' group, as the first series of it.
      var group = Array(coordinates.indices)
      for above in coordinates.indices {
        let aboveSegments = Set(segmentKeys[above])
        let abovePoints = Set(coordinates[above])
        for beneath in 0..<above {
          var shared = false
          for (index, key) in segmentKeys[beneath].enumerated() where aboveSegments.contains(key) {
            segments[beneath][index] += 1
            shared = true
          }
          for (index, point) in coordinates[beneath].enumerated() where abovePoints.contains(point)
          {
            points[beneath][index] += 1
            shared = true
          }
          if shared {
            let (keep, merge) = (
              min(group[beneath], group[above]), max(group[beneath], group[above])
            )
            for index in group.indices where group[index] == merge { group[index] = keep }
          }
        }
      }
      groups = coordinates.indices.compactMap { first in
        let members = group.indices.filter { group[$0] == first }
        return group[first] == first && members.count > 1 ? members : nil
      }
    }
  }

  /// The legend's lines saying which lines coincide, wrapped at spaces to the chart's width:
  /// `Lines on top of each other where equal: Summons to carry out jury service (beneath,
  /// wider) and Money claims: enforcement applications.`
  func overlapNotes(_ overlaps: Overlaps, size: Double) -> [String] {
    let room = SVGChart.width - Self.left
    return overlaps.groups.flatMap { group in
      let names = group.map { series[$0].name }
      let listed =
        names.count == 2
        ? "\(names[0]) (beneath, wider) and \(names[1])"
        : "\(names[0]) (beneath, widest), " + names.dropFirst().dropLast().joined(separator: ", ")
          + " and \(names[names.count - 1]) (on top)"
      return SVGChart.wrapped(
        "Lines on top of each other where equal: " + listed + ".", width: room, size: size)
    }
  }
}
