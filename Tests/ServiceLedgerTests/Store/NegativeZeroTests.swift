import Foundation
import Testing

@testable import ServiceLedger

/// `-0` where the log has a whole number. docs/ledger-format.md asks for "a JSON number without
/// a fraction" (counts ≥ 0), not for a canonical spelling, and `-0` is such a number, equal to
/// 0: every decoder reads it as 0 (`JSONNumber.int`), so a count of `-0` is a count of 0 and a
/// number that must be ≥ 1 is refused as 0 is. These tests pin that the fast and the strict
/// decoders, the streamed replay and the writers agree on it.
@Suite("-0 as a whole number is 0 in every decoder")
struct NegativeZeroTests {
  /// The fixture's lines with one whole number of their payload written `value`
  /// (`"total":9` → `"total":-0`), each line once per whole number it has and once with all
  /// of them so written, keeping the line's id.
  static func variants(_ value: String) throws -> [String] {
    let path = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/every-type.jsonl"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    var variants: [String] = []
    for line in lines {
      let data = try #require(line.range(of: #""data":"#))
      let numbers = line[data.upperBound...].matches(of: #/"[A-Za-z]+":([0-9]+)[,}\]]/#)
        .map(\.output.1)
      for digits in numbers {
        variants.append(String(line[..<digits.startIndex] + value + line[digits.endIndex...]))
      }
      guard numbers.count > 1 else { continue }
      var all = ""
      var start = line.startIndex
      for digits in numbers {
        all += line[start..<digits.startIndex] + value
        start = digits.endIndex
      }
      variants.append(all + line[start...])
    }
    return variants
  }

  /// What `path` decodes each of `lines` into: the events and the problems' line and message.
  static func decoded(_ lines: [String], _ path: DecodingPath) -> (
    events: [RecordedEvent], problems: [String]
  ) {
    var reader = LogFileReader()
    reader.path = path
    let read = reader.read(Array((lines.joined(separator: "\n") + "\n").utf8), name: "a.jsonl")
    return (read.events, read.problems.map(\.description))
  }

  @Test("fast and strict read each -0 as the same line with 0, event or problem")
  func decoders() throws {
    let negative = try Self.variants("-0")
    let zero = try Self.variants("0")
    // Volume reports' seven channels, counts of plans, action and theme numbers, and more.
    #expect(negative.count > 20)
    #expect(negative.contains { $0.contains(#""faceToFace":-0,"#) })
    #expect(negative.contains { $0.contains(#""action":-0,"#) })
    let fast = Self.decoded(negative, .fast)
    let strict = Self.decoded(negative, .standard)
    #expect(fast.events == strict.events)
    #expect(fast.problems == strict.problems)
    let asZero = Self.decoded(zero, .standard)
    #expect(strict.events == asZero.events)
    #expect(strict.problems == asZero.problems)
    // Both kinds occur: counts of 0 read, numbers that must be ≥ 1 refused as 0 is.
    #expect(strict.events.count > 5)
    #expect(strict.problems.contains { $0.hasSuffix("data.action: 0 is less than 1") })
    #expect(
      strict.events.contains { event in
        guard case .volumeReported(let report) = event.event else { return false }
        return report.total == 0 && report.digital == 0 && report.faceToFace == 0
      })
  }

  @Test("streamed in blocks, volume reports of -0 counts are what the whole read makes of them")
  func streamed() throws {
    let channels = ["total", "digital", "assisted", "phone", "post", "faceToFace", "other"]
    var lines = [NearCanonicalTests.registration]
    for (index, zero) in ["0", "-0"].enumerated() {
      lines.append(
        NearCanonicalTests.report(
          index + 1,
          #""from":"2014-0\#(index + 1)-01","to":"2014-0\#(index + 1)-28","#
            + channels.map { #""\#($0)":\#(zero)"# }.joined(separator: ",")))
    }
    let whole = try expectStreamMatchesWhole(["a.jsonl": lines.joined(separator: "\n") + "\n"])
    #expect(whole.problems.isEmpty)
    let totals = whole.events.compactMap { event -> Int? in
      guard case .volumeReported(let report) = event.event else { return nil }
      return report.total
    }
    #expect(totals == [0, 0])
  }

  @Test("record and append take a count of -0 and write it as 0")
  func writers() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(
      CLI.run(
        ["record", "service.registered", "service=a", "name=A", "organisation=OPG"],
        ledger: ledger.path, now: "2014-02-01T00:00:00Z"
      ).exitCode == 0)
    let record = CLI.run(
      [
        "record", "volume.reported", "service=a", "from=2014-01-01", "to=2014-01-31",
        "total=-0",
      ], ledger: ledger.path, now: "2014-02-02T00:00:00Z")
    #expect(record.exitCode == 0, "\(record.stderr)")
    let append = CLI.run(
      ["append"], ledger: ledger.path, now: "2014-03-02T00:00:00Z",
      input: #"{"type":"volume.reported","data":{"service":"a","from":"2014-02-01","#
        + #""to":"2014-02-28","total":-0,"digital":-0}}"# + "\n")
    #expect(append.exitCode == 0, "\(append.stderr)")
    let log = ledger.text("ledger.jsonl")
    #expect(!log.contains(#"":-0"#))
    #expect(log.contains(#""to":"2014-01-31","total":0}"#))
    #expect(log.contains(#""to":"2014-02-28","total":0,"digital":0}"#))
  }
}
