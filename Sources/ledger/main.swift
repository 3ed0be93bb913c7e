import Foundation
import ServiceLedger

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The thin shell: wire the real world into the library and exit with its code.
var context = CommandContext(
  environment: ProcessInfo.processInfo.environment,
  clock: {
    let now = Date().timeIntervalSince1970
    return Timestamp(seconds: Int(now.rounded(.down)))
  },
  makeID: { EventID(unchecked: UUID().uuidString.lowercased()) },
  readInput: {
    try BoundedInput.read(0, source: "stdin", lineLimit: LogFileReader.maximumLineLength)
  },
  write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
  writeError: { text in FileHandle.standardError.write(Data(text.utf8)) }
)
// Tables fit a terminal's width; piped or redirected, they are printed full width.
if isatty(STDOUT_FILENO) == 1 {
  var size = winsize()
  let reported = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
  context.terminal = OutputTerminal(columns: reported ? Int(size.ws_col) : nil)
}
exit(LedgerCLI.run(Array(CommandLine.arguments.dropFirst()), context: context))
