import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A cache file larger than the log can explain is refused before it is read, not held whole.
@Suite("Replay cache size limit")
struct CacheSizeLimitTests {
  /// Writes `count` bytes as the hashed file `name` of `ledger`, as the cache writes its files.
  static func writeHashed(_ ledger: TemporaryLedger, _ name: String, count: Int) throws {
    let written = StreamedFile.write(to: ledger.folder.path(of: name), hashed: true) { out in
      out.append([UInt8](repeating: 7, count: count))
    }
    try #require(written)
  }

  @Test("a hashed file over 1 MiB and four times the log is refused; one at the limit is read")
  func limit() throws {
    let ledger = try DecodingPathTests.generated(services: 2, events: 40)
    defer { ledger.remove() }
    let logBytes = try ledger.folder.fileNames().map { ledger.bytes($0).count }.reduce(0, +)
    let limit = try #require(ReplayCache.sizeLimit(of: ledger.folder))
    #expect(limit == (1 << 20) + 4 * logBytes)
    let name = ReplayCache.validatorFileName
    let digest = ContentHash.digestSize
    // Its bytes hash right: only its size can make the reader refuse it.
    try Self.writeHashed(ledger, name, count: limit - digest)
    #expect(ReplayCache.hashedContents(ledger.folder, name)?.count == limit - digest)
    try Self.writeHashed(ledger, name, count: limit - digest + 1)
    #expect(ReplayCache.hashedContents(ledger.folder, name)?.count == nil)
    // A larger log allows a larger file.
    try ledger.write("zz.jsonl", "\n")
    #expect(ReplayCache.hashedContents(ledger.folder, name)?.count == limit - digest + 1)
  }

  @Test("a sparse gigabyte cache file: the view gives the cold output and the cache is rewritten")
  func sparseCache() throws {
    let ledger = try DecodingPathTests.generated(services: 3, events: 200)
    defer { ledger.remove() }
    let now = "2026-02-01T00:00:00Z"
    let view = ["priorities", "--format", "json"]
    let cold = CLI.run(view, ledger: ledger.path, now: now)
    #expect(cold.exitCode == 0)
    for name in [ReplayCache.fileName, ReplayCache.validatorFileName] {
      // Holes only: no disk space, but a whole read would take a gigabyte of memory.
      #expect(truncate(ledger.folder.path(of: name), 1 << 30) == 0)
    }
    #expect(ReplayCache.load(ledger.folder, withValidator: true) == nil)
    let warm = CLI.run(view, ledger: ledger.path, now: now)
    #expect(warm.stdout == cold.stdout)
    #expect(warm.stderr.isEmpty)
    let rewritten = ledger.bytes(ReplayCache.fileName).count
    #expect(rewritten > 0 && rewritten < 1 << 20)
    #expect(ReplayCache.load(ledger.folder, withValidator: true) != nil)
  }
}
