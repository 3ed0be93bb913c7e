import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// Hostile and broken lines fed to the reader: it never crashes or hangs, and every line is
/// either an event or a problem naming that line. Seeded, so every run sees the same input.
@Suite("Hostile input to the reader")
struct ReaderFuzzTests {
  static let seed: UInt64 = 0x5EED_F022

  /// The valid lines of the fixture, one of each event type, to mutate.
  static let corpus: [[UInt8]] = {
    let path = packageRoot + "/Tests/ServiceLedgerTests/Fixtures/every-type.jsonl"
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    return bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
  }()

  @Test("10,000 mutated lines: each is an event or a problem naming it", .timeLimit(.minutes(5)))
  func mutatedLines() throws {
    try #require(Self.corpus.count >= 20)
    var random = SplitMix64(seed: Self.seed)
    let reader = LogFileReader()
    for file in 0..<100 {
      var lines: [[UInt8]] = []
      for _ in 0..<100 {
        let base = Self.corpus[random.index(Self.corpus.count)]
        lines.append(random.index(10) < 3 ? base : Hostile.mutated(base, &random))
      }
      let name = "fuzz-\(file).jsonl"
      let contents = reader.read(Array(lines.joined(separator: [10])) + [10], name: name)
      Self.expectEveryLineAccounted(contents, lines: lines, name: name)
      _ = Ledger(files: [name: contents])  // reference validation must not trip either
    }
  }

  @Test(
    "each kind of hostile line is a clean problem, and the next line is still read",
    arguments: Hostile.cases)
  func hostileLine(_ hostile: Hostile.Case) throws {
    let valid = Self.corpus[0]
    let lines = [valid, hostile.bytes, Self.corpus[1]]
    let name = "hostile.jsonl"
    let contents = LogFileReader().read(Array(lines.joined(separator: [10])) + [10], name: name)
    let problems = contents.problems.filter { $0.line == 2 }
    #expect(!problems.isEmpty, "\(hostile.name): line 2 was accepted")
    #expect(contents.events.map { $0.location?.line } == [1, 3], "\(hostile.name)")
    for problem in problems {
      #expect(problem.description.hasPrefix("hostile.jsonl:2"))
      #expect(!problem.message.isEmpty)
      if let fragment = hostile.message {
        #expect(problem.message.contains(fragment), "\(hostile.name): \(problem.message)")
      }
    }
    // The same line as input to `ledger append` is refused, naming the line (blank input
    // lines are skipped there, as documented).
    guard !hostile.bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) else { return }
    let input = Array(lines.joined(separator: [10]))
    #expect(throws: LedgerError.self) {
      try InputLines.events(input, decoder: Self.inputDecoder, source: "in")
    }
    do {
      _ = try InputLines.events(input, decoder: Self.inputDecoder, source: "in")
    } catch {
      #expect("\(error)".hasPrefix("in:2"), "\(hostile.name): \(error)")
    }
  }

  @Test("a line of exactly 1 MiB is read; one byte more is rejected with a clear message")
  func lineLimit() throws {
    let head = Array(
      #"{"id":"00000000-0000-4000-8000-000000000001","at":"2014-01-01T09:00:00Z","by":"p-1","type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG","description":""#
        .utf8)
    let tail = Array(#""}}"#.utf8)
    let pad = LogFileReader.maximumLineLength - head.count - tail.count
    let exact = head + Array(repeating: UInt8(ascii: "x"), count: pad) + tail
    let over = head + Array(repeating: UInt8(ascii: "x"), count: pad + 1) + tail
    let contents = LogFileReader().read(exact + [10] + over + [10], name: "big.jsonl")
    #expect(contents.events.map { $0.location?.line } == [1])
    #expect(contents.problems.map(\.line) == [2])
    #expect(
      contents.problems.first?.message == "line is 1048577 bytes, longer than the 1 MiB limit")
  }

  @Test("a torn last line is reported at its line, after every complete line is read")
  func tornLastLine() {
    let bytes = Self.corpus[0] + [10] + Array(Self.corpus[1].prefix(30))
    let contents = LogFileReader().read(bytes, name: "t.jsonl")
    #expect(contents.events.count == 1)
    #expect(contents.isTorn)
    #expect(contents.problems.map(\.rule) == [.tornLine])
    #expect(contents.problems.first?.line == 2)
  }

  static let inputDecoder = EnvelopeDecoder(
    defaults: .init(
      id: { EventID(unchecked: "00000000-0000-4000-8000-000000000099") },
      at: Timestamp(seconds: 1_500_000_000), by: ActorID(unchecked: "p-1")))

  /// Every line is an event or has a problem at its number; problems name only real lines
  /// and columns within them.
  static func expectEveryLineAccounted(
    _ contents: LogFileReader.FileContents, lines: [[UInt8]], name: String
  ) {
    var covered = Set(contents.events.compactMap { $0.location?.line })
    for problem in contents.problems {
      #expect((1...lines.count).contains(problem.line), "\(problem)")
      #expect(problem.file == name && !problem.message.isEmpty)
      if let column = problem.column, (1...lines.count).contains(problem.line) {
        #expect(column >= 1 && column <= lines[problem.line - 1].count + 1, "\(problem)")
      }
      covered.insert(problem.line)
    }
    #expect(contents.lineCount == lines.count)
    #expect(covered == Set(1...lines.count), "lines neither read nor reported")
  }
}
