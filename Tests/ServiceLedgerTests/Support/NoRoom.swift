import Foundation

/// Runs the built binary under a file size limit (`ulimit -f`), which fails a write past it as a
/// full disk does and needs no small file system. The binary itself ignores SIGXFSZ (nothing
/// here does it for it), so that the write fails with EFBIG instead of killing it.
enum NoRoom {
  /// Runs `arguments` with files limited to `blocks` of the shell's blocks (512 bytes for
  /// dash, 1,024 for bash).
  /// - Returns: the exit status and what the process printed.
  static func run(_ arguments: [String], blocks: Int) throws -> Binary.Result {
    try Binary.run(
      ["-c", #"ulimit -f \#(blocks); exec "$0" "$@""#, Spawn.binary] + arguments,
      environment: ["LEDGER_ACTOR": "p-1", "LEDGER_NOW": "2015-04-01T09:00:00Z"],
      executable: "/bin/sh")
  }
}
