import Foundation
import ServiceLedger

// The thin shell: wire the real world into the library and exit with its code.
let context = CommandContext(
  environment: ProcessInfo.processInfo.environment,
  clock: {
    let now = Date().timeIntervalSince1970
    return Timestamp(seconds: Int(now.rounded(.down)))
  },
  makeID: { EventID(unchecked: UUID().uuidString.lowercased()) },
  readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
  write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
  writeError: { text in FileHandle.standardError.write(Data(text.utf8)) }
)
exit(LedgerCLI.run(Array(CommandLine.arguments.dropFirst()), context: context))
