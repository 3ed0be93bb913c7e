import Testing

@testable import ServiceLedger

@Suite("Indented JSON")
struct JSONPrettyTests {
  static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

  @Test("indents objects and long arrays, keeps short scalar arrays and empties on one line")
  func layout() throws {
    let value = JSONValue.members([
      "a": .integer(1), "short": .array([.integer(1), .integer(2)]), "empty": .array([]),
      "none": .object([]), "nested": .array([.members(["k": .string("v\n\"")])]),
    ])
    #expect(
      value.prettyPrinted() == """
        {
          "a": 1,
          "short": [1, 2],
          "empty": [],
          "none": {},
          "nested": [
            {
              "k": "v\\n\\""
            }
          ]
        }
        """)
    let long = JSONValue.array((0..<20).map { .string("item \($0)") })
    #expect(long.prettyPrinted().split(separator: "\n").count == 22)
  }

  @Test("parses back to the same value as the compact form")
  func roundTrip() throws {
    let report = try BoardReport(
      shippedLedger.get(), period: ReportPeriod(asOf: date("2015-03-31"))
    ).json
    #expect(try Self.parse(report.prettyPrinted()) == report)
    #expect(try Self.parse(report.serialized()) == report)
  }
}
