import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `--out` write killed before its rename leaves `.NAME.tmp-PID-TOKEN` beside NAME; the next
/// write into that folder removes it once its process is gone.
@Suite("Leftovers of --out")
struct OutputLeftoverTests {
  /// A process id no process has: above any system's limit (Linux allows at most 2^22).
  static let gone = pid_t.max

  @Test("the temporary names of a write are told from every other name")
  func names() {
    #expect(OutputFile.leftoverProcess(".r.md.tmp-4242-1f0e9a3b") == 4242)
    #expect(OutputFile.leftoverProcess(".r-2015-Q1.md.tmp-7-00000000") == 7)
    for name in [
      "r.md.tmp-4242-1f0e9a3b", ".r.md.tmp-4242", ".r.md.tmp-4242-1F0E9A3B",
      ".r.md.tmp-4242-1f0e9a3", ".r.md.tmp--1f0e9a3b", ".r.md.tmp-+42-1f0e9a3b",
      ".tmp-4242-1f0e9a3b", ".r.md.tmp-0-1f0e9a3b", ".r.md.tmp-99999999999-1f0e9a3b",
      ".r.md.site-new-4242-1f0e9a3b", ".ledger-cache.tmp-4242",
    ] {
      #expect(OutputFile.leftoverProcess(name) == nil, "\(name)")
    }
  }

  @Test("a report written with --out removes the leftovers of processes that are gone, only")
  func removed() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let out = ledger.path + "-out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let dead = ".r.md.tmp-\(Self.gone)-1f0e9a3b"
    let deadOther = ".other.html.tmp-\(Self.gone)-00c0ffee"
    let live = ".r.md.tmp-\(getpid())-1f0e9a3b"
    let kept = [
      live, "r.md.tmp-\(Self.gone)-1f0e9a3b", ".r.md.tmp-\(Self.gone)-notahex0",
      ".r.md.tmp-\(Self.gone)", "notes.md",
    ]
    for name in [dead, deadOther] + kept {
      try Data("partial".utf8).write(to: URL(fileURLWithPath: out + "/" + name))
    }
    // A folder by a leftover's name is not a file this tool wrote: left alone.
    let folder = ".f.md.tmp-\(Self.gone)-1f0e9a3b"
    try FileManager.default.createDirectory(
      atPath: out + "/" + folder, withIntermediateDirectories: false)
    let run = CLI.run(
      ["report", "--quarter", "2015-Q1", "--out", out + "/r.md"], ledger: ledger.path)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let names = try Set(FileManager.default.contentsOfDirectory(atPath: out))
    #expect(names == Set(kept + [folder, "r.md"]))
    #expect(try String(contentsOfFile: out + "/" + live, encoding: .utf8) == "partial")
  }
}
