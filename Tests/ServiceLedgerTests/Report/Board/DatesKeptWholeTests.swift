import Testing

@testable import ServiceLedger

/// A date or quarter in a board report's table is never broken across lines at its hyphens.
@Suite("Board report: dates kept whole in tables")
struct DatesKeptWholeTests {
  static func wrapped(_ text: String) -> String { #"<span class="nowrap">"# + text + "</span>" }

  @Test(
    "each date and quarter in a nowrap span; longer runs of digits and other text left",
    arguments: [
      ("2014-12-31", wrapped("2014-12-31")),
      ("2015-Q1", wrapped("2015-Q1")),
      ("from 2014-04-01 to 2015-Q1.", "from \(wrapped("2014-04-01")) to \(wrapped("2015-Q1")).")
        as (String, String),
      ("12014-12-31", "12014-12-31"),
      ("2014-12-311", "2014-12-311"),
      ("2014-1-31 and 2014-Q and 2014-", "2014-1-31 and 2014-Q and 2014-"),
      ("é 2014-12-31 — ü", "é \(wrapped("2014-12-31")) — ü"),
      ("😀2015-Q4", "😀\(wrapped("2015-Q4"))"),
      ("", ""),
      ("2014-12-312014-12-31", "2014-12-312014-12-31"),
      ("2014-12-31,2015-Q2", "\(wrapped("2014-12-31")),\(wrapped("2015-Q2"))"),
    ])
  func wrapping(text: String, expected: String) {
    #expect(BoardHTML.keepingDatesWhole(text) == expected)
  }
}
