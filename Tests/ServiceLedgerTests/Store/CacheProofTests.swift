import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#endif

/// The replay cache answers only for a log proven unchanged: a same-length edit with the
/// modification time restored, a file replaced by an edited copy of the same size and time,
/// an edit followed by an append, are all seen, right after the cache was written and once
/// its keys have settled.
@Suite("The cache proves the log unchanged")
struct CacheProofTests {
  static let lines = [
    #"{"id":"00000000-0000-4000-8000-000000000001","at":"2015-01-01T00:00:00Z","by":"p-1","type":"service.registered","data":{"service":"aaa","name":"Alpha","organisation":"OPG"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000002","at":"2015-01-01T00:00:01Z","by":"p-1","type":"service.registered","data":{"service":"bbb","name":"Bravo","organisation":"OPG"}}"#,
    #"{"id":"00000000-0000-4000-8000-000000000003","at":"2015-01-01T00:00:02Z","by":"p-1","type":"volume.reported","data":{"service":"bbb","from":"2014-01-01","to":"2014-12-31","total":200000,"digital":1000}}"#,
  ]

  /// The edits: each keeps the file's length, renames service `aaa` to `ccc` (and `Alpha` to
  /// `Charl`) and gives the file back its modification time.
  enum Edit: String, CaseIterable, CustomTestStringConvertible {
    case inPlace = "same-length edit, time restored"
    case replacedByCopy = "replaced by an edited copy of the same size and time"
    case editThenAppend = "edit, then an append"
    var testDescription: String { rawValue }
  }

  static func edit(_ edit: Edit, _ ledger: TemporaryLedger) throws {
    let path = ledger.path + "/ledger.jsonl"
    var status = stat()
    #expect(stat(path, &status) == 0)
    let times = [status.st_atim, status.st_mtim]
    let edited = ledger.text("ledger.jsonl").replacingOccurrences(of: "\"aaa\"", with: "\"ccc\"")
      .replacingOccurrences(of: "Alpha", with: "Charl")
    switch edit {
    case .inPlace:
      let handle = try #require(FileHandle(forWritingAtPath: path))
      try handle.write(contentsOf: Data(edited.utf8))
      try handle.close()
    case .replacedByCopy:
      try Data(edited.utf8).write(to: URL(fileURLWithPath: path + ".copy"))
      var copyTimes = times
      #expect(utimensat(AT_FDCWD, path + ".copy", &copyTimes, 0) == 0)
      #expect(rename(path + ".copy", path) == 0)
    case .editThenAppend:
      let handle = try #require(FileHandle(forWritingAtPath: path))
      try handle.write(contentsOf: Data(edited.utf8))
      try handle.write(
        contentsOf: Data(
          (#"{"id":"00000000-0000-4000-8000-000000000004","at":"2015-01-01T00:00:03Z","by":"p-1","type":"component.adopted","data":{"service":"bbb","component":"pay","on":"2014-01-01"}}"#
            + "\n").utf8))
      try handle.close()
    }
    if edit != .editThenAppend {
      var restored = times
      #expect(utimensat(AT_FDCWD, path, &restored, 0) == 0)
    }
  }

  /// A ledger whose cache is written (and, when `settled`, whose files were last changed
  /// over a second before).
  static func cached(settled: Bool) throws -> TemporaryLedger {
    let ledger = try TemporaryLedger(
      files: ["ledger.jsonl": Self.lines.joined(separator: "\n") + "\n"])
    if settled { Thread.sleep(forTimeInterval: 1.1) }
    let before = CLI.run(view, ledger: ledger.path)
    #expect(before.stdout.contains("\"aaa\""))
    let cache = try #require(ReplayCache.load(ledger.folder, withValidator: false))
    #expect(cache.files.allSatisfy { $0.settled == settled })
    return ledger
  }

  static let view = ["services", "--format", "json", "--as-of", "2015-06-01"]

  static func check(_ edit: Edit, settled: Bool) throws {
    let ledger = try cached(settled: settled)
    defer { ledger.remove() }
    try Self.edit(edit, ledger)
    let warm = CLI.run(view, ledger: ledger.path)
    ReplayCache.remove(from: ledger.folder)
    let cold = CLI.run(view, ledger: ledger.path)
    #expect(warm.stdout == cold.stdout)
    #expect(warm.stdout.contains("\"ccc\"") && !warm.stdout.contains("\"aaa\""))
    // `record` validates against the log as it is: `aaa` no longer exists.
    let other = try cached(settled: settled)
    defer { other.remove() }
    try Self.edit(edit, other)
    let recorded = CLI.run(
      ["record", "component.adopted", "service=aaa", "component=x", "on=2015-01-01"],
      ledger: other.path)
    #expect(recorded.exitCode == 1)
    #expect(recorded.stderr.contains("aaa is not registered"), "\(recorded.stderr)")
  }

  @Test("right after the cache was written", arguments: Edit.allCases)
  func racy(_ edit: Edit) throws { try Self.check(edit, settled: false) }

  @Test("once the cache's keys have settled (status alone proves them)", arguments: Edit.allCases)
  func settled(_ edit: Edit) throws { try Self.check(edit, settled: true) }

  @Test("a hash carried on over appended bytes equals the hash of the whole")
  func carriedHash() {
    var random = SplitMix64(seed: 11)
    let bytes = (0..<1000).map { _ in UInt8(random.index(256)) }
    var whole = ContentHash()
    whole.update(bytes)
    for cut in [0, 1, 31, 32, 33, 500, 999, 1000] {
      var carried = ContentHash()
      carried.update(Array(bytes[..<cut]))
      carried.update(Array(bytes[cut...]))
      #expect(carried == whole, "cut at \(cut)")
    }
    var changed = bytes
    changed[700] ^= 1
    var other = ContentHash()
    other.update(changed)
    #expect(other != whole)
  }
}
