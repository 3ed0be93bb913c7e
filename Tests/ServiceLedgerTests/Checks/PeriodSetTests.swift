import Testing

@testable import ServiceLedger

/// `PeriodSet` against the plainest model, a set of (from, to) pairs: calendar periods (bits),
/// other periods (numbers) and calendar periods too far apart for one bitmap, put in and taken
/// out in random order.
@Suite("Period sets answer as a set of periods does")
struct PeriodSetTests {
  /// A period starting in one of `span` months from 1000-01: whole calendar months (1, 3 or
  /// 12, or up to 14 to pass the bitmaps' limit), a few days, or a month from the 2nd.
  static func period(_ random: inout SplitMix64, span: Int) -> (CivilDate, CivilDate) {
    let from = date("1000-01-01").adding(months: random.below(span))
    switch random.below(4) {
    case 0: return (from, from.adding(months: random.pick([1, 3, 12])).adding(days: -1))
    case 1: return (from, from.adding(months: 1 + random.below(14)).adding(days: -1))
    case 2: return (from, from.adding(days: random.below(40)))
    default: return (from.adding(days: 1), from.adding(months: 1))
    }
  }

  /// 50 years (every bitmap within 64 words), 1,000 years (bitmaps that refuse months until
  /// they hold enough) and 8,000 years (mostly numbers).
  @Test(
    "random inserts and removals",
    arguments: [(1, 600), (2, 600), (3, 12_000), (4, 12_000), (5, 96_000), (6, 96_000)])
  func agrees(seed: UInt64, span: Int) {
    var random = SplitMix64(seed: seed)
    var set = PeriodSet()
    var model: Set<[Int]> = []
    var inserted: [(CivilDate, CivilDate)] = []
    for _ in 0..<4000 {
      // Removals mostly of periods put in earlier, some of periods never put in.
      let (from, to) =
        !inserted.isEmpty && random.below(2) == 0
        ? random.pick(inserted) : Self.period(&random, span: span)
      if random.below(3) == 0 {
        set.remove(from: from, to: to)
        model.remove([from.dayNumber, to.dayNumber])
      } else {
        set.insert(from: from, to: to)
        model.insert([from.dayNumber, to.dayNumber])
        inserted.append((from, to))
      }
      #expect(set.latestEnd()?.dayNumber == model.map { $0[1] }.max())
      let limit = Self.period(&random, span: span).1
      #expect(
        set.latestEnd(upTo: limit)?.dayNumber
          == model.map { $0[1] }.filter { $0 <= limit.dayNumber }.max())
    }
  }

  @Test("a bitmap spans no more words than it holds months")
  func months() {
    var bits = MonthBits()
    let inserted = (22_000..<(22_000 + 1200)).map { bits.insert($0) }
    #expect(inserted.allSatisfy { $0 })
    // 1,200 months held: the span may reach 1,201 words (76,864 months), no further.
    let within = bits.insert(22_000 + 76_000)
    let beyond = bits.insert(22_000 + 77_000)
    let before = bits.insert(22_000 - 100)
    #expect(within && !beyond && before)
    var sparse = MonthBits()
    let first = sparse.insert(22_000)
    let far = sparse.insert(22_000 + 2 * 64)
    let near = sparse.insert(22_000 + 64)
    #expect(first && !far && near)
    #expect(bits.last(atMost: 22_000 + 80_000) == 22_000 + 76_000)
    #expect(bits.last(atMost: 22_500) == 22_500)
    #expect(bits.last(atMost: 20_999) == nil)
    bits.remove(22_500)
    #expect(bits.last(atMost: 22_500) == 22_499)
  }

  /// Periods at the ends of the calendar (years 1 and 9999) and limits before and after every
  /// date: the month numbers and keys at their extremes.
  @Test("the first and last years, and limits outside them")
  func edges() {
    var random = SplitMix64(seed: 9)
    let starts = [date("0001-01-01"), date("0001-12-01"), date("9998-01-01"), date("9999-12-01")]
    var set = PeriodSet()
    var model: Set<[Int]> = []
    for _ in 0..<400 {
      let from = random.pick(starts).adding(months: random.below(3) - 1)
      guard from >= date("0001-01-01"), from <= date("9999-12-31") else { continue }
      let to = min(from.adding(months: 1 + random.below(12)).adding(days: -1), date("9999-12-31"))
      if random.below(3) == 0 {
        set.remove(from: from, to: to)
        model.remove([from.dayNumber, to.dayNumber])
      } else {
        set.insert(from: from, to: to)
        model.insert([from.dayNumber, to.dayNumber])
      }
      for limit in [
        CivilDate(dayNumber: -1_000_000), date("0001-01-30"), date("0001-01-31"),
        date("5000-06-15"), date("9999-12-30"), date("9999-12-31"), CivilDate(dayNumber: 3_000_000),
      ] {
        #expect(
          set.latestEnd(upTo: limit)?.dayNumber
            == model.map { $0[1] }.filter { $0 <= limit.dayNumber }.max())
      }
      #expect(set.latestEnd()?.dayNumber == model.map { $0[1] }.max())
    }
  }

  /// Months thrown anywhere from year 1 to 9999, a pair per bitmap or many: whatever a bitmap
  /// takes, its span is never more words than the months it holds, so it is never larger than
  /// the numbers it replaces (a floor of 64 words let two months take 512 bytes).
  @Test("a bitmap of sparse months is never larger than the months as numbers", arguments: 1...4)
  func sparseMonths(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    for _ in 0..<200 {
      var bits = MonthBits()
      var held: Set<Int> = []
      var widest = 0
      for _ in 0..<(1 + random.below(seed * 10)) {
        let month = 12 + random.below(120_000)
        if bits.insert(month) { held.insert(month) }
        let span = (held.max() ?? 0) / 64 - (held.min() ?? 0) / 64 + 1
        if span > held.count, widest == 0 { widest = span }
      }
      #expect(widest == 0, "a span of \(widest) words for months \(held.sorted())")
    }
  }
}
