extension CivilDate {
  /// The same day `months` calendar months later (earlier when negative), or the last day of
  /// that month when it is shorter: 2015-08-31 minus 6 months is 2015-02-28.
  public func adding(months: Int) -> CivilDate {
    let (year, month, day) = components
    let index = year * 12 + (month - 1) + months
    let (newYear, newMonth) = (index / 12, index % 12 + 1)
    let lastDay = CivilDate.daysIn(month: newMonth, year: newYear)
    return CivilDate(year: newYear, month: newMonth, day: min(day, lastDay))
      ?? CivilDate(dayNumber: dayNumber + months * 30)
  }

  /// The first day of the `months` months ending on this date: the day after the same date
  /// `months` months earlier. For 2015-09-30 and 6 months: 2015-03-31.
  public func startOfMonths(_ months: Int) -> CivilDate {
    adding(months: -months).adding(days: 1)
  }
}
