import Foundation
import Testing

@testable import ServiceLedger

/// The filter of ids (`IDFilter`, `SeenIDs`) under hostile logs and a hostile cache.
@Suite("A filter of ids under attack: damaged caches, many blocks, ids repeated every way")
struct SeenIDsHostileTests {
  /// A line adopting component `component` on service `a`, with id `id`, at `seconds` (nil:
  /// left for the writer to stamp).
  static func adoption(_ id: EventID, seconds: Int?, component: String) -> String {
    #"{"id":""# + id.rawValue
      + (seconds.map { #"","at":""# + Timestamp(seconds: $0).description } ?? "")
      + #"","by":"p-1","type":"component.adopted","data":{"service":"a","component":""#
      + component + #"","on":"2014-01-01"}}"#
  }

  /// A ledger registering service `a`, then `count` adoptions with fresh ids.
  static func ledger(adoptions count: Int) throws -> (TemporaryLedger, [EventID]) {
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    let ids = SeenIDsTests.ids(count, seed: 21)
    var text = registration.line + "\n"
    for (index, id) in ids.enumerated() {
      text += adoption(id, seconds: 1_410_000_000 + index, component: "c\(index)") + "\n"
    }
    return (try TemporaryLedger(files: ["ledger.jsonl": text]), [registration.id] + ids)
  }

  @Test("a log of many blocks and no repeated id replays in one pass")
  func manyBlocksOnePass() throws {
    let (ledger, _) = try Self.ledger(adoptions: 3_000)
    defer { ledger.remove() }
    var stream = LedgerStream(folder: ledger.folder)
    stream.blockSize = 4096
    let passes = try stream.replay(asOf: nil, knownAt: nil, watching: [], into: 0) { count, _ in
      count += 1
    }
    #expect(passes.state == 3_001)
    #expect(passes.passes == 1)
  }

  @Test(
    "an append of an id already in the log is refused, whatever damage the cache's filter took",
    arguments: ["seed", "block", "size", "cut"])
  func damagedFilter(damage: String) throws {
    let (ledger, ids) = try Self.ledger(adoptions: 50)
    defer { ledger.remove() }
    _ = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    let path = ledger.folder.path(of: ReplayCache.validatorFileName)
    var bytes = ledger.bytes(ReplayCache.validatorFileName)
    let cache = try #require(ReplayCache.load(ledger.folder, withValidator: true))
    let filter = try #require(cache.validator?.ids.filter)
    let repeated = ids[7]
    #expect(filter.contains(repeated))
    // Where the filter is in the file: its seed, then its size, then its words.
    let seed = withUnsafeBytes(of: filter.seed.littleEndian) { Array($0) }
    let start = try #require(
      (0...(bytes.count - 8)).first { Array(bytes[$0..<($0 + 8)]) == seed })
    switch damage {
    case "seed": bytes[start] ^= 0x5A
    case "block":
      // The one block that holds the repeated id's bits, cleared.
      let words = start + 16 + filter.place(repeated).block * 8
      for offset in words..<(words + IDFilter.blockWords * 8) { bytes[offset] = 0 }
    case "size": bytes[start + 8] = 8
    default: bytes.removeLast(9)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let line = Self.adoption(repeated, seconds: nil, component: "again")
    let run = CLI.run(["append"], ledger: ledger.path, input: line + "\n")
    #expect(run.exitCode != 0, "\(run.stdout)")
    #expect(run.stderr.contains("already in the ledger"), "\(run.stderr)")
    let read = try ledger.folder.read()
    #expect(read.problems.isEmpty, "\(read.problems.prefix(2))")
    // The append that refused it rebuilt the cache: the next one is served from it again.
    let fresh = Self.adoption(SeenIDsTests.ids(1, seed: 25)[0], seconds: nil, component: "new")
    #expect(CLI.run(["append"], ledger: ledger.path, input: fresh + "\n").exitCode == 0)
    #expect(ReplayCache.load(ledger.folder, withValidator: true)?.validator != nil)
  }

  @Test(
    "a log whose every line repeats one id: two passes, the problems of the whole-log read"
  )
  func oneIDRepeated() throws {
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    let id = SeenIDsTests.ids(1, seed: 22)[0]
    var lines = [registration.line]
    for index in 0..<60_000 {
      lines.append(Self.adoption(id, seconds: 1_410_000_000 + index, component: "c\(index)"))
    }
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": lines.joined(separator: "\n") + "\n"])
    defer { ledger.remove() }
    // The first pass takes every id it does not watch for new, so the catalogue is given
    // all 60,000 adoptions of one service before the second pass drops the repeats: each
    // used to copy the service's components (14 s here in debug, against about 1 s; 20 s
    // for 100,000 lines in a release build; timed by hand, not here).
    let streamed = try ledger.folder.fold(Catalogue(), asOf: nil, knownAt: nil)
    #expect(streamed.fold.records[service("a")]?.components.count == 1)
    #expect(streamed.problems.count == 59_999)
    #expect(streamed.problems.allSatisfy { $0.rule == .duplicateID })
    let passes = try LedgerStream(folder: ledger.folder).replay(
      asOf: nil, knownAt: nil, watching: [], into: 0
    ) { count, _ in count += 1 }
    #expect(passes.state == 2)
    #expect(passes.passes == 2)
  }

  /// A retraction with id `id` of `target`, at `seconds`.
  static func retraction(_ id: EventID, of target: EventID, seconds: Int) -> String {
    #"{"id":""# + id.rawValue + #"","at":""# + Timestamp(seconds: seconds).description
      + #"","by":"p-1","type":"event.retracted","data":{"event":""# + target.rawValue
      + #"","reason":"x"}}"#
  }

  @Test(
    "ids repeated every way (an invalid first use, side by side, across files, a retraction's own id, a retracted id): as the whole-log read",
    arguments: [nil, 8])
  func repeatedEveryWay(words: Int?) throws {
    var factory = EventFactory()
    let registration = factory.make(
      .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG")))
    let ids = SeenIDsTests.ids(6, seed: 23)
    let (x, y, z, r1, r2, r3) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5])
    let t = 1_410_000_000
    // x: first on a service never registered (invalid), then valid; y: twice side by side,
    // then once more; r1: a retraction's id, used again by another retraction.
    let first = [
      registration.line,
      Self.adoption(x, seconds: t + 1, component: "x").replacingOccurrences(
        of: #""service":"a""#, with: #""service":"zz""#),
      Self.adoption(x, seconds: t + 2, component: "x2"),
      Self.adoption(y, seconds: t + 3, component: "y"),
      Self.adoption(y, seconds: t + 4, component: "y2"),
      Self.adoption(z, seconds: t + 5, component: "z"),
      Self.retraction(r1, of: x, seconds: t + 6),
      Self.adoption(y, seconds: t + 7, component: "y3"),
      Self.retraction(r1, of: z, seconds: t + 8),
      Self.retraction(r2, of: y, seconds: t + 9),
    ]
    // Another file: x and the registration's id again, and r3 twice.
    let second = [
      Self.adoption(x, seconds: t + 3, component: "b-x"),
      Self.adoption(registration.id, seconds: t + 10, component: "b-r"),
      Self.adoption(r3, seconds: t + 11, component: "b-r3"),
      Self.adoption(r3, seconds: t + 11, component: "b-r3-again"),
    ]
    let ledger = try TemporaryLedger(files: [
      "a.jsonl": first.map { $0 + "\n" }.joined(), "b.jsonl": second.map { $0 + "\n" }.joined(),
    ])
    defer { ledger.remove() }
    let read = try ledger.folder.read()
    #expect(read.problems.filter { $0.rule == .duplicateID }.count == 6)
    try IDFilter.$fixedWords.withValue(words) {
      for knownAt in [nil, Timestamp(seconds: t + 7)] {
        for asOf in [nil, date("2013-01-01")] {
          let label = "as of \(asOf.map(\.description) ?? "-"), known at \(knownAt?.seconds ?? 0)"
          let expected = read.fold(
            SeenIDsDifferentialTests.IDs(), asOf: asOf, knownAt: knownAt
          ) { $0.every.append($1.id) }
          let streamed = try ledger.folder.fold(
            SeenIDsDifferentialTests.IDs(), asOf: asOf, knownAt: knownAt
          ) { $0.every.append($1.id) }
          #expect(streamed.problems == read.problems, "\(label)")
          #expect(streamed.fold.every == expected.every, "\(label)")
          #expect(streamed.fold.inForce == expected.inForce, "\(label)")
        }
      }
    }
  }

  @Test("appends through a cache whose filter is tiny: new ids go in, a repeated one is refused")
  func cachedAppends() throws {
    let (ledger, ids) = try Self.ledger(adoptions: 300)
    defer { ledger.remove() }
    try IDFilter.$fixedWords.withValue(8) {
      _ = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
      #expect(ledger.folder.hasFile(ReplayCache.validatorFileName))
      let fresh = SeenIDsTests.ids(1, seed: 24)[0]
      let added = CLI.run(
        ["append"], ledger: ledger.path,
        input: Self.adoption(fresh, seconds: nil, component: "new") + "\n")
      #expect(added.exitCode == 0, "\(added.stderr)")
      for id in [fresh, ids[0], ids[150]] {
        let refused = CLI.run(
          ["append"], ledger: ledger.path,
          input: Self.adoption(id, seconds: nil, component: "again") + "\n")
        #expect(refused.exitCode != 0)
        #expect(refused.stderr.contains("already in the ledger"), "\(refused.stderr)")
      }
    }
    let read = try ledger.folder.read()
    #expect(read.problems.isEmpty)
    #expect(read.events.count == 302)
  }

  @Test(
    "the lines of a cut-off append repeat ids: left out and reported, then moved aside by repair; their ids stay free",
    arguments: [nil, 8])
  func pendingRepeats(words: Int?) throws {
    let (ledger, ids) = try Self.ledger(adoptions: 40)
    defer { ledger.remove() }
    let committed = ledger.bytes("ledger.jsonl")
    let fresh = SeenIDsTests.ids(1, seed: 26)[0]
    // The cut-off batch: an id of the log, a new one, and that new one again.
    let pending = [
      Self.adoption(ids[3], seconds: 1_420_000_000, component: "p1"),
      Self.adoption(fresh, seconds: 1_420_000_001, component: "p2"),
      Self.adoption(fresh, seconds: 1_420_000_002, component: "p3"),
    ].map { $0 + "\n" }.joined()
    try ledger.write("ledger.jsonl", String(decoding: committed, as: UTF8.self) + pending)
    try ledger.write(
      AppendJournal.fileName,
      String(
        decoding: AppendJournal(
          lengths: ["ledger.jsonl": committed.count],
          batches: ["ledger.jsonl": Array(pending.utf8)]
        ).bytes, as: UTF8.self))
    try IDFilter.$fixedWords.withValue(words) {
      let read = try ledger.folder.read()
      #expect(read.problems.count == 1)
      #expect(read.problems.contains { $0.rule == .duplicateID } == false)
      let streamed = try ledger.folder.fold(
        SeenIDsDifferentialTests.IDs(), asOf: nil, knownAt: nil
      ) { $0.every.append($1.id) }
      #expect(streamed.problems == read.problems)
      #expect(streamed.fold.every == read.events.map(\.id))
      #expect(CLI.run(["repair"], ledger: ledger.path).exitCode == 0)
      // Cold, then through the cache the cold replay left: the moved-aside id is free.
      for _ in 0..<2 {
        #expect(try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil).problems.isEmpty)
      }
      #expect(ledger.folder.hasFile(ReplayCache.validatorFileName))
      let again = CLI.run(
        ["append"], ledger: ledger.path,
        input: Self.adoption(ids[3], seconds: nil, component: "again") + "\n")
      #expect(again.stderr.contains("already in the ledger"), "\(again.stderr)")
      let added = CLI.run(
        ["append"], ledger: ledger.path,
        input: Self.adoption(fresh, seconds: nil, component: "p2") + "\n")
      #expect(added.exitCode == 0, "\(added.stderr)")
    }
    let final = try ledger.folder.read()
    #expect(final.problems.isEmpty)
    #expect(final.events.count == 42)
  }

  @Test(
    "lines added to the log by hand after the cache: a repeated id is found, a new one is then known to the cache",
    arguments: [nil, 8])
  func linesAddedByHand(words: Int?) throws {
    let (ledger, ids) = try Self.ledger(adoptions: 40)
    defer { ledger.remove() }
    let original = ledger.text("ledger.jsonl")
    let fresh = SeenIDsTests.ids(1, seed: 27)[0]
    try IDFilter.$fixedWords.withValue(words) {
      _ = try ledger.folder.fold(Catalogue(), asOf: nil, knownAt: nil)
      try ledger.write(
        "ledger.jsonl",
        original + Self.adoption(fresh, seconds: 1_420_000_000, component: "hand") + "\n")
      // Served from the cache, which checks and takes the new line.
      let warm = try ledger.folder.fold(Catalogue(), asOf: nil, knownAt: nil)
      #expect(warm.problems.isEmpty)
      #expect(warm.fold.records[service("a")]?.components.count == 41)
      let refused = CLI.run(
        ["append"], ledger: ledger.path,
        input: Self.adoption(fresh, seconds: nil, component: "again") + "\n")
      #expect(refused.stderr.contains("already in the ledger"), "\(refused.stderr)")
      // A line repeating an id, by hand: the view reports it as the whole-log read does.
      try ledger.write(
        "ledger.jsonl",
        ledger.text("ledger.jsonl")
          + Self.adoption(ids[5], seconds: 1_420_000_001, component: "hand2") + "\n")
      let read = try ledger.folder.read()
      #expect(read.problems.map(\.rule) == [.duplicateID])
      let view = try ledger.folder.fold(Catalogue(), asOf: nil, knownAt: nil)
      #expect(view.problems == read.problems)
      #expect(view.fold == read.fold(Catalogue(), asOf: nil, knownAt: nil))
    }
  }

  @Test(
    "an append of an id already in the log is refused, whatever else in the cache's validator was damaged",
    arguments: ["watched", "exact"])
  func damagedValidator(damage: String) throws {
    let (ledger, ids) = try Self.ledger(adoptions: 50)
    defer { ledger.remove() }
    let retraction = Self.retraction(
      SeenIDsTests.ids(1, seed: 28)[0], of: ids[4], seconds: 1_420_000_000)
    try ledger.write("ledger.jsonl", ledger.text("ledger.jsonl") + retraction + "\n")
    let repeated: EventID
    if damage == "watched" {
      // The filtered validator a cold replay leaves watches the retracted id exactly.
      _ = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
      repeated = ids[4]
    } else {
      // An append the cache cannot serve rebuilds it with exact ids.
      let added = CLI.run(
        ["append"], ledger: ledger.path,
        input: Self.adoption(SeenIDsTests.ids(1, seed: 29)[0], seconds: nil, component: "n")
          + "\n")
      #expect(added.exitCode == 0, "\(added.stderr)")
      #expect(
        ReplayCache.load(ledger.folder, withValidator: true)?.validator?.ids.isFiltered == false)
      repeated = ids[7]
    }
    // The id as the validator's tables hold it, in memory order; the second copy is in the
    // set of watched ids seen (the first in the watched set), the only copy in an exact table.
    var bytes = ledger.bytes(ReplayCache.validatorFileName)
    let pattern = withUnsafeBytes(of: repeated) { Array($0) }
    let places = (0...(bytes.count - 16)).filter { Array(bytes[$0..<($0 + 16)]) == pattern }
    let place = try #require(damage == "watched" ? places.dropFirst().first : places.first)
    bytes[place] ^= 0x01
    try Data(bytes).write(
      to: URL(fileURLWithPath: ledger.folder.path(of: ReplayCache.validatorFileName)))
    let run = CLI.run(
      ["append"], ledger: ledger.path,
      input: Self.adoption(repeated, seconds: nil, component: "again") + "\n")
    #expect(run.stderr.contains("already in the ledger"), "\(damage): \(run.stderr)")
    #expect(try ledger.folder.read().problems.isEmpty)
  }

  @Test("a cache copied over from another ledger, whole or the validator alone, is not used")
  func cacheFromAnotherLedger() throws {
    let (ledger, ids) = try Self.ledger(adoptions: 30)
    defer { ledger.remove() }
    // Another ledger of the same size and file name: other components, the same ids.
    let (other, _) = try Self.ledger(adoptions: 30)
    defer { other.remove() }
    try other.write(
      "ledger.jsonl",
      other.text("ledger.jsonl").replacingOccurrences(
        of: #""component":"c"#, with: #""component":"d"#))
    #expect(other.bytes("ledger.jsonl").count == ledger.bytes("ledger.jsonl").count)
    _ = try ledger.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    _ = try other.folder.fold(EventCounter(), asOf: nil, knownAt: nil)
    for names in [
      [ReplayCache.validatorFileName], [ReplayCache.fileName, ReplayCache.validatorFileName],
    ] {
      for name in names {
        try Data(other.bytes(name)).write(to: URL(fileURLWithPath: ledger.folder.path(of: name)))
      }
      #expect(ReplayCache.current(ledger.folder, withValidator: true) == nil, "\(names)")
      let run = CLI.run(
        ["append"], ledger: ledger.path,
        input: Self.adoption(ids[9], seconds: nil, component: "again") + "\n")
      #expect(run.stderr.contains("already in the ledger"), "\(names): \(run.stderr)")
    }
    #expect(try ledger.folder.read().problems.isEmpty)
  }

  @Test(
    "a generated log of several blocks, random lines given ids of other lines: as the whole-log read",
    arguments: [nil, 16], [UInt64(1), 2, 3])
  func randomRepeats(words: Int?, seed: UInt64) throws {
    let ledger = try DecodingPathTests.generated(services: 12, events: 5000, seed: seed)
    defer { ledger.remove() }
    var random = SplitMix64(seed: seed)
    let names = try ledger.folder.fileNames()
    var pool: [String] = []
    for name in names {
      for line in ledger.text(name).split(separator: "\n") {
        if let range = line.range(of: #""id":""#) {
          pool.append(String(line[range.upperBound...].prefix(36)))
        }
      }
    }
    for name in names {
      var lines = ledger.text(name).split(separator: "\n").map(String.init)
      for index in lines.indices where random.index(40) == 0 {
        guard let range = lines[index].range(of: #""id":""#) else { continue }
        let start = range.upperBound
        let end = lines[index].index(start, offsetBy: 36)
        lines[index].replaceSubrange(start..<end, with: pool[random.index(pool.count)])
      }
      try ledger.write(name, lines.joined(separator: "\n") + "\n")
    }
    let read = try ledger.folder.read()
    #expect(read.problems.contains { $0.rule == .duplicateID })
    try IDFilter.$fixedWords.withValue(words) {
      for knownAt in [nil, read.events[read.events.count / 2].at] {
        let expected = read.fold(SeenIDsDifferentialTests.IDs(), asOf: nil, knownAt: knownAt) {
          $0.every.append($1.id)
        }
        let streamed = try ledger.folder.fold(
          SeenIDsDifferentialTests.IDs(), asOf: nil, knownAt: knownAt
        ) { $0.every.append($1.id) }
        #expect(streamed.problems == read.problems)
        #expect(streamed.fold.every == expected.every)
        #expect(streamed.fold.inForce == expected.inForce)
      }
    }
  }
}
