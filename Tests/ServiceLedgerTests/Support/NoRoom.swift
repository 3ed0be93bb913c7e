import Foundation

/// Runs the built binary under a file size limit (`ulimit -f`), which fails a write past it as a
/// full disk does and needs no small file system; the process ignores SIGXFSZ, so that the
/// write fails instead of killing it.
enum NoRoom {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `arguments` with files limited to `blocks` of the shell's blocks (512 bytes for
  /// dash, 1,024 for bash).
  /// - Returns: the exit status and what the process printed.
  static func run(_ arguments: [String], blocks: Int) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments =
      ["-c", #"ulimit -f \#(blocks); trap "" XFSZ; exec "$0" "$@""#, Spawn.binary] + arguments
    process.environment = ["LEDGER_ACTOR": "p-1", "LEDGER_NOW": "2015-04-01T09:00:00Z"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Stdout read to the end first (a view's output may pass a pipe's buffer), then the few
    // lines of stderr.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
