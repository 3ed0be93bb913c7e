import Foundation
import Testing

@testable import ServiceLedger

/// The word-at-a-time pieces of the replay's fast path, each against a plain reference.
@Suite("Fast path parts")
struct FastPathPartsTests {
  @Test("an id parses to the bits it spells, and any byte that is not a lowercase hex digit fails")
  func eventIDs() {
    var random = SplitMix64(seed: 5)
    for _ in 0..<500 {
      let id = EventID(high: random.next(), low: random.next())
      let text = Array(id.rawValue.utf8)
      #expect(text.withUnsafeBytes { EventID.parse($0) } == id)
    }
    let text = Array("0123abcd-ef45-6789-abcd-ef0123456789".utf8)
    let expected = text.withUnsafeBytes { EventID.parse($0) }
    #expect(expected == EventID(high: 0x0123_abcd_ef45_6789, low: 0xabcd_ef01_2345_6789))
    for position in text.indices where ![8, 13, 18, 23].contains(position) {
      for byte in UInt8.min...UInt8.max {
        var changed = text
        changed[position] = byte
        let parsed = changed.withUnsafeBytes { EventID.parse($0) }
        let isDigit =
          (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        if isDigit {
          // The same value as a reference built digit by digit.
          let hex = String(decoding: changed.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
          let high = UInt64(hex.prefix(16), radix: 16)
          let low = UInt64(hex.suffix(16), radix: 16)
          #expect(parsed.map { ($0.high, $0.low) } ?? (0, 0) == (high ?? 1, low ?? 1))
        } else {
          #expect(parsed == nil, "byte \(byte) at \(position)")
        }
      }
    }
  }

  @Test("the id table saved whole loads to the same set, and a damaged one is refused")
  func idTable() {
    var random = SplitMix64(seed: 41)
    var set = EventIDSet(capacity: 5000)
    var ids: [EventID] = []
    for _ in 0..<5000 {
      let id = EventID(high: random.next(), low: random.next())
      ids.append(id)
      _ = set.insert(id)
    }
    _ = set.insert(EventID(high: 0, low: 0))
    var bytes = set.withTable { table, _, _ in Array(table) }
    let loaded = bytes.withUnsafeBytes {
      EventIDSet(table: $0, count: set.count, hasEmpty: true, seed: set.seed)
    }
    #expect(loaded != nil)
    #expect(ids.allSatisfy { loaded?.contains($0) == true })
    #expect(loaded?.contains(EventID(high: 0, low: 0)) == true)
    #expect(loaded?.contains(EventID(high: 1, low: 2)) == false)
    // A count that does not match, and an id moved where a look-up would not find it.
    #expect(
      bytes.withUnsafeBytes { EventIDSet(table: $0, count: 17, hasEmpty: true, seed: set.seed) }
        == nil)
    if let full = stride(from: 0, to: bytes.count, by: 16).first(where: { offset in
      bytes[offset..<(offset + 16)].contains { $0 != 0 }
        && (offset + 16 < bytes.count
          && bytes[(offset + 16)..<(offset + 32)].allSatisfy { $0 == 0 })
    }) {
      let moved = Array(bytes[full..<(full + 16)])
      bytes.replaceSubrange(full..<(full + 16), with: [UInt8](repeating: 0, count: 16))
      bytes.replaceSubrange((full + 16)..<(full + 32), with: moved)
      let damaged = bytes.withUnsafeBytes {
        EventIDSet(table: $0, count: set.count, hasEmpty: true, seed: set.seed)
      }
      #expect(damaged == nil)
    }
  }

  @Test("a line is plain exactly when every byte is printable ASCII other than a backslash")
  func plainLines() {
    var random = SplitMix64(seed: 8)
    let interesting: [UInt8] = [
      0x00, 0x09, 0x1F, 0x20, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xFF,
    ]
    for _ in 0..<5000 {
      let length = random.index(40)
      var bytes = (0..<length).map { _ in UInt8(0x20 + random.index(0x5F)) }
      if !bytes.isEmpty, random.below(2) == 0 {
        bytes[random.index(bytes.count)] = random.pick(interesting)
      }
      let reference = bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x5C }
      let plain = bytes.withUnsafeBytes { raw in
        raw.baseAddress.map { FastLineDecoder.isPlain($0, raw.count) } ?? true
      }
      #expect(plain == reference, "\(bytes)")
    }
  }

  @Test("remembered strings never stand in for different bytes")
  func memo() {
    var memo = FastLineDecoder.Memo()
    var random = SplitMix64(seed: 13)
    // Many more distinct strings than slots, sharing prefixes, some longer than 16 bytes; and
    // every length from 0 to 17, each differing from the others of its length in one byte only.
    var short: [String] = []
    for length in 0...17 {
      let plain = Array(repeating: UInt8(ascii: "y"), count: length)
      short.append(String(decoding: plain, as: UTF8.self))
      for position in plain.indices {
        var changed = plain
        changed[position] = UInt8(ascii: "z")
        short.append(String(decoding: changed, as: UTF8.self))
      }
    }
    let candidates =
      (0..<3000).map { index in
        "svc-" + String(index) + String(repeating: "x", count: index % 20)
      } + short
    for text in short + short + (0..<20_000).map({ _ in random.pick(candidates) }) {
      let value = Array(text.utf8).withUnsafeBytes { memo.services.value($0) { _ in true } }
      #expect(value == text)
    }
    let rejected = Array("Not A Slug".utf8).withUnsafeBytes {
      memo.services.value($0, ServiceID.isValid)
    }
    #expect(rejected == nil)
  }

  @Test("a memo checks each of a hundred service names once, however often they come")
  func memoHits() {
    var memo = FastLineDecoder.Memo()
    var checks = 0
    var random = SplitMix64(seed: 3)
    let names = (0..<100).map { "svc-" + String(format: "%04d", $0 * 5) }
    for _ in 0..<10_000 {
      let name = random.pick(names)
      let value = Array(name.utf8).withUnsafeBytes {
        memo.services.value($0) { _ in
          checks += 1
          return true
        }
      }
      #expect(value == name)
    }
    #expect(checks == names.count)
  }

  @Test("a line decoded with a memo of earlier lines is the line decoded alone")
  func memoisedLines() throws {
    var lines: [String] = []
    SyntheticLedger(services: 700, events: 6000, seed: 21).generate { event, _ in
      lines.append(event.line)
    }
    var memo = FastLineDecoder.Memo()
    let location = EventLocation(file: "f.jsonl", line: 1)
    var decoded = 0
    for line in lines {
      let bytes = Array(line.utf8)
      let alone = bytes.withUnsafeBytes { FastLineDecoder.decode($0, location: location) }
      let memoised = bytes.withUnsafeBytes {
        FastLineDecoder.decode($0, location: location, memo: &memo)
      }
      if alone != nil { decoded += 1 }
      #expect(memoised == alone)
    }
    // Lines with nested values go to the full decoder; monthly reports never do.
    #expect(decoded > lines.count * 9 / 10)
  }

  @Test("the retraction scan finds every retraction's target however the files are cut up")
  func retractionScanPieces() throws {
    let ledger = try DecodingPathTests.generated(services: 20, events: 3000, seed: 23)
    defer { ledger.remove() }
    let log = try ledger.folder.read()
    let cutOff = log.events.map(\.at).sorted()[log.events.count / 2]
    for knownAt in [nil, cutOff] {
      let expected = Set(log.events.compactMap { Timeline.retractionTarget($0, knownAt: knownAt) })
      #expect(expected.count > 3)
      let named = Set(
        log.events.compactMap { event -> EventID? in
          if case .eventRetracted(let retraction) = event.event { return retraction.event }
          return nil
        })
      // Whole files, and pieces that cut lines anywhere, even within the search's needle.
      for pieceSize in [1 << 23, 4096, 1000, 97, 17] {
        let found = try RetractionScan.targets(
          in: ledger.folder, knownAt: knownAt, reader: LogFileReader(), pieceSize: pieceSize)
        #expect(found.withdrawn == expected, "pieces of \(pieceSize) bytes")
        #expect(found.named == named, "pieces of \(pieceSize) bytes")
      }
    }
  }

  @Test("the cache's compacted events do not depend on the order the runs arrive in")
  func compactionOrder() {
    var events: [RecordedEvent] = []
    SyntheticLedger(services: 12, events: 4000, seed: 3).generate { event, file in
      var placed = event
      placed.location = EventLocation(file: file, line: events.count + 1)
      events.append(placed)
    }
    // Restate some periods later in the log, with other figures.
    var restated: [RecordedEvent] = []
    for (index, event) in events.enumerated() where index % 97 == 0 {
      guard case .volumeReported(var report) = event.event else { continue }
      report.total += 1
      report.digital = nil
      var later = event
      later.event = .volumeReported(report)
      later.at = Timestamp(seconds: event.at.seconds + 10_000_000, nanoseconds: 0)
      later.location = EventLocation(file: "z.jsonl", line: index + 1)
      restated.append(later)
    }
    let all = (events + restated).filter { $0.type != .eventRetracted }
      .sorted(by: Ledger.replayOrder)
    var inOrder = CompactLog()
    for (order, event) in all.enumerated() { inOrder.add(event, order: order) }
    var random = SplitMix64(seed: 17)
    let numbered = Array(all.enumerated())
    var runs = stride(from: 0, to: all.count, by: 50).map {
      numbered[$0..<min($0 + 50, all.count)]
    }
    for index in runs.indices.reversed() { runs.swapAt(index, random.index(index + 1)) }
    var shuffled = CompactLog()
    for run in runs { for (order, event) in run { shuffled.add(event, order: order) } }
    #expect(shuffled.lines == inOrder.lines)
    #expect(shuffled.maxEffective == inOrder.maxEffective)
    #expect(inOrder.lines.contains { $0.file == "z.jsonl" })
    #expect(inOrder.events.count == inOrder.lines.count)
  }

  @Test("the writer's volume lines take the layout match; other layouts of them decode the same")
  func canonicalLayout() throws {
    var lines: [String] = []
    SyntheticLedger(services: 40, events: 3000, seed: 29).generate { event, _ in
      if event.type == .volumeReported { lines.append(event.line) }
    }
    var reference = LogFileReader()
    reference.path = .standard
    let location = EventLocation(file: "f.jsonl", line: 1)
    var memo = FastLineDecoder.Memo()
    for line in lines {
      let expected = Array(line.utf8).withUnsafeBytes {
        reference.decodeLine($0, name: "f.jsonl", line: 1)
      }
      guard case .event(let event) = expected else {
        Issue.record("the reference rejects a generated line: \(line)")
        continue
      }
      let matched = Array(line.utf8).withUnsafeBytes { raw in
        raw.baseAddress.flatMap {
          FastLineDecoder.canonicalVolumeReport($0, raw.count, location: location, memo: &memo)
        }
      }
      #expect(matched == event)
      // The same event with a space, with `v`, or with its data keys in another order.
      let variants = [
        line.replacingOccurrences(of: #""total":"#, with: #""total": "#),
        line.replacingOccurrences(of: #","type":"#, with: #","v":1,"type":"#),
        line.replacingOccurrences(of: #""from":"#, with: #""fromX":"#)
          .replacingOccurrences(of: #""to":"#, with: #""from":"#)
          .replacingOccurrences(of: #""fromX":"#, with: #""to":"#),
      ]
      for variant in variants.prefix(2) {
        let bytes = Array(variant.utf8)
        let layout = bytes.withUnsafeBytes { raw in
          raw.baseAddress.flatMap {
            FastLineDecoder.canonicalVolumeReport($0, raw.count, location: location, memo: &memo)
          }
        }
        #expect(layout == nil, "\(variant)")
        let general = bytes.withUnsafeBytes { FastLineDecoder.decode($0, location: location) }
        #expect(general == event, "\(variant)")
      }
      // Swapped values make another event, or none: never this one through the layout.
      let swapped = Array(variants[2].utf8).withUnsafeBytes { raw in
        raw.baseAddress.flatMap {
          FastLineDecoder.canonicalVolumeReport($0, raw.count, location: location, memo: &memo)
        }
      }
      #expect(swapped == nil)
    }
    #expect(lines.count > 1000)
  }

  /// The memo of recent dates starts empty: ten NUL bytes in a date (a key of zeros, which
  /// the memo's slots held before any date was parsed) are not a date, in `at`, `from` or
  /// `to`, read whole or streamed. They were taken for 1970-01-01.
  @Test("a date of ten NUL bytes is a problem, not 1970-01-01")
  func nulDates() throws {
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    let nul = String(repeating: "\u{0}", count: 10)
    let report = factory.make(
      .volumeReported(
        VolumeReported(
          service: service("a"), from: date("1970-01-01"), to: date("1970-01-31"), total: 5)))
    let lines = [
      report.line.replacingOccurrences(of: "\"from\":\"1970-01-01\"", with: "\"from\":\"\(nul)\""),
      report.line.replacingOccurrences(of: "\"to\":\"1970-01-31\"", with: "\"to\":\"\(nul)\""),
      report.line.replacingOccurrences(
        of: "\"at\":\"\(report.at)", with: "\"at\":\"\(nul)T00:00:01Z"),
    ]
    for line in lines {
      #expect(line != report.line)
      let ledger = try TemporaryLedger(files: [
        "ledger.jsonl": registration.line + "\n" + line + "\n"
      ])
      defer { ledger.remove() }
      let whole = try ledger.folder.read()
      var streamed = 0
      let summary = try LedgerStream(folder: ledger.folder).replay { _ in streamed += 1 }
      #expect(whole.events.count == 1, "\(whole.events.map(\.event))")
      #expect(streamed == 1)
      #expect(whole.problems.map(\.line) == [2])
      #expect(summary.problems.map(\.line) == [2])
    }
  }
}
