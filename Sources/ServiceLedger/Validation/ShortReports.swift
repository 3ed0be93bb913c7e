/// The distinct date ranges of one service's reports shorter than 12 months, kept sorted and
/// non-overlapping so that checking a new report costs a binary search, not a scan.
///
/// A long log holds one range per monthly report, so ranges are kept as runs: consecutive
/// whole calendar months (or quarters of three months) are one entry, which stands for each
/// of its months (or quarters). Every answer is the one the ranges kept one by one would give
/// (a test compares the two).
struct ShortReports: Sendable {
  /// A range, or a run of whole calendar periods of `months` months each (1 or 3) tiling
  /// `from...to` from `from` on; days as 32-bit day numbers.
  struct Entry: Sendable, Equatable {
    var from: Int32
    var to: Int32
    /// 0 for a range that stands for itself only.
    var months: Int32
  }

  private var entries: [Entry] = []

  /// The day numbers a report's dates can have: 0001-01-01 to 9999-12-31.
  private static let calendar: ClosedRange<Int32> =
    Int32(
      CivilDate(year: 1, month: 1, day: 1)?.dayNumber ?? 0)...Int32(
      CivilDate(year: 9999, month: 12, day: 31)?.dayNumber ?? 0)

  init() {}

  /// The entries, for a snapshot.
  var snapshot: [Entry] { entries }

  /// The reports of a snapshot's `entries`, or nil when they are not sorted and apart, lie
  /// outside the calendar (years 1 to 9999), or a run is not whole periods, as stored entries
  /// always are.
  init?(snapshot entries: [Entry]) {
    var previous: Int32?
    for entry in entries {
      guard Self.calendar.contains(entry.from), Self.calendar.contains(entry.to),
        entry.from <= entry.to, previous.map({ entry.from > $0 }) ?? true,
        entry.months == 0 || Self.isRun(entry)
      else { return nil }
      previous = entry.to
    }
    self.entries = entries
  }

  /// Adds `from...to` unless it overlaps a stored range without being identical to it, with
  /// one search for both: the clashing range, or nil when it was added (or was there).
  mutating func insertUnlessOverlapping(_ from: CivilDate, _ to: CivilDate)
    -> (from: CivilDate, to: CivilDate)?
  {
    let start = Int32(clamping: from.dayNumber)
    let end = Int32(clamping: to.dayNumber)
    let index = insertionIndex(start)
    let found = search(start, end, at: index)
    if let clash = found.clash { return clash }
    if found.isPresent { return nil }
    insert(Entry(from: start, to: end, months: Self.months(from: start, to: end)), at: index)
    return nil
  }

  /// The stored range `from...to` overlaps without being identical to it, if any; nothing is
  /// added.
  func overlap(_ from: CivilDate, _ to: CivilDate) -> (from: CivilDate, to: CivilDate)? {
    let start = Int32(clamping: from.dayNumber)
    let end = Int32(clamping: to.dayNumber)
    return search(start, end, at: insertionIndex(start)).clash
  }

  /// What the stored ranges say of `start...end`, whose insertion index is `index`: the range
  /// it overlaps without being identical to it, or whether it is there.
  @inline(__always)
  private func search(_ start: Int32, _ end: Int32, at index: Int)
    -> (clash: (from: CivilDate, to: CivilDate)?, isPresent: Bool)
  {
    // The stored ranges just before and from `start` on, as if every run were its periods.
    // (An entry that ends before `start`, or starts after `end`, holds neither: most reports
    // come after every stored one, and cost no date arithmetic.)
    var before: (from: Int32, to: Int32)?
    var after: (from: Int32, to: Int32)?
    if index > 0, entries[index - 1].to >= start {
      let entry = entries[index - 1]
      let last = Self.member(of: entry, containing: start - 1)
      before = last
      if last.to < entry.to { after = Self.member(of: entry, containing: last.to + 1) }
    }
    if after == nil, index < entries.count, entries[index].from <= end {
      after = Self.member(of: entries[index], containing: entries[index].from)
    }
    // Asked of each in turn, not looped over as an array: this runs for every volume report,
    // and the array cost an allocation each time.
    func clash(_ candidate: (from: Int32, to: Int32)?) -> (from: CivilDate, to: CivilDate)? {
      guard let range = candidate else { return nil }
      let identical = range.from == start && range.to == end
      guard !identical && range.from <= end && start <= range.to else { return nil }
      return (CivilDate(dayNumber: Int(range.from)), CivilDate(dayNumber: Int(range.to)))
    }
    if let range = clash(before) ?? clash(after) { return (range, false) }
    return (nil, after.map { $0.from == start } ?? false)
  }

  /// Puts `new` (which overlaps nothing) at `index`, joined to a run of the same periods it
  /// continues or that continues it.
  private mutating func insert(_ new: Entry, at index: Int) {
    let joinsBefore =
      new.months > 0 && index > 0 && entries[index - 1].months == new.months
      && entries[index - 1].to + 1 == new.from
    let joinsAfter =
      new.months > 0 && index < entries.count && entries[index].months == new.months
      && new.to + 1 == entries[index].from
    switch (joinsBefore, joinsAfter) {
    case (true, true):
      entries[index - 1].to = entries[index].to
      entries.remove(at: index)
    case (true, false): entries[index - 1].to = new.to
    case (false, true): entries[index].from = new.from
    case (false, false):
      if index == entries.count { entries.append(new) } else { entries.insert(new, at: index) }
    }
  }

  /// The range of `entry` that holds `day`: the entry itself, or the period of its run.
  private static func member(of entry: Entry, containing day: Int32) -> (from: Int32, to: Int32) {
    guard entry.months > 0 else { return (entry.from, entry.to) }
    let first = CivilDate(dayNumber: Int(entry.from)).components
    let (year, month, _) = CivilDate(dayNumber: Int(day)).components
    let months = Int(entry.months)
    let offset = ((year - first.year) * 12 + month - first.month) / months * months
    let start = CivilDate(dayNumber: Int(entry.from)).adding(months: offset)
    // The period's end from its last month's length: `adding(months:)` past the calendar's
    // last month (December 9999) would only guess.
    let last = start.adding(months: months - 1)
    let (lastYear, lastMonth, _) = last.components
    let end = last.dayNumber + CivilDate.daysIn(month: lastMonth, year: lastYear) - 1
    return (Int32(start.dayNumber), Int32(clamping: end))
  }

  /// 1 when `from...to` is one whole calendar month, 3 when it is three, else 0.
  private static func months(from: Int32, to: Int32) -> Int32 {
    var (year, month, day) = CivilDate(dayNumber: Int(from)).components
    guard day == 1 else { return 0 }
    var end = Int(from) - 1
    for count in 1...3 {
      end += CivilDate.daysIn(month: month, year: year)
      if end == Int(to), count != 2 { return Int32(count) }
      guard end < Int(to) else { return 0 }
      (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
    }
    return 0
  }

  /// Whether a run's days are whole periods of its months.
  private static func isRun(_ entry: Entry) -> Bool {
    guard entry.months == 1 || entry.months == 3 else { return false }
    let first = member(of: entry, containing: entry.from)
    let last = member(of: entry, containing: entry.to)
    return first.from == entry.from && last.to == entry.to
      && months(from: first.from, to: first.to) == entry.months
  }

  /// The first index whose entry starts on or after `from`.
  private func insertionIndex(_ from: Int32) -> Int {
    if let last = entries.last, last.from < from { return entries.count }
    return entries.partitionIndex { $0.from < from }
  }
}
