import Testing

@testable import ServiceLedger

/// `ShortReports` keeps runs of months and quarters as one entry each: every answer must be
/// the one the ranges kept one by one give.
@Suite("Short reports kept as runs answer as the ranges kept one by one")
struct ShortReportsTests {
  /// The rule over plain ranges, kept one by one and searched in full: the reference.
  struct Reference {
    var ranges: [(from: Int, to: Int)] = []

    mutating func insert(_ from: Int, _ to: Int) -> (from: Int, to: Int)? {
      let index = ranges.firstIndex { $0.from >= from } ?? ranges.count
      for candidate in (index - 1)...index where ranges.indices.contains(candidate) {
        let range = ranges[candidate]
        if !(range.from == from && range.to == to) && range.from <= to && from <= range.to {
          return range
        }
      }
      if ranges.indices.contains(index), ranges[index].from == from { return nil }
      ranges.insert((from, to), at: index)
      return nil
    }
  }

  /// A random report shorter than 12 months near 2014: mostly whole months and quarters, some
  /// odd ranges, some straddling months.
  static func report(_ random: inout SplitMix64) -> (from: CivilDate, to: CivilDate) {
    let base = CivilDate(year: 2013, month: 1, day: 1) ?? CivilDate(dayNumber: 0)
    let month = base.adding(months: random.index(30))
    switch random.index(10) {
    case 0..<5: return (month, month.adding(months: 1).adding(days: -1))
    case 5..<7: return (month, month.adding(months: 3).adding(days: -1))
    case 7: return (month, month.adding(months: 2).adding(days: -1))
    case 8:
      let start = month.adding(days: random.index(20))
      return (start, start.adding(days: random.index(40)))
    default:
      let start = month.adding(days: 14)
      return (start, start.adding(months: 1).adding(days: -1))
    }
  }

  @Test("random sequences of months, quarters, odd ranges and restatements")
  func differential() throws {
    var random = SplitMix64(seed: 2015)
    for round in 0..<300 {
      var kept = ShortReports()
      var reference = Reference()
      for step in 0..<(20 + random.index(60)) {
        let (from, to) = Self.report(&random)
        let got = kept.insertUnlessOverlapping(from, to).map {
          [$0.from.dayNumber, $0.to.dayNumber]
        }
        let expected = reference.insert(from.dayNumber, to.dayNumber).map { [$0.from, $0.to] }
        #expect(got == expected, "round \(round), step \(step): \(from)..\(to)")
        if got != expected { return }
        // Saved and loaded at any point, it answers the same.
        if step % 17 == 0 { kept = try #require(ShortReports(snapshot: kept.snapshot)) }
      }
      #expect(kept.snapshot.count <= reference.ranges.count)
    }
  }

  @Test(
    "ten years of monthly reports are one entry; a restated month is found; a straddling one is refused"
  )
  func monthlyRun() throws {
    var kept = ShortReports()
    let start = try #require(CivilDate("2005-01-01"))
    for month in 0..<120 {
      let from = start.adding(months: month)
      #expect(kept.insertUnlessOverlapping(from, from.adding(months: 1).adding(days: -1)) == nil)
    }
    #expect(kept.snapshot.count == 1)
    let march = try #require(CivilDate("2009-03-01"))
    #expect(kept.insertUnlessOverlapping(march, try #require(CivilDate("2009-03-31"))) == nil)
    let clash = kept.insertUnlessOverlapping(
      try #require(CivilDate("2009-03-15")), try #require(CivilDate("2009-04-14")))
    #expect(clash.map { "\($0.from)..\($0.to)" } == "2009-03-01..2009-03-31")
    #expect(kept.snapshot.count == 1)
  }
}
