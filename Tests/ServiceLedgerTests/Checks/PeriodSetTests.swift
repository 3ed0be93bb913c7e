import Testing

@testable import ServiceLedger

/// `PeriodSet` against the plainest model, a set of (from, to) pairs: calendar periods (bits),
/// other periods (numbers) and calendar periods too far apart for one bitmap, put in and taken
/// out in random order.
@Suite("Period sets answer as a set of periods does")
struct PeriodSetTests {
  /// A period: whole calendar months (1, 3 or 12, or up to 14 to pass the bitmaps' limit),
  /// a few days, or a month that starts on the 2nd; from a narrow or a very wide span of years.
  static func period(_ random: inout SplitMix64, wide: Bool) -> (CivilDate, CivilDate) {
    let start = wide ? date("0001-01-01") : date("1990-01-01")
    let from = start.adding(months: random.below(wide ? 9998 * 12 : 600))
    switch random.below(4) {
    case 0: return (from, from.adding(months: random.pick([1, 3, 12])).adding(days: -1))
    case 1: return (from, from.adding(months: 1 + random.below(14)).adding(days: -1))
    case 2: return (from, from.adding(days: random.below(40)))
    default: return (from.adding(days: 1), from.adding(months: 1))
    }
  }

  @Test("random inserts and removals", arguments: [(1, false), (2, false), (3, true), (4, true)])
  func agrees(seed: UInt64, wide: Bool) {
    var random = SplitMix64(seed: seed)
    var set = PeriodSet()
    var model: Set<[Int]> = []
    var inserted: [(CivilDate, CivilDate)] = []
    for _ in 0..<4000 {
      // Removals mostly of periods put in earlier, some of periods never put in.
      let (from, to) =
        !inserted.isEmpty && random.below(2) == 0
        ? random.pick(inserted) : Self.period(&random, wide: wide)
      if random.below(3) == 0 {
        set.remove(from: from, to: to)
        model.remove([from.dayNumber, to.dayNumber])
      } else {
        set.insert(from: from, to: to)
        model.insert([from.dayNumber, to.dayNumber])
        inserted.append((from, to))
      }
      #expect(set.latestEnd()?.dayNumber == model.map { $0[1] }.max())
      let limit = Self.period(&random, wide: wide).1
      #expect(
        set.latestEnd(upTo: limit)?.dayNumber
          == model.map { $0[1] }.filter { $0 <= limit.dayNumber }.max())
    }
  }

  @Test("a century of months is a few words")
  func months() {
    var bits = MonthBits()
    let inserted = (22_000..<(22_000 + 1200)).map { bits.insert($0) }
    #expect(inserted.allSatisfy { $0 })
    // Beyond 4,096 months of the first: outside the window, for the caller to keep otherwise.
    let later = bits.insert(22_000 + 4200)
    let earlier = bits.insert(22_000 - 3000)
    #expect(!later && !earlier)
    #expect(bits.last(atMost: 30_000) == 22_000 + 1199)
    #expect(bits.last(atMost: 22_500) == 22_500)
    #expect(bits.last(atMost: 21_999) == nil)
    let removed = bits.remove(22_500)
    let removedAgain = bits.remove(22_500)
    #expect(removed && !removedAgain)
    #expect(bits.last(atMost: 22_500) == 22_499)
  }
}
