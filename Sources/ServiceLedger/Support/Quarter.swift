/// A calendar quarter such as `2015-Q1` (January to March 2015).
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// 1...4.
  public var number: Int

  /// Creates a quarter; `number` must be 1...4.
  public init?(year: Int, number: Int) {
    guard (1...4).contains(number), (1...9999).contains(year) else { return nil }
    self.year = year
    self.number = number
  }

  /// Parses `YYYY-Qn`, or returns nil.
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q"),
      let year = CivilDate.digits(bytes[0..<4]), let number = CivilDate.digits(bytes[6..<7])
    else { return nil }
    self.init(year: year, number: number)
  }

  /// The quarter containing `date`.
  public init(containing date: CivilDate) {
    let (year, month, _) = date.components
    self.year = year
    self.number = (month - 1) / 3 + 1
  }

  /// The first day of the quarter.
  public var firstDay: CivilDate {
    CivilDate(year: year, month: number * 3 - 2, day: 1) ?? CivilDate(dayNumber: 0)
  }

  /// The last day of the quarter (from its own year, so 9999-Q4, whose next quarter no date
  /// can hold, ends on 9999-12-31).
  public var lastDay: CivilDate {
    let month = number * 3
    return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
      ?? next.firstDay.adding(days: -1)
  }

  /// The quarter before this one.
  public var previous: Quarter {
    number == 1 ? Quarter(unchecked: year - 1, 4) : Quarter(unchecked: year, number - 1)
  }

  /// The quarter after this one.
  public var next: Quarter {
    number == 4 ? Quarter(unchecked: year + 1, 1) : Quarter(unchecked: year, number + 1)
  }

  /// `YYYY-Qn`.
  public var description: String { CivilDate.pad(year, 4) + "-Q" + String(number) }

  public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
    (lhs.year, lhs.number) < (rhs.year, rhs.number)
  }

  private init(unchecked year: Int, _ number: Int) {
    self.year = year
    self.number = number
  }
}
