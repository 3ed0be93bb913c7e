import Foundation
import Testing

@testable import ServiceLedger

/// Volume reports one edit away from the writer's layout, which the replay decodes straight
/// into its runs' storage (`EventRun.append(decoding:)`): streamed through the fast
/// path, each is the event or the problem the strict decoder makes of it, read whole.
@Suite("Nearly canonical volume lines")
struct NearCanonicalTests {
  static let registration =
    #"{"id":"00000000-0000-4000-8000-000000000000","at":"2014-01-01T00:00:00Z","by":"p-1","type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#

  /// A report in the writer's layout, its id and `at` numbered by `n`, `data` after `service`.
  static func report(_ n: Int, _ data: String) -> String {
    #"{"id":"00000000-0000-4000-8000-"# + String(format: "%012d", n)
      + #"","at":"2014-02-01T00:00:00Z","by":"p-1","type":"volume.reported","data":{"service":"a","#
      + data + "}}"
  }

  static let period = #""from":"2014-01-01","to":"2014-01-31","#
  static let channels =
    #""total":6,"digital":1,"assisted":1,"phone":1,"post":1,"faceToFace":1,"other":1"#

  static let variants: [String] = [
    period + channels,
    period + channels + #","label":"L","source":"S""#,
    period + channels + #","source":"S","label":"L""#,
    period + channels + #","label":"","source":"S""#,
    period + channels + #","label":" ","source":"S""#,
    period + channels + #","label":"caf\u00e9""#,
    period + channels + #","label":"café""#,
    period + channels + #","x":1"#,
    period + channels + #","digital":1"#,
    period + #""digital":1,"total":9"#,
    period + #""total":9,"assisted":1,"digital":1"#,
    #""to":"2014-01-31","from":"2014-01-01","total":9"#,
    #""from":"2014-01-01","total":9"#,
    period + #""total":999999999999999,"digital":999999999999999"#,
    period + #""total":1000000000000000,"digital":1"#,
    period + #""total":9999999999999999"#,
    period + #""total":9,"digital":1000000000000000"#,
    period + #""total":1000000000,"digital":1000000000"#, period + #""total":1000000001"#,
    period + #""total":05"#, period + #""total":0"#, period + #""total":-0"#,
    period + #""total":1.0"#, period + #""total":1e1"#, period + #""total":"9""#,
    period + #""total":9,"digital":00"#, period + #""total":9,"digital":10"#,
    period + #""total":9 "#, period + #""total":9,"digital":null"#,
    #""from":"2014-02-30","to":"2014-03-31","total":9"#,
    #""from":"2014-03-01","to":"2014-01-31","total":9"#,
  ]

  /// Every variant, then lines of exactly and just over `LogFileReader.maximumLineLength`.
  static func lines() -> [String] {
    var lines = [registration]
    for (index, data) in variants.enumerated() { lines.append(report(index + 1, data)) }
    for extra in [0, 1] {
      let head = report(900 + extra, period + #""total":9,"label":""#)
      let padding = LogFileReader.maximumLineLength + extra - head.utf8.count - 1
      lines.append(
        report(
          900 + extra,
          period + #""total":9,"label":""# + String(repeating: "x", count: padding) + "\""))
    }
    // Short lines, many to a block: a run fills up and grows mid-block.
    for index in 0..<3000 { lines.append(report(1000 + index, period + #""total":\#(index)"#)) }
    return lines
  }

  @Test("streamed through the fast path, each line is what the strict decoder reads whole")
  func agree() throws {
    let lines = Self.lines()
    #expect(lines[lines.count - 3002].utf8.count == LogFileReader.maximumLineLength)
    #expect(lines[lines.count - 3001].utf8.count == LogFileReader.maximumLineLength + 1)
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": lines.joined(separator: "\n") + "\n"])
    defer { ledger.remove() }
    var standard = LogFileReader()
    standard.path = .standard
    let whole = try ledger.folder.read(reader: standard)
    #expect(whole.events.count > 3000)
    #expect(whole.problems.count > 10)
    for blockSize in [4096, 1 << 16, 1 << 22] {
      var streamed: [RecordedEvent] = []
      var stream = LedgerStream(folder: ledger.folder)
      stream.blockSize = blockSize
      let summary = try stream.replay { streamed.append($0) }
      #expect(streamed.count == whole.events.count)
      for (got, expected) in zip(streamed, whole.events) where got != expected {
        Issue.record("line \(expected.location?.line ?? 0): \(got) != \(expected)")
      }
      #expect(summary.problems.map(\.line) == whole.problems.map(\.line))
      #expect(summary.problems.map(\.message) == whole.problems.map(\.message))
      #expect(summary.problems.map(\.rule) == whole.problems.map(\.rule))
    }
  }

  @Test("views of them, cold and from the replay cache, are the strict decoder's to the byte")
  func views() throws {
    let ledger = try TemporaryLedger(files: [
      "ledger.jsonl": Self.lines().joined(separator: "\n") + "\n"
    ])
    defer { ledger.remove() }
    func run(_ path: DecodingPath) -> [String] {
      for name in [".ledger-cache", ".ledger-cache-validator"] {
        try? FileManager.default.removeItem(atPath: ledger.path + "/" + name)
      }
      return [["log"], ["priorities", "--as-of", "2014-12-31"], ["log"]].map { view in
        let output = CLI.run(
          view + ["--format", "json"], ledger: ledger.path,
          environment: ["LEDGER_DECODER": path.rawValue])
        return "\(output.exitCode) \(output.stdout) \(output.stderr)"
      }
    }
    let standard = run(.standard)
    let logged = standard[0].hasPrefix("0 {") && standard[0].contains(#""label":"L","source":"S""#)
    #expect(logged)
    let same = run(.fast) == standard
    #expect(same)
  }

  @Test("the cache's note on each line, made while decoding, is the one made from its event")
  func notes() {
    let text = Self.lines().joined(separator: "\n") + "\n"
    var memo = FastLineDecoder.Memo()
    let numbering = ServiceNumbers()
    memo.numbering = numbering
    let run = EventRun(capacity: 16, file: "ledger.jsonl")
    var problems: [LedgerProblem] = []
    var spans: [Range<Int>] = []
    Array(text.utf8).withUnsafeBytes { bytes in
      LogFileReader().decodeLines(
        bytes, name: "ledger.jsonl", firstLine: 1, into: run, problems: &problems, memo: &memo)
      var start = 0
      while let end = Newlines.next(in: bytes, from: start) {
        spans.append(start..<end)
        start = end + 1
      }
    }
    #expect(run.count > 3000)
    run.startKeeping()
    for index in 0..<run.count {
      run.kept?[index] = KeptEvent(order: index, index: Int32(index))
    }
    run.keptCount = run.count
    var checked = 0
    run.forEachKept { note, order, span in
      let event = run.base[order]
      var service: Int32 = -1
      if case .volumeReported(let report) = event.event {
        service = numbering.number(of: report.service.rawValue)
      }
      let line = (event.location?.line ?? 0) - 1
      let expected = EventNote(event, line: spans[line], service: service)
      #expect(note == expected, "line \(line + 1)")
      #expect(span == spans[line])
      checked += 1
    }
    #expect(checked == run.count)
  }
}
