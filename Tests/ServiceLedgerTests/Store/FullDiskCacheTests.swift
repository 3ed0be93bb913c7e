import Foundation
import Testing

@testable import ServiceLedger

/// The replay cache on a full disk: it never takes the room an append's lines need, and a
/// part of it that could not be written is not left behind.
@Suite("Replay cache on a full disk", .serialized)
struct FullDiskCacheTests {
  /// Every name in the folder (hidden ones too), sorted.
  static func names(_ ledger: TemporaryLedger) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: ledger.path).sorted()
  }

  /// Appends a batch to `ledger` through the cache, failing as a full disk would at its
  /// `point`-th write or sync.
  static func failAppend(to ledger: TemporaryLedger, at point: Int) {
    let writer = LedgerWriter(
      folder: ledger.folder, faults: FaultInjection(action: .fail, point: point))
    #expect {
      try writer.append(FaultInjectionTests.batches("f"), source: "t", validation: .cached)
    } throws: { error in
      "\(error)".contains("\nnothing was written")
    }
  }

  @Test(
    "an append that fails writing (a full disk) leaves no cache its replay rebuilt",
    arguments: 1...9)
  func failedAppendLeavesNoCache(point: Int) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    let before = try Self.names(ledger)
    // No cache yet: the append streams the log, which rebuilds the cache on the way; written
    // before the lines, it would take the room they need on a nearly full disk.
    Self.failAppend(to: ledger, at: point)
    #expect(try Self.names(ledger) == before)
    #expect(ledger.text("ledger.jsonl") == FaultInjectionTests.registered)
  }

  @Test("a streamed append that succeeds saves the cache after its lines, and it serves")
  func succeededAppendSavesCache() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    try LedgerWriter(folder: ledger.folder).append(
      FaultInjectionTests.batches("s"), source: "t", validation: .cached)
    // The cache covers the log as the append read it; the new lines are read after it.
    let (cache, added) = try #require(ReplayCache.current(ledger.folder, withValidator: true))
    #expect(cache.validator != nil)
    #expect(added.count == 4)
    let cached = CLI.run(["services", "--format", "json"], ledger: ledger.path)
    ReplayCache.remove(from: ledger.folder)
    let cold = CLI.run(["services", "--format", "json"], ledger: ledger.path)
    #expect(cached.exitCode == 0 && cached.stdout == cold.stdout)
  }

  /// A ledger of `count` registrations, whose cache file is several times its validator's.
  static func registrations(_ count: Int) throws -> TemporaryLedger {
    var factory = EventFactory()
    let lines = (0..<count).map { index in
      factory.make(
        .serviceRegistered(
          ServiceRegistered(
            service: service("s-\(index)"),
            name: "Service number \(index), with a long name that makes the cache large",
            organisation: "HMCTS"))
      ).line + "\n"
    }
    return try TemporaryLedger(files: ["ledger.jsonl": lines.joined()])
  }

  @Test("a view with room for the validator but not the cache prints, and leaves neither")
  func viewWithRoomForValidatorOnly() throws {
    let ledger = try Self.registrations(300)
    defer { ledger.remove() }
    let before = try Self.names(ledger)
    // Files of at most 64 blocks (32 or 64 KiB, by the shell's unit): the validator's is
    // some 14 KiB, the cache's some 80.
    let full = try NoRoom.run(["services", "--format", "csv", "--ledger", ledger.path], blocks: 64)
    #expect(full.status == 0, "\(full.stderr)")
    #expect(full.stderr.isEmpty, "\(full.stderr)")
    // No validator is left without the cache that names it (it could never be used).
    #expect(try Self.names(ledger) == before)
    let roomy = CLI.run(["services", "--format", "csv"], ledger: ledger.path)
    #expect(roomy.stdout == full.stdout)
    // With room, the cache is written whole, and serves the same.
    #expect(ledger.folder.hasFile(ReplayCache.fileName))
    #expect(ledger.folder.hasFile(ReplayCache.validatorFileName))
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).stdout == full.stdout)
  }
}

extension FullDiskCacheTests {
  @Test("a cache that would leave less than its room free on the disk is not kept")
  func roomKept() throws {
    let ledger = try Self.registrations(20)
    defer { ledger.remove() }
    let view = CLI.run(["services", "--format", "csv"], ledger: ledger.path)
    let (cache, _) = try #require(ReplayCache.current(ledger.folder, withValidator: true))
    ReplayCache.remove(from: ledger.folder)
    let before = try Self.names(ledger)
    // No disk has this much room: neither file is kept, nor a temporary one.
    cache.save(to: ledger.folder, keepingFree: Int.max)
    #expect(try Self.names(ledger) == before)
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).stdout == view.stdout)
    // The room kept by default (1 MiB): this machine's temporary folder has it.
    ReplayCache.remove(from: ledger.folder)
    cache.save(to: ledger.folder)
    #expect(ReplayCache.current(ledger.folder, withValidator: true) != nil)
  }
}

/// A stale cache (one the log has moved past) on a nearly full disk: its room goes to the log.
extension FullDiskCacheTests {
  /// Gives `ledger` a cache written by a view, then makes it stale behind the tool's back: a
  /// byte of the log changed, its length kept.
  /// - Returns: the cache as the view wrote it.
  @discardableResult
  static func staleCache(_ ledger: TemporaryLedger) throws -> ReplayCache {
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).exitCode == 0)
    let (cache, _) = try #require(ReplayCache.current(ledger.folder, withValidator: true))
    let log = ledger.text("ledger.jsonl")
    try ledger.write(
      "ledger.jsonl", log.replacingOccurrences(of: #""name":"A""#, with: #""name":"B""#))
    #expect(ledger.text("ledger.jsonl") != log)
    #expect(ReplayCache.current(ledger.folder, withValidator: true) == nil)
    return cache
  }

  @Test("an append through a current cache that fails writing removes the cache", arguments: 1...9)
  func failedCachedAppendRemovesCache(point: Int) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).exitCode == 0)
    #expect(ReplayCache.current(ledger.folder, withValidator: true) != nil)
    // The cache serves the append's checks; on a full disk its room is the lines' next time.
    Self.failAppend(to: ledger, at: point)
    #expect(!ledger.folder.hasFile(ReplayCache.fileName))
    #expect(!ledger.folder.hasFile(ReplayCache.validatorFileName))
    #expect(ledger.text("ledger.jsonl") == FaultInjectionTests.registered)
    // And the user is told why it is gone.
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).exitCode == 0)
    let record = CLI.run(
      ["record", "component.adopted", "service=a", "component=c", "on=2015-01-02"],
      ledger: ledger.path, environment: ["LEDGER_TEST_FAULT": "fail:1"])
    #expect(record.exitCode == 1)
    #expect(
      record.stderr.contains("nothing was written\n(the replay cache was removed, to make room"),
      "\(record.stderr)")
    #expect(!ledger.folder.hasFile(ReplayCache.fileName))
  }

  @Test("a cache that cannot be saved takes the stale one it was to replace with it")
  func unsavedCacheTakesStaleOne() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    let cache = try Self.staleCache(ledger)
    // As a view's replay would save the cache it rebuilt, with no room to keep it.
    cache.save(to: ledger.folder, keepingFree: Int.max)
    #expect(!ledger.folder.hasFile(ReplayCache.fileName))
    #expect(!ledger.folder.hasFile(ReplayCache.validatorFileName))
  }

  @Test(
    "an append that streams past a stale cache removes it before its first write",
    arguments: 1...9)
  func streamedAppendRemovesStaleCacheFirst(point: Int) throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    try Self.staleCache(ledger)
    let log = ledger.text("ledger.jsonl")
    Self.failAppend(to: ledger, at: point)
    #expect(!ledger.folder.hasFile(ReplayCache.fileName))
    #expect(!ledger.folder.hasFile(ReplayCache.validatorFileName))
    #expect(ledger.text("ledger.jsonl") == log)
  }

  @Test("a record killed at its first write has already freed a stale cache's room")
  func killedRecordFreedStaleCache() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    try Self.staleCache(ledger)
    let log = ledger.text("ledger.jsonl")
    let killed = Spawn.run(
      ["record", "component.adopted", "service=a", "component=c", "on=2015-01-02"],
      environment: [
        "LEDGER_DIR": ledger.path, "LEDGER_ACTOR": "p-1", "LEDGER_TEST_FAULT": "kill:1",
        "LEDGER_NOW": "2015-02-01T00:00:00Z",
      ])
    #expect(killed.status != 0, "the writer should have been killed at its first write")
    #expect(!ledger.folder.hasFile(ReplayCache.fileName))
    #expect(!ledger.folder.hasFile(ReplayCache.validatorFileName))
    // Killed halfway through its line: the log is as it was but for that torn line, which
    // `ledger repair` moves aside; the next record then writes its line and saves a cache.
    #expect(ledger.text("ledger.jsonl").hasPrefix(log))
    #expect(CLI.run(["repair"], ledger: ledger.path).exitCode == 0)
    #expect(ledger.text("ledger.jsonl") == log)
    let record = CLI.run(
      ["record", "component.adopted", "service=a", "component=c", "on=2015-01-02"],
      ledger: ledger.path)
    #expect(record.exitCode == 0, "\(record.stderr)")
    #expect(ReplayCache.current(ledger.folder, withValidator: true) != nil)
  }
}

/// The cache's temporary files are made anew, never written through a link planted under
/// their names.
@Suite("Replay cache temporary files")
struct CacheTemporaryFileTests {
  @Test("a link planted where the cache writes its temporary files is not written through")
  func plantedLinks() throws {
    let ledger = try FullDiskCacheTests.registrations(20)
    defer { ledger.remove() }
    let victim = ledger.path + "-victim"
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
    defer { unlink(victim) }
    // The names a write from this process uses (the tests run in process).
    for name in [ReplayCache.fileName, ReplayCache.validatorFileName] {
      #expect(symlink(victim, ledger.path + "/\(name).tmp-\(getpid())") == 0)
    }
    let view = CLI.run(["services", "--format", "csv"], ledger: ledger.path)
    #expect(view.exitCode == 0, "\(view.stderr)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    for name in [ReplayCache.fileName, ReplayCache.validatorFileName] {
      let kind = try FileManager.default.attributesOfItem(atPath: ledger.path + "/" + name)[.type]
      #expect(kind as? FileAttributeType == .typeRegular, "\(name)")
    }
    #expect(
      try FullDiskCacheTests.names(ledger)
        == FullDiskCacheTests.names(ledger).filter {
          !$0.contains(".tmp-")
        })
    ReplayCache.remove(from: ledger.folder)
    #expect(CLI.run(["services", "--format", "csv"], ledger: ledger.path).stdout == view.stdout)
  }
}
