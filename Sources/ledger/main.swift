import Foundation
import ServiceLedger

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// One malloc arena: the decoding threads otherwise each keep a heap of their own between
// blocks, which held 200 MB more of `ledger site`'s 540 MB on 1M events, for no measurable
// gain in speed. `mallopt` is glibc's, looked up by name (Swift's Glibc module leaves it out).
#if canImport(Glibc)
  if let mallopt = dlsym(nil, "mallopt") {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    let arenaMax: Int32 = -8  // M_ARENA_MAX
    _ = unsafeBitCast(mallopt, to: Mallopt.self)(arenaMax, 1)
  }
#endif

// A write past the file size limit (`ulimit -f`) fails with EFBIG, which the writer reports
// and undoes like a full disk, rather than killing the process mid-write with SIGXFSZ (an append
// cut off, a generated ledger half written).
signal(SIGXFSZ, SIG_IGN)

// The thin shell: wire the real world into the library and exit with its code.
var context = CommandContext(
  environment: ProcessInfo.processInfo.environment,
  clock: {
    // To the microsecond: stamps of two writers in one second replay in the order written.
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Timestamp(seconds: Int(now.tv_sec), nanoseconds: Int(now.tv_nsec) / 1_000 * 1_000)
  },
  makeID: { EventID(unchecked: UUID().uuidString.lowercased()) },
  readInput: {
    try BoundedInput.read(0, source: "stdin", lineLimit: LogFileReader.maximumLineLength)
  },
  write: StandardStreams.output,
  writeError: StandardStreams.error
)
// Tables fit a terminal's width; piped or redirected, they are printed full width.
if isatty(STDOUT_FILENO) == 1 {
  var size = winsize()
  let reported = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
  context.terminal = OutputTerminal(columns: reported ? Int(size.ws_col) : nil)
}
// Arguments must be UTF-8: Swift would quietly turn bad bytes into U+FFFD, so `record` would
// store text other than what was typed (as `append` refuses such input, so does every command).
for index in 1..<Int(CommandLine.argc) {
  guard let pointer = CommandLine.unsafeArgv[index], String(validatingCString: pointer) != nil
  else {
    context.writeError(
      "ledger: usage error: argument \(index) is not valid UTF-8; give it as UTF-8 text "
        + "(check the terminal's or the script's encoding); nothing was written\n")
    exit(64)
  }
}
exit(LedgerCLI.run(Array(CommandLine.arguments.dropFirst()), context: context))
