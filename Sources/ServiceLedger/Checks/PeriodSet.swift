/// A set of report periods (`from`…`to`) that answers the latest `to`, compact for the periods
/// reports nearly always cover: a period of 1 to 12 whole calendar months (a month, a quarter,
/// a year from the 1st of a month) is one bit, by the month it ends in, in a bitmap per length;
/// any other period, and one too far from the rest of its bitmap, is one 64-bit number.
///
/// So a service reporting every month for a century holds 150 bytes, not 10 KB, and however
/// its periods are spread, a bitmap is never larger than the numbers it replaces (`MonthBits`).
struct PeriodSet: Sendable {
  /// Per length in months, the months such periods end in.
  private var calendar: [(length: Int, months: MonthBits)] = []
  /// The other periods, `to` in the high half and `from` in the low half (day numbers offset
  /// to be non-negative), in ascending order.
  private var others: [UInt64] = []

  /// Adds the period `from`…`to`; nothing when it is already in.
  mutating func insert(from: CivilDate, to: CivilDate) {
    if let (length, month) = Self.calendarPeriod(from: from, to: to) {
      if let index = calendar.firstIndex(where: { $0.length == length }) {
        if calendar[index].months.insert(month) { return }
      } else {
        var months = MonthBits()
        _ = months.insert(month)
        calendar.append((length, months))
        return
      }
    }
    let key = Self.key(from: from, to: to)
    if let last = others.last, last >= key {
      let index = Self.index(of: key, in: others)
      if index == others.count || others[index] != key { others.insert(key, at: index) }
    } else {
      others.append(key)
    }
  }

  /// Takes the period `from`…`to` out; nothing when it is not in.
  mutating func remove(from: CivilDate, to: CivilDate) {
    // A calendar period may be in its bitmap and among the numbers too (put in as a number
    // while out of the bitmap's reach, then again once the bitmap had grown): from both.
    if let (length, month) = Self.calendarPeriod(from: from, to: to),
      let index = calendar.firstIndex(where: { $0.length == length })
    {
      calendar[index].months.remove(month)
    }
    let key = Self.key(from: from, to: to)
    let index = Self.index(of: key, in: others)
    if index < others.count, others[index] == key { others.remove(at: index) }
  }

  /// The latest `to` of a period in the set, of those ending on or before `limit` when given.
  func latestEnd(upTo limit: CivilDate? = nil) -> CivilDate? {
    var latest: Int?
    if let last = others.last {
      if let limit {
        let index = Self.index(of: Self.key(toDay: limit.dayNumber + 1), in: others)
        if index > 0 { latest = Self.to(of: others[index - 1]) }
      } else {
        latest = Self.to(of: last)
      }
    }
    // The last month whose last day is not after `limit`.
    var lastMonth = Int.max
    if let limit {
      let (year, month, day) = limit.components
      lastMonth =
        Self.index(year: year, month: month)
        - (day < CivilDate.daysIn(month: month, year: year) ? 1 : 0)
    }
    for (_, months) in calendar {
      if let month = months.last(atMost: lastMonth), let end = Self.lastDay(ofMonth: month),
        end.dayNumber > latest ?? Int.min
      {
        latest = end.dayNumber
      }
    }
    return latest.map(CivilDate.init(dayNumber:))
  }

  /// The length in months and the month it ends in of a period of 1 to 12 whole calendar
  /// months; nil for any other period.
  private static func calendarPeriod(from: CivilDate, to: CivilDate) -> (Int, Int)? {
    let start = from.components
    guard start.day == 1 else { return nil }
    let end = to.components
    guard end.day == CivilDate.daysIn(month: end.month, year: end.year) else { return nil }
    let last = index(year: end.year, month: end.month)
    let length = last - index(year: start.year, month: start.month) + 1
    guard (1...12).contains(length) else { return nil }
    return (length, last)
  }

  /// A month as one number: 12 a year, January of year 0 being 0.
  private static func index(year: Int, month: Int) -> Int { year * 12 + month - 1 }

  /// The last day of the month numbered `month` (`index(year:month:)`).
  private static func lastDay(ofMonth month: Int) -> CivilDate? {
    let year = month / 12
    let number = month % 12 + 1
    return CivilDate(year: year, month: number, day: CivilDate.daysIn(month: number, year: year))
  }

  /// The first index in `keys` (ascending) whose key is not below `key`.
  private static func index(of key: UInt64, in keys: [UInt64]) -> Int {
    keys.partitionIndex { $0 < key }
  }

  /// The smallest key of a period ending on day number `to`.
  private static func key(toDay to: Int) -> UInt64 {
    UInt64(UInt32(truncatingIfNeeded: to + offset)) << 32
  }

  /// `to` in the high half, `from` in the low half, each as a day number offset to be
  /// non-negative (dates run from year 1 to 9999).
  private static func key(from: CivilDate, to: CivilDate) -> UInt64 {
    UInt64(UInt32(truncatingIfNeeded: to.dayNumber + offset)) << 32
      | UInt64(UInt32(truncatingIfNeeded: from.dayNumber + offset))
  }

  private static func to(of key: UInt64) -> Int { Int(key >> 32) - offset }

  /// Added to day numbers so that every date's is positive.
  private static let offset = 1 << 30
}

/// A set of month numbers, a bit each over the span from the earliest to the latest, in words
/// of 64: a month that would stretch the span past as many words as it holds months is refused,
/// so the bitmap never takes more room than its months would as numbers (8 bytes a month).
/// (A floor of 64 words let two months far apart take 512 bytes: a hostile ledger of two
/// reports per length held 32 times what the numbers would.)
struct MonthBits: Sendable {
  /// The month of bit 0 of `words[0]`; a multiple of 64.
  private var base = 0
  private var words: [UInt64] = []
  /// How many months it holds.
  private var count = 0

  /// Puts `month` in; false, changing nothing, when it would stretch the span too far.
  mutating func insert(_ month: Int) -> Bool {
    let wordBase = month & ~63
    if words.isEmpty {
      base = wordBase
      words = [0]
    } else if wordBase < base {
      let added = (base - wordBase) / 64
      guard words.count + added <= limit else { return false }
      words.insert(contentsOf: repeatElement(0, count: added), at: 0)
      base = wordBase
    } else if (wordBase - base) / 64 >= words.count {
      let needed = (wordBase - base) / 64 + 1
      guard needed <= limit else { return false }
      words.append(contentsOf: repeatElement(0, count: needed - words.count))
    }
    let bit: UInt64 = 1 << UInt64(month & 63)
    if words[(month - base) >> 6] & bit == 0 { count += 1 }
    words[(month - base) >> 6] |= bit
    return true
  }

  /// The most words the span may take now: one for each month held once the month is in.
  private var limit: Int { count + 1 }

  /// Takes `month` out, when it is in.
  mutating func remove(_ month: Int) {
    let word = (month - base) >> 6
    let bit: UInt64 = 1 << UInt64(month & 63)
    guard month >= base, word < words.count, words[word] & bit != 0 else { return }
    words[word] &= ~bit
    count -= 1
  }

  /// The latest month in the set not after `month`.
  func last(atMost month: Int) -> Int? {
    guard month >= base, !words.isEmpty else { return nil }
    var word = min((month - base) >> 6, words.count - 1)
    // Within the first word looked at, only the bits up to `month`.
    var bits = words[word]
    if (month - base) >> 6 == word, month & 63 != 63 {
      bits &= (1 << UInt64((month & 63) + 1)) - 1
    }
    while true {
      if bits != 0 { return base + word * 64 + 63 - bits.leadingZeroBitCount }
      guard word > 0 else { return nil }
      word -= 1
      bits = words[word]
    }
  }
}
