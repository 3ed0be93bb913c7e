import Foundation
import Testing

@testable import ServiceLedger

/// `SeenIDs` and `IDFilter`: a fixed-size filter of the ids in a long replay, whose answers
/// agree with exact ids or say they are not sure, and a replay that then settles them.
@Suite("The ids a validator has seen: a filter that agrees with exact ids or steps aside")
struct SeenIDsTests {
  /// `count` random ids.
  static func ids(_ count: Int, seed: UInt64) -> [EventID] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { _ in EventID(high: random.next(), low: random.next()) }
  }

  @Test("the filter never forgets an id, and rarely claims one it never saw")
  func filter() {
    var filter = IDFilter(words: 100_000, seed: 1)
    let added = Self.ids(100_000, seed: 2)
    var alarms = 0
    for id in added where !filter.insert(id) { alarms += 1 }
    #expect(alarms <= 2, "ids taken for repeats while filling: \(alarms)")
    #expect(added.allSatisfy { filter.contains($0) })
    var repeats = 0
    for id in added where !filter.insert(id) { repeats += 1 }
    #expect(repeats == added.count, "a repeat is always a maybe")
    // 100,000 words, 64 bits an id.
    let others = Self.ids(200_000, seed: 3).filter { filter.contains($0) }.count
    #expect(others <= 2, "ids never added that it may have seen: \(others)")
  }

  @Test(
    "a replay's filter: 64 bits for every 256 bytes of log up to 16 MiB, then for every 512; whole blocks, not rounded up further"
  )
  func sizes() {
    let mebibyte = 1 << 20
    #expect(IDFilter(forLogOf: 0).byteCount == IDFilter.smallest * 8)
    #expect(IDFilter(forLogOf: 10 * mebibyte).byteCount == 320 * 1024)
    // 1,183,593 words, made 73,975 blocks of 16.
    #expect(IDFilter(forLogOf: 303_000_000).byteCount == 73_975 * 128)
    #expect(IDFilter(forLogOf: 909_000_000).byteCount == 16 * mebibyte)
    #expect(IDFilter(forLogOf: 2_000_000_000).byteCount == 3_906_256 * 8)
    #expect(IDFilter.$fixedWords.withValue(8) { IDFilter(forLogOf: 909_000_000).byteCount } == 128)
  }

  @Test("ids crafted so that their mixed bits run 1, 2, 3 … do not pile into one block")
  func flooding() {
    // Without a seed, every one of these ids would go to the same block, which would soon
    // answer "maybe" for everything.
    let first: UInt64 = 0x9E37_79B9_7F4A_7C15
    let second: UInt64 = 0xBF58_476D_1CE4_E5B9
    let undo = Self.inverse(second) &* Self.inverse(first)
    var filter = IDFilter(words: 20_000)
    var alarms = 0
    for value in 1...UInt64(20_000) {
      let id = EventID(high: 0, low: value &* undo)
      #expect(id.mixed == value)
      if !filter.insert(id) { alarms += 1 }
    }
    #expect(alarms <= 2, "\(alarms)")
  }

  /// The inverse of an odd number modulo 2^64.
  static func inverse(_ odd: UInt64) -> UInt64 {
    var inverse = odd
    for _ in 0..<6 { inverse = inverse &* (2 &- odd &* inverse) }
    return inverse
  }

  @Test(
    "a filter written for the cache reads back with the same answers; a damaged one does not read")
  func snapshot() throws {
    var filter = IDFilter(words: 80)
    #expect(filter.byteCount == 80 * 8, "five blocks: a size that is not a power of two")
    let added = Self.ids(200, seed: 4)
    for id in added { filter.insert(id) }
    var out = BinaryWriter()
    filter.write(to: &out)
    var input = BinaryReader(out.bytes)
    let read = try #require(IDFilter(reading: &input))
    #expect(read.seed == filter.seed)
    let probes = added + Self.ids(2_000, seed: 5)
    #expect(probes.map { read.contains($0) } == probes.map { filter.contains($0) })
    // A size that is not whole blocks, and one cut short.
    var bad = out.bytes
    bad[8] = 81
    var badInput = BinaryReader(bad)
    #expect(IDFilter(reading: &badInput) == nil)
    var short = BinaryReader(Array(out.bytes.dropLast()))
    #expect(IDFilter(reading: &short) == nil)
  }

  @Test(
    "filtered and exact sets: where they differ on random ids, repeats and removals, the filtered one is unsure"
  )
  func agreement() {
    var random = SplitMix64(seed: 7)
    var exact = SeenIDs()
    // A small filter, so that it answers "maybe" for ids it never saw too.
    var filtered = SeenIDs(filter: IDFilter(words: 256), holdsLog: false, watching: [])
    var ids: [EventID] = []
    var differences = 0
    for step in 0..<5_000 {
      let id =
        step % 7 == 3 && !ids.isEmpty
        ? ids[random.index(ids.count)] : EventID(high: random.next(), low: random.next())
      ids.append(id)
      let (inExact, inFiltered) = (exact.insert(id), filtered.insert(id))
      if inExact != inFiltered {
        differences += 1
        #expect(inFiltered == false && filtered.unsure.contains(id))
      }
      if step % 11 == 0 {
        exact.remove(id)
        filtered.remove(id)
      }
    }
    #expect(differences > 0, "the small filter was meant to be wrong sometimes")
    #expect(filtered.isUndecided)
    #expect(exact.isUndecided == false)
  }

  @Test("watched ids are answered exactly, whatever the filter says")
  func watched() {
    let ids = Self.ids(3, seed: 8)
    // One block: after a few ids, every answer of the filter is "maybe".
    var set = SeenIDs(filter: IDFilter(words: 8), holdsLog: false, watching: [ids[0], ids[1]])
    for id in Self.ids(1_000, seed: 9) { _ = set.insert(id) }
    let unsure = set.unsure.count
    _ = set.insert(ids[0])
    let answers = (set.contains(ids[0]), set.contains(ids[1]))
    #expect(answers == (true, false), "watched: known exactly")
    #expect(set.unsure.count == unsure)
    let guessed = set.contains(ids[2])
    #expect(guessed, "not watched: the filter may have seen it")
    #expect(set.unsure.contains(ids[2]))
  }

  @Test(
    "in a replay, ids nobody watches are new until the pass ends; the filling's repeats are then unsure"
  )
  func settling() {
    let ids = Self.ids(4, seed: 10)
    var set = SeenIDs(filter: nil, holdsLog: true, watching: [ids[0]])
    let unwatched = (set.insert(ids[1]), set.insert(ids[1]))
    #expect(unwatched == (true, true), "taken to be new: the filling will say")
    let watched = (set.insert(ids[0]), set.insert(ids[0]))
    #expect(watched == (true, false), "watched: exact")
    let asked = set.contains(ids[2])
    #expect(asked && set.unsure == [ids[2]], "cannot say while being filled")
    var filter = IDFilter(words: 1024)
    for id in ids { filter.insert(id) }
    set.settle(IDFilling.Result(filter: filter, repeated: [ids[0], ids[1]]))
    #expect(set.unsure == [ids[1], ids[2]], "a repeat nobody watched")
    // From here the filter takes the ids itself.
    let again = set.insert(ids[3])
    #expect(again == false && set.unsure.contains(ids[3]))
    let fresh = set.insert(Self.ids(1, seed: 11)[0])
    #expect(fresh)
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

  @Test(
    "a replay whose filter answers maybe for everything settles it: both events count, no duplicate",
    arguments: [nil, 8])
  func replaySettles(words: Int?) throws {
    let ids = Self.ids(202, seed: 12)
    // Enough events to fill a filter of one block.
    let more = ids.dropFirst(2).enumerated().map { index, id in
      #"{"id":""# + id.rawValue + #"","at":""#
        + Timestamp(seconds: 1_500_000_000 + index).description
        + #"","by":"p-1","type":"component.adopted","data":{"service":"a","component":"m\#(index)","on":"2014-01-01"}}"#
    }
    let ledger = try Self.ledger(ids[0], ids[1], extra: more)
    defer { ledger.remove() }
    let whole = try ledger.folder.read()
    #expect(whole.problems.isEmpty)
    try IDFilter.$fixedWords.withValue(words) {
      let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
      #expect(streamed.problems.isEmpty)
      #expect(streamed.fold.count == 203)
      ReplayCache.remove(from: ledger.folder)
      let check = CLI.run(["check", "--as-of", "2015-04-01"], ledger: ledger.path)
      #expect(check.stdout.contains("duplicate-id") == false, "\(check.stdout)")
      let passes = try LedgerStream(folder: ledger.folder).replay(
        asOf: nil, knownAt: nil, watching: [], into: 0
      ) { count, _ in count += 1 }.passes
      #expect(passes == (words == nil ? 1 : 2))
    }
  }

  @Test(
    "a retraction of an id that is not there: refused, whether the pre-scan saw it or not, whatever the filter",
    arguments: [nil, 8])
  func retractionOfAbsentID(words: Int?) throws {
    let ids = Self.ids(3, seed: 13)
    let absent = ids[2]
    for type in ["event.retracted", #"event\u002eretracted"#] {
      // The escaped type reads the same, but the pre-scan's byte search does not find it.
      let retraction =
        #"{"id":"00000000-0000-4000-8000-0000000000ff","at":"2015-01-01T00:00:00Z","by":"p-1","type":""#
        + type + #"","data":{"event":""# + absent.rawValue + #"","reason":"x"}}"#
      let ledger = try Self.ledger(ids[0], ids[1], extra: [retraction])
      defer { ledger.remove() }
      let whole = try ledger.folder.read()
      #expect(whole.problems.map(\.rule) == [.unknownReference], "\(type)")
      try IDFilter.$fixedWords.withValue(words) {
        let streamed = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
        #expect(streamed.problems == whole.problems, "\(type)")
        #expect(streamed.fold.count == 3, "\(type)")
      }
    }
  }
}
