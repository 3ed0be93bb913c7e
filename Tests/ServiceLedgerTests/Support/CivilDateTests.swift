import Testing

@testable import ServiceLedger

@Suite("Dates, times and quarters")
struct CivilDateTests {
  @Test("dates round-trip and reject impossible days")
  func parsing() {
    #expect(CivilDate("2016-02-29")?.description == "2016-02-29")
    #expect(CivilDate("2014-02-29") == nil)
    #expect(CivilDate("2014-13-01") == nil)
    #expect(CivilDate("2014-1-01") == nil)
    #expect(CivilDate("1970-01-01")?.dayNumber == 0)
    #expect(CivilDate("1969-12-31")?.dayNumber == -1)
    #expect(CivilDate("2000-03-01")?.adding(days: -1).description == "2000-02-29")
  }

  @Test("the 12 months ending at a date start the day after the same date a year earlier")
  func twelveMonths() {
    #expect(date("2014-03-31").startOfTwelveMonthsEnding == date("2013-04-01"))
    #expect(date("2014-12-31").startOfTwelveMonthsEnding == date("2014-01-01"))
    // A year ending 28 February 2017 takes in 29 February 2016: 366 days.
    #expect(date("2017-02-28").startOfTwelveMonthsEnding == date("2016-02-29"))
    // 29 February a year earlier does not exist: 28 February is used, so 1 March starts it.
    #expect(date("2016-02-29").startOfTwelveMonthsEnding == date("2015-03-01"))
    #expect(date("2016-02-29").startOfTwelveMonthsEnding.days(to: date("2016-02-29")) + 1 == 366)
  }

  @Test("timestamps are RFC 3339 UTC and keep their fraction, in six digits or nine")
  func timestamps() {
    #expect(Timestamp("2013-04-02T09:30:00Z")?.description == "2013-04-02T09:30:00Z")
    #expect(Timestamp("2013-04-02T09:30:00.25Z")?.description == "2013-04-02T09:30:00.250000Z")
    #expect(
      Timestamp("2013-04-02T09:30:00.000001Z")?.description == "2013-04-02T09:30:00.000001Z")
    #expect(
      Timestamp("2013-04-02T09:30:00.123456789Z")?.description
        == "2013-04-02T09:30:00.123456789Z")
    #expect(Timestamp("2013-04-02T09:30:00+01:00") == nil)
    #expect(Timestamp("2013-04-02T24:00:00Z") == nil)
    #expect(
      (Timestamp("2013-04-02T09:30:00Z") ?? Timestamp(seconds: 0))
        < (Timestamp("2013-04-02T09:30:00.1Z") ?? Timestamp(seconds: 0)))
  }

  @Test("quarters are calendar quarters")
  func quarters() {
    #expect(Quarter("2015-Q1")?.lastDay == date("2015-03-31"))
    #expect(Quarter("2015-Q1")?.previous.description == "2014-Q4")
    #expect(Quarter("2014-Q4")?.lastDay == date("2014-12-31"))
    #expect(Quarter("2015-Q5") == nil)
  }

  @Test("the last quarter of year 9999 ends on 9999-12-31, not the day before 1970")
  func lastQuarterOfTheLastYear() {
    // Its next quarter, 10000-Q1, has no first day a date can hold.
    #expect(Quarter("9999-Q4")?.lastDay == date("9999-12-31"))
    #expect(Quarter("9999-Q3")?.lastDay == date("9999-09-30"))
    #expect(Quarter("2016-Q1")?.lastDay == date("2016-03-31"))
  }

  @Test("numbers read the same everywhere")
  func formatting() {
    #expect(Format.integer(1_320_121) == "1,320,121")
    #expect(Format.integer(-1000) == "-1,000")
    #expect(Format.percent(2756.0 / 1_320_121) == "0.2%")
    #expect(Format.points(0.015) == "+1.5 pp")
    #expect(Format.pounds(1234.5) == "£1,235")
    #expect(Format.terminalSafe("a\u{1B}[31mb") == "a\\u{1B}[31mb")
  }
}
