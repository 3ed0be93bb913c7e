import Foundation
import Testing

@testable import ServiceLedger

/// A file changed by another program between two of its blocks: made shorter, it is an error
/// naming the file and saying what to do (it was read as ending where it was cut, with nothing
/// said); made longer, its new lines are read and it gets no cache key.
@Suite("FileCursor: a file changed between blocks")
struct FileCursorChangeTests {
  /// 1,000 lines of 50 bytes, read in 4 KiB blocks.
  static let text = (0..<1000).map { String(format: "%049d", $0) + "\n" }.joined()

  /// Reads the first block of `a.jsonl` holding `text`, calls `change` with the bytes read so
  /// far, then reads on.
  /// - Returns: the lines read after the change, or the error that stopped the reading.
  static func readChanged(_ change: (TemporaryLedger, Int) throws -> Void) throws -> Result<
    (lines: Int, key: ReplayCache.FileKey?), LedgerError
  > {
    let ledger = try TemporaryLedger(files: ["a.jsonl": text])
    defer { ledger.remove() }
    let cursor = try FileCursor(path: ledger.path + "/a.jsonl", name: "a.jsonl", blockSize: 4096)
    let first = try #require(try cursor.nextBlock())
    try change(ledger, first.count)
    return Result { () throws(LedgerError) in
      while try cursor.nextBlock() != nil {}
      return (cursor.nextLine - 1, cursor.key(lineCount: cursor.nextLine - 1, lastAt: nil))
    }
  }

  @Test(
    "cut short after the first block, to nothing, mid-line, or at a line's end, it is an error",
    arguments: [0, 100, 4096 + 25, 25_000])
  func shortened(length: Int) throws {
    let result = try Self.readChanged { ledger, _ in
      #expect(truncate(ledger.path + "/a.jsonl", off_t(length)) == 0)
    }
    guard case .failure(let error) = result else {
      Issue.record("cut to \(length) bytes mid-read, the file was read to its end with no error")
      return
    }
    #expect(error.description.contains("/a.jsonl: was made shorter while it was being read"))
    #expect(error.description.contains("it had 50000 bytes"), "\(error)")
    #expect(
      error.description.contains("run the command again once nothing else is writing"),
      "\(error)")
  }

  @Test("made longer after the first block, its new lines are read, with no cache key")
  func grown() throws {
    let result = try Self.readChanged { ledger, _ in
      let handle = try #require(FileHandle(forWritingAtPath: ledger.path + "/a.jsonl"))
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(Self.text.utf8))
    }
    let read = try result.get()
    #expect(read.lines == 2000)
    #expect(read.key == nil)
  }

  @Test("unchanged, it is read whole and has its key")
  func unchanged() throws {
    let read = try Self.readChanged { _, _ in }.get()
    #expect(read.lines == 1000)
    #expect(read.key?.size == 50_000)
  }
}

/// A file swapped, after the folder was listed and before it was read, for a link to another
/// log file or for another file: an error naming it, not the other file's lines read again
/// under its name (they showed up as `duplicate-id` errors).
@Suite("FileCursor: a file swapped after the folder was listed")
struct FileCursorSwapTests {
  @Test(
    "for a link to another log file, or another file renamed over it", arguments: [true, false])
  func swapped(link: Bool) throws {
    let other = (0..<200).map { "b" + String(format: "%048d", $0) + "\n" }.joined()
    let ledger = try TemporaryLedger(files: [
      "a.jsonl": FileCursorChangeTests.text, "b.jsonl": other,
    ])
    defer { ledger.remove() }
    let cursors = try FileCursor.log(of: ledger.folder, blockSize: 4096)
    #expect(cursors.map(\.name) == ["a.jsonl", "b.jsonl"])
    let b = ledger.path + "/b.jsonl"
    if link {
      #expect(unlink(b) == 0)
      #expect(symlink("a.jsonl", b) == 0)
    } else {
      try ledger.write("b.tmp", other)
      #expect(rename(ledger.path + "/b.tmp", b) == 0)
    }
    while try cursors[0].nextBlock() != nil {}
    #expect(cursors[0].nextLine == 1001)
    let read = Result { () throws(LedgerError) in try cursors[1].nextBlock()?.firstLine }
    guard case .failure(let error) = read else {
      Issue.record("b.jsonl was swapped after the listing, and was read with no error")
      return
    }
    #expect(error.description.hasPrefix(b + ": was replaced while it was being read"), "\(error)")
    #expect(error.description.contains("since the folder was listed"), "\(error)")
    #expect(
      error.description.contains("run the command again once nothing else is writing"),
      "\(error)")
  }

  @Test("a link listed as it is, to a file outside the folder, is read")
  func linkListed() throws {
    let outside = try TemporaryLedger(files: ["x.jsonl": "line\n"])
    defer { outside.remove() }
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    #expect(symlink(outside.path + "/x.jsonl", ledger.path + "/b.jsonl") == 0)
    let cursors = try FileCursor.log(of: ledger.folder, blockSize: 4096)
    #expect(cursors.map(\.name) == ["b.jsonl"])
    #expect(try cursors.first?.nextBlock()?.count == 5)
  }
}
