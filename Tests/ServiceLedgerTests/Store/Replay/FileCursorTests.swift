import Foundation
import Testing

@testable import ServiceLedger

/// A file read block by block: a line far longer than a block is gathered in reads that grow
/// with it, so a huge line costs time and memory in proportion to its length (it was
/// quadratic: every block copied and searched the whole line again, one nested call per
/// block, each holding its copy: a 60 MB line took over 2 minutes and 8 GB).
@Suite("FileCursor: long lines")
struct FileCursorTests {
  @Test("a line 2,000 blocks long, then a short one", .timeLimit(.minutes(5)))
  func longLine() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    let long = String(repeating: "x", count: 2000 * 4096) + "\n"
    try ledger.write("a.jsonl", "first\n" + long + "last\n" + "torn")
    let cursor = try FileCursor(
      path: ledger.path + "/a.jsonl", name: "a.jsonl", blockSize: 4096)
    var lines: [Int] = []
    var firstLines: [Int] = []
    while let block = try cursor.nextBlock() {
      firstLines.append(block.firstLine)
      var start = 0
      for index in 0..<block.count where block.buffer[index] == UInt8(ascii: "\n") {
        lines.append(index - start)
        start = index + 1
      }
    }
    #expect(lines == [5, 2000 * 4096, 4])
    #expect(firstLines.first == 1)
    #expect(cursor.torn?.line == 4)
  }
}
