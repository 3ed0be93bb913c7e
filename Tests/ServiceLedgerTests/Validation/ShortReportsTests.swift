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

  /// A random report shorter than 12 months in the 30 months from `base`: mostly whole months
  /// and quarters, some odd ranges, some straddling months; none past the calendar's last day.
  static func report(_ random: inout SplitMix64, from base: CivilDate) -> (
    from: CivilDate, to: CivilDate
  ) {
    let month = base.adding(months: random.index(30))
    let (from, to): (CivilDate, CivilDate)
    switch random.index(10) {
    case 0..<5: (from, to) = (month, month.adding(months: 1).adding(days: -1))
    case 5..<7: (from, to) = (month, month.adding(months: 3).adding(days: -1))
    case 7: (from, to) = (month, month.adding(months: 2).adding(days: -1))
    case 8:
      from = month.adding(days: random.index(20))
      to = from.adding(days: random.index(40))
    default:
      from = month.adding(days: 14)
      to = from.adding(months: 1).adding(days: -1)
    }
    return (from, min(to, CivilDate(year: 9999, month: 12, day: 31) ?? to))
  }

  @Test("random sequences of months, quarters, odd ranges and restatements")
  func differential() throws {
    var random = SplitMix64(seed: 2015)
    // Around 2014, across the leap day of 2016, and up to the calendar's last month.
    let bases = [(2013, 1), (2015, 1), (9997, 7)].compactMap {
      CivilDate(year: $0.0, month: $0.1, day: 1)
    }
    for round in 0..<300 {
      let base = bases[round % bases.count]
      var kept = ShortReports()
      var reference = Reference()
      for step in 0..<(20 + random.index(60)) {
        let (from, to) = Self.report(&random, from: base)
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

extension ShortReportsTests {
  @Test("months and quarters that end in December 9999, the calendar's last, are found whole")
  func lastMonths() throws {
    for (from, to, later) in [
      ("9999-12-01", "9999-12-31", "9999-12-31"), ("9999-10-01", "9999-12-31", "9999-12-31"),
      ("9999-10-01", "9999-12-31", "9999-12-30"),
    ] {
      var kept = ShortReports()
      var reference = Reference()
      for (start, end) in [(from, to), (later, later)] {
        let (first, last) = (try #require(CivilDate(start)), try #require(CivilDate(end)))
        let got = kept.insertUnlessOverlapping(first, last).map {
          [$0.from.dayNumber, $0.to.dayNumber]
        }
        let expected = reference.insert(first.dayNumber, last.dayNumber).map { [$0.from, $0.to] }
        #expect(got == expected, "\(from)..\(to), then \(start)..\(end)")
      }
      // A snapshot of the run is one a cache can load again.
      #expect(ShortReports(snapshot: kept.snapshot) != nil, "\(from)..\(to)")
    }
  }

  @Test("a damaged snapshot whose days lie outside the calendar is refused, not trusted")
  func damagedSnapshot() {
    for entry in [
      ShortReports.Entry(from: .max - 40, to: .max - 1, months: 1),
      ShortReports.Entry(from: .max - 100, to: .max, months: 3),
      ShortReports.Entry(from: .min, to: .min + 30, months: 1),
      ShortReports.Entry(from: .max - 1, to: .max, months: 0),
    ] {
      #expect(ShortReports(snapshot: [entry]) == nil, "\(entry)")
    }
  }
}
