import Foundation
import Testing

@testable import ServiceLedger

/// The fast decoder, the strict reference decoder and Foundation's JSONDecoder must be
/// interchangeable: same events, same problems, same bytes out of every view.
@Suite("Decoding paths agree")
struct DecodingPathTests {
  /// A generated ledger (registrations, phases, managers leaving and returning, monthly
  /// reports, KPIs, restatements and retractions) in a temporary folder.
  static func generated(services: Int = 30, events: Int = 1500, seed: UInt64 = 11) throws
    -> TemporaryLedger
  {
    let ledger = try TemporaryLedger()
    var files: [String: String] = [:]
    SyntheticLedger(services: services, events: events, seed: seed).generate { event, file in
      files[file, default: ""] += event.line + "\n"
    }
    for (name, text) in files { try ledger.write(name, text) }
    return ledger
  }

  static let views: [[String]] = [
    ["priorities"], ["priorities", "--as-of", "2025-06-30"], ["channel-shift"],
    ["assisted-digital"], ["managers"], ["exemplars"], ["actions"], ["services"],
    ["check", "--as-of", "2026-01-01"], ["report", "--quarter", "2025-Q4"],
    ["log", "--service", "svc-0003"],
  ]

  @Test("every view gives the same bytes through the fast, standard and JSONDecoder paths")
  func viewsAgree() throws {
    let ledger = try Self.generated()
    defer { ledger.remove() }
    for view in Self.views {
      let arguments = view + ["--format", "json"]
      let outputs = DecodingPath.allCases.map { path in
        CLI.run(arguments, ledger: ledger.path, environment: ["LEDGER_DECODER": path.rawValue])
      }
      #expect(outputs[0].stderr.isEmpty, "\(view): \(outputs[0].stderr)")
      #expect(outputs[0].stdout.hasPrefix("{"), "\(view) printed no JSON")
      for output in outputs.dropFirst() {
        #expect(output.stdout == outputs[0].stdout, "\(view)")
        #expect(output.exitCode == outputs[0].exitCode)
      }
    }
  }

  /// Files large enough that their later blocks are decoded in two halves
  /// (`FileFeed.splitFrom`), beside their first blocks, decoded whole.
  @Test("blocks decoded in halves and whole stream the same events as the log read whole")
  func halvedBlocksEqualWhole() throws {
    let ledger = try Self.generated(events: 8000)
    defer { ledger.remove() }
    let sizes = try FileManager.default.contentsOfDirectory(atPath: ledger.path).map {
      (try FileManager.default.attributesOfItem(atPath: ledger.path + "/" + $0)[.size] as? Int)
        ?? 0
    }
    #expect(sizes.contains { $0 > 4 * FileFeed.splitFrom })
    let whole = try ledger.folder.read()
    #expect(whole.problems.isEmpty)
    let asOf = date("2026-01-01")
    let streamed = try ledger.folder.fold(Collected(), asOf: asOf, knownAt: nil)
    #expect(streamed.problems.isEmpty)
    #expect(streamed.fold.events == Timeline(whole, asOf: asOf).events)
  }

  @Test("the streamed replay folds the same events as the log read whole")
  func streamedEqualsWhole() throws {
    let ledger = try Self.generated()
    defer { ledger.remove() }
    let whole = try ledger.folder.read()
    #expect(whole.problems.isEmpty)
    #expect(whole.events.contains { $0.type == .eventRetracted })
    for asOf in ["2024-01-31", "2026-01-01"] {
      let timeline = Timeline(whole, asOf: date(asOf))
      let streamed = try ledger.folder.fold(Collected(), asOf: date(asOf), knownAt: nil)
      #expect(streamed.problems.isEmpty)
      #expect(streamed.fold.events == timeline.events)
      var bounded = VolumeHistory(retention: .annualVolume)
      for event in streamed.fold.events { bounded.apply(event) }
      let full = VolumeHistory(timeline)
      for service in full.reports.keys {
        #expect(bounded.annualVolume(of: service) == full.annualVolume(of: service))
      }
    }
  }

  @Test("streamed and whole reads find the same problems in a damaged ledger")
  func problemsAgree() throws {
    let ledger = try Self.generated(services: 5, events: 300)
    defer { ledger.remove() }
    let text = ledger.text("hmcts.jsonl")
    var lines = text.split(separator: "\n").map(String.init)
    lines[10] = "{\"id\": 12"
    lines[20] = lines[3]  // a duplicate id
    lines[30] = lines[30].replacingOccurrences(of: "\"total\":", with: "\"totl\":")
    try ledger.write("hmcts.jsonl", lines.joined(separator: "\n") + "\n{\"torn")
    let whole = try ledger.folder.read().problems
    let streamed = try ledger.folder.fold(Collected(), asOf: date("2026-01-01"), knownAt: nil)
      .problems
    #expect(whole.count >= 4)
    #expect(streamed == whole)
  }

  @Test("line by line, the fast decoder agrees with the reference or steps aside")
  func fastAgreesWithReference() throws {
    var lines: [String] = []
    SyntheticLedger(services: 7, events: 400, seed: 3).generate { event, _ in
      lines.append(event.line)
    }
    for name in try LedgerFolder(path: packageRoot + "/events").fileNames() {
      let text = try String(contentsOfFile: packageRoot + "/events/" + name, encoding: .utf8)
      lines += text.split(separator: "\n").map(String.init)
    }
    var random = SplitMix64(seed: 99)
    var mutated: [String] = []
    for _ in 0..<4000 {
      var bytes = Array(random.pick(lines).utf8)
      switch random.below(5) {
      case 0: bytes[random.index(bytes.count)] = random.byte()
      case 1: bytes.remove(at: random.index(bytes.count))
      case 2:
        bytes.insert(
          random.pick(Array(" ,:{}[]\"\\0123456789-.eE".utf8)), at: random.index(bytes.count))
      case 3: bytes = Array(bytes.prefix(random.index(bytes.count)))
      default:
        let text = String(decoding: bytes, as: UTF8.self)
        bytes = Array(
          text.replacingOccurrences(
            of: random.pick(["\"digital\"", "\"at\"", "\"v\":1,", ":0,"]),
            with: random.pick([
              "\"digital\":1,\"digital\"", "\"at\":\"x\",\"at\"", "\"v\":2,", ":-0,", ":1e2,",
            ])
          ).utf8)
      }
      mutated.append(String(decoding: bytes, as: UTF8.self))
    }
    var reference = LogFileReader()
    reference.path = .standard
    var fastAccepted = 0
    for line in lines + mutated {
      var bytes = Array(line.utf8)
      let location = EventLocation(file: "f.jsonl", line: 1)
      let fast = bytes.withUnsafeMutableBytes {
        FastLineDecoder.decode(UnsafeRawBufferPointer($0), location: location)
      }
      let slow = bytes.withUnsafeMutableBytes {
        reference.decodeLine(UnsafeRawBufferPointer($0), name: "f.jsonl", line: 1)
      }
      guard let fast else { continue }
      fastAccepted += 1
      guard case .event(let expected) = slow else {
        Issue.record("fast accepted a line the reference rejects: \(line)")
        continue
      }
      #expect(fast == expected, "\(line)")
    }
    #expect(fastAccepted > lines.count / 2, "the fast path should take most lines")
  }
}

/// Every event in force, in replay order.
struct Collected: Fold {
  var events: [RecordedEvent] = []
  var reads: EventReads { .everything }
  mutating func apply(_ event: RecordedEvent) { events.append(event) }
}
