import ServiceLedger

/// The command line was not understood (exit 64); the message says what was expected.
struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  var message: String
  /// The command whose help would explain it, if known.
  var command: String?

  init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  var description: String {
    message + "\n" + "run `ledger help" + (command.map { " " + $0 } ?? "") + "` for usage"
  }
}
