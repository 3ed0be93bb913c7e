/// The command line was not understood (exit 64); the message says what was expected.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  /// The command whose help would explain it, if known.
  public var command: String?

  public init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  public var description: String {
    message + "\n" + "run `ledger help" + (command.map { " " + $0 } ?? "") + "` for usage"
  }
}
