/// A calendar date (proleptic Gregorian, no time zone), stored as days since 1970-01-01.
///
/// Dates in the log are `YYYY-MM-DD`; parsing is strict (a real day of a real month, four-digit
/// year), so `2014-02-29` is rejected and `2016-02-29` is accepted.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var dayNumber: Int

  /// Creates the date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// Creates a date from its parts, or nil when they do not name a real day.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    self.dayNumber = era * 146_097 + doe - 719_468
  }

  /// Parses `YYYY-MM-DD`, or returns nil.
  public init?(_ text: some StringProtocol) {
    var text = String(text)
    guard let date = text.withUTF8({ CivilDate.parse(UnsafeRawBufferPointer($0)) }) else {
      return nil
    }
    self = date
  }

  /// Parses `YYYY-MM-DD` from UTF-8 bytes, or returns nil.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> CivilDate? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 7),
      let day = digits(bytes, 8, 10)
    else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// The decimal value of `bytes[start..<end]`, or nil when any is not a digit.
  static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
    var value = 0
    for index in start..<end {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = components
    return CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
  }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// The first day of the 12 months ending on this date: the day after the same date a year
  /// earlier, where 29 February a year earlier is taken as 28 February.
  public var startOfTwelveMonthsEnding: CivilDate {
    let (year, month, day) = components
    let sameDay = CivilDate(year: year - 1, month: month, day: min(day, 28))
    let anchor =
      (month == 2 && day == 29) ? sameDay : CivilDate(year: year - 1, month: month, day: day)
    return (anchor ?? CivilDate(dayNumber: dayNumber - 365)).adding(days: 1)
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}
