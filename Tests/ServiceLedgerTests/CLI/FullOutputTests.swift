import Foundation
import Testing

/// Output that cannot be written (a full disk behind `> file`; `/dev/full` stands for it) is
/// an error naming why, with exit status 1: never a crash.
@Suite("Output to a full disk (built binary)")
struct FullOutputTests {
  @Test(
    "a view whose standard output cannot be written says why and exits 1",
    .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func fullStandardOutput() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": HugeFiguresTests.lines[5] + "\n"])
    defer { ledger.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binary.path)
    process.arguments = ["services", "--ledger", ledger.path, "--as-of", "2015-01-01"]
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
    let err = Pipe()
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stderr = String(
      decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(
      stderr.contains("ledger: error: cannot write the output: No space left on device"),
      "\(stderr.prefix(300))")
    #expect(!stderr.contains("Fatal error"))
  }
}
