import Foundation
import Testing

@testable import ServiceLedger

/// A filter of ids under attack: a generated log with real duplicates among its ids, across
/// files, and retractions the pre-scan cannot see, replayed with a filter sized for the log
/// and with one so small that nearly every answer is "maybe". Every replay
/// (any date, any knowledge time, cold or from the cache) must give what the whole-log read
/// and `Ledger.fold` give.
@Suite("A filter of ids against exact ids: logs with repeated ids replayed every way")
struct SeenIDsDifferentialTests {
  /// The ids of the events in force, in replay order, and of every valid event.
  struct IDs: Fold {
    var inForce: [EventID] = []
    var every: [EventID] = []
    var reads: EventReads { .everything }
    mutating func apply(_ event: RecordedEvent) { inForce.append(event.id) }
  }

  /// A generated log, then the lines for `x.jsonl`: events whose ids share their high bits
  /// with events of other files, and retractions of generated events and of those. Unless
  /// `valid`, every fifth id is a real duplicate, every third retraction has its type escaped
  /// and the last retracts a retraction.
  static func ledger(valid: Bool) throws -> (TemporaryLedger, [String]) {
    let ledger = try DecodingPathTests.generated(services: 4, events: 1200, seed: 9)
    let events = try ledger.folder.read().events
    var latest = events.map(\.at.seconds).max() ?? 0
    var lines: [String] = []
    var near: [EventID] = []
    for (index, event) in events.enumerated() where index % 13 == 5 {
      latest += 1
      let id =
        index % 5 == 0 && !valid ? event.id : EventID(high: event.id.high, low: ~event.id.low)
      near.append(id)
      lines.append(
        #"{"id":""# + id.rawValue + #"","at":""# + Timestamp(seconds: latest).description
          + #"","by":"p-1","type":"component.adopted","data":{"service":"svc-000"#
          + "\(index % 4)" + #"","component":"c\#(index)","on":"2014-01-01"}}"#)
    }
    var random = SplitMix64(seed: 3)
    var retractions: [EventID] = []
    for step in 0..<24 {
      // Valid, each its own target: the near ids in turn, and the generated events
      // after the last the generator retracts.
      let target =
        valid
        ? (step % 2 == 0 ? near[step] : events[events.count - 1 - step].id)
        : (step % 2 == 0
          ? near[random.index(near.count)] : events[random.index(events.count)].id)
      latest += 1
      let id = EventID(high: random.next(), low: random.next())
      retractions.append(id)
      // Every third escaped; the last retracts an earlier retraction.
      let type = step % 3 == 0 && !valid ? #"event\u002eretracted"# : "event.retracted"
      let named = step == 23 && !valid ? retractions[20] : target
      lines.append(
        #"{"id":""# + id.rawValue + #"","at":""# + Timestamp(seconds: latest).description
          + #"","by":"p-1","type":""# + type + #"","data":{"event":""# + named.rawValue
          + #"","reason":"x"}}"#)
    }
    return (ledger, lines.map { $0 + "\n" })
  }

  @Test(
    "cold, from the cache, at any date and knowledge time, with a filter that is rarely or nearly always unsure: as the whole-log read",
    arguments: [false, true], [nil, 8])
  func replays(valid: Bool, words: Int?) throws {
    try IDFilter.$fixedWords.withValue(words) { try replays(valid: valid) }
  }

  func replays(valid: Bool) throws {
    let (ledger, lines) = try Self.ledger(valid: valid)
    defer { ledger.remove() }
    if valid {
      // Appended through the cache, which keeps a filter of the ids: the writer falls back to
      // exact ids wherever it answers "maybe".
      _ = try ledger.folder.fold(IDs(), asOf: nil, knownAt: nil)
      #expect(ledger.folder.hasFile(ReplayCache.fileName))
      let run = CLI.run(
        ["append", "--file", "x.jsonl"], ledger: ledger.path, input: lines.joined())
      #expect(run.exitCode == 0, "\(run.stderr)")
      // Then, by hand, a retraction the pre-scan cannot see, of an event not yet retracted.
      let events = try ledger.folder.read().events
      let retracted = Set(events.compactMap { Timeline.retractionTarget($0, knownAt: nil) })
      let target = try #require(
        events.first { $0.type == .phaseEntered && !retracted.contains($0.id) })
      let at = Timestamp(seconds: (events.map(\.at.seconds).max() ?? 0) + 1)
      try ledger.write(
        "z.jsonl",
        #"{"id":"00000000-0000-4000-8000-0000000000f1","at":""# + at.description
          + #"","by":"p-1","type":"event\u002eretracted","data":{"event":""#
          + target.id.rawValue + #"","reason":"x"}}"# + "\n")
    } else {
      try ledger.write("x.jsonl", lines.joined())
    }
    let read = try ledger.folder.read()
    #expect(read.problems.contains { $0.rule == .duplicateID } == !valid)
    #expect(read.problems.isEmpty == valid, "\(read.problems.prefix(3))")
    // A cold replay that took more than one pass (ids the filter was unsure of, a retraction unseen) still
    // leaves a cache for the next, when the log is valid.
    ReplayCache.remove(from: ledger.folder)
    _ = try ledger.folder.fold(IDs(), asOf: nil, knownAt: nil)
    #expect(ledger.folder.hasFile(ReplayCache.fileName) == valid)
    #expect(read.events.count > 1200)
    let times = read.events.map(\.at).sorted()
    for knownAt in [nil, times[times.count / 2], times[times.count - 10]] {
      for asOf in [nil, date("2014-06-30"), date("2030-01-01")] {
        let label =
          "as of \(asOf.map(\.description) ?? "-"), known at \(knownAt?.description ?? "-")"
        let expected = read.fold(IDs(), asOf: asOf, knownAt: knownAt) { $0.every.append($1.id) }
        for _ in 0..<2 {  // the second time from the cache, when there is one
          let streamed = try ledger.folder.fold(
            IDs(), asOf: asOf, knownAt: knownAt
          ) { $0.every.append($1.id) }
          #expect(streamed.problems == read.problems, "\(label)")
          #expect(streamed.fold.every == expected.every, "\(label)")
          #expect(streamed.fold.inForce == expected.inForce, "\(label)")
          let served = try ledger.folder.fold(IDs(), asOf: asOf, knownAt: knownAt)
          #expect(served.fold.inForce == expected.inForce, "\(label), no every")
        }
      }
    }
  }
}
