import Foundation
import Testing

@testable import ServiceLedger

/// `SeenIDs`: 64-bit keys of the ids in a long replay, which agree with exact ids or say they
/// are not sure, and a replay that then starts again with exact ids.
@Suite("The ids a validator has seen: keys that agree with exact ids or step aside")
struct SeenIDsTests {
  /// The inverse of an odd number modulo 2^64.
  static func inverse(_ odd: UInt64) -> UInt64 {
    var inverse = odd
    for _ in 0..<6 { inverse = inverse &* (2 &- odd &* inverse) }
    return inverse
  }

  /// An id other than `id` with the same key: the same high bits, and low bits whose mix
  /// differs from `id`'s only in the bit the key sets anyway.
  static func colliding(with id: EventID) -> EventID {
    let first: UInt64 = 0x9E37_79B9_7F4A_7C15
    let second: UInt64 = 0xBF58_476D_1CE4_E5B9
    let mixed = (id.high ^ id.low &* first) &* second
    let low = (((mixed ^ 1) &* inverse(second)) ^ id.high) &* inverse(first)
    return EventID(high: id.high, low: low)
  }

  @Test("the crafted id is another id with the same key")
  func crafted() {
    let id = EventID(unchecked: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    let other = Self.colliding(with: id)
    #expect(other != id)
    #expect(SeenIDs.key(other) == SeenIDs.key(id))
  }

  @Test("ids crafted so that their mixed bits run 1, 2, 3 … do not pile into one run of slots")
  func flooding() {
    // Without a seed, every one of these ids would start its look-up at slot 0, and each
    // insert would walk past all the ids before it.
    let first: UInt64 = 0x9E37_79B9_7F4A_7C15
    let second: UInt64 = 0xBF58_476D_1CE4_E5B9
    let undo = Self.inverse(second) &* Self.inverse(first)
    var set = EventIDSet(capacity: 20_000)
    for value in 1...UInt64(20_000) {
      let id = EventID(high: 0, low: value &* undo)
      #expect(id.mixed == value)
      _ = set.insert(id)
    }
    let longest = set.withTable { table, _, _ in
      var longest = 0
      var run = 0
      for offset in stride(from: 0, to: table.count, by: 16) {
        let empty = table[offset..<(offset + 16)].allSatisfy { $0 == 0 }
        run = empty ? 0 : run + 1
        longest = max(longest, run)
      }
      return longest
    }
    #expect(set.count == 20_000)
    #expect(longest < 500, "the longest run of filled slots is \(longest)")
  }

  @Test("keyed and exact sets answer alike on random ids, repeats and removals")
  func agreement() {
    var random = SplitMix64(seed: 7)
    var exact = SeenIDs()
    var keyed = SeenIDs(capacity: 100, keyed: true)
    var ids: [EventID] = []
    for step in 0..<20_000 {
      let id =
        step % 7 == 3 && !ids.isEmpty
        ? ids[random.index(ids.count)] : EventID(high: random.next(), low: random.next())
      ids.append(id)
      let (inExact, inKeyed) = (exact.insert(id), keyed.insert(id))
      #expect(inExact == inKeyed)
      if step % 11 == 0 {
        exact.remove(id)
        keyed.remove(id)
      }
    }
    #expect(exact.count == keyed.count)
    // Repeats were answered from keys: the keyed set knew an id had been seen, yet it cannot
    // tell a repeat from another id with the same key, so it is not sure.
    #expect(keyed.isUndecided)
    #expect(exact.isUndecided == false)
  }

  @Test("two ids that share a key: the keyed set says it is not sure; the exact one takes both")
  func collision() {
    let id = EventID(unchecked: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    let other = Self.colliding(with: id)
    var keyed = SeenIDs(capacity: 10, keyed: true)
    let first = keyed.insert(id)
    #expect(first && keyed.isUndecided == false)
    let second = keyed.insert(other)
    #expect(second == false && keyed.isUndecided)
    var exact = SeenIDs()
    let both = (exact.insert(id), exact.insert(other))
    #expect(both == (true, true))
  }

  @Test("whether a retracted id was seen: exact when a retraction named it, a guess otherwise")
  func watched() {
    let id = EventID(unchecked: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    let other = Self.colliding(with: id)
    var keyed = SeenIDs(capacity: 10, keyed: true, watching: [id, other])
    _ = keyed.insert(id)
    let (seen, seenOther) = (keyed.contains(id), keyed.contains(other))
    #expect(seen)
    #expect(seenOther == false, "watched: known exactly not to be there")
    #expect(keyed.isUndecided == false)
    var unwatched = SeenIDs(capacity: 10, keyed: true)
    _ = unwatched.insert(id)
    let guessed = unwatched.contains(other)
    #expect(guessed, "its key is there")
    #expect(unwatched.isUndecided)
  }

  /// A ledger of a service, two component events with `first` and `second` as ids, and
  /// `extra` lines.
  static func ledger(_ first: EventID, _ second: EventID, extra: [String] = []) throws
    -> TemporaryLedger
  {
    var factory = EventFactory()
    var events = [
      factory.make(
        .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG"))
      )
    ]
    for (index, id) in [first, second].enumerated() {
      var event = factory.make(
        .componentAdopted(
          ComponentAdopted(
            service: service("a"), component: ComponentID(unchecked: "c\(index)"),
            on: date("2014-01-01"))))
      event = RecordedEvent(id: id, at: event.at, by: event.by, event: event.event)
      events.append(event)
    }
    let text = (events.map(\.line) + extra).map { $0 + "\n" }.joined()
    return try TemporaryLedger(files: ["ledger.jsonl": text])
  }

  @Test("a replay whose keys collide replays again with exact ids: both events count")
  func replayFallsBack() throws {
    let id = EventID(unchecked: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    let ledger = try Self.ledger(id, Self.colliding(with: id))
    defer { ledger.remove() }
    let whole = try ledger.folder.read()
    #expect(whole.problems.isEmpty)
    let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    #expect(streamed.problems.isEmpty)
    #expect(streamed.fold.count == whole.events.count)
    #expect(streamed.fold.count == 3)
    let check = CLI.run(["check", "--as-of", "2015-04-01"], ledger: ledger.path)
    #expect(check.stdout.contains("duplicate-id") == false, "\(check.stdout)")
  }

  @Test(
    "a retraction of an id that is not there but shares a key with one that is: refused, whether the pre-scan saw it or not"
  )
  func retractionOfAbsentID() throws {
    let id = EventID(unchecked: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    let other = EventID(unchecked: "0b1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    let absent = Self.colliding(with: id)
    for type in ["event.retracted", #"event\u002eretracted"#] {
      // The escaped type reads the same, but the pre-scan's byte search does not find it.
      let retraction =
        #"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2015-01-01T00:00:00Z","by":"p-1","type":""#
        + type + #"","data":{"event":""# + absent.rawValue + #"","reason":"x"}}"#
      let ledger = try Self.ledger(id, other, extra: [retraction])
      defer { ledger.remove() }
      let whole = try ledger.folder.read()
      #expect(whole.problems.map(\.rule) == [.unknownReference], "\(type)")
      let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
      #expect(streamed.problems == whole.problems, "\(type)")
      #expect(streamed.fold.count == 3, "\(type)")
    }
  }
}
