/// Why an import file could not be read; nothing was written.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// 1-based line, 0 for the file as a whole.
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// The file as a message shows the user's text (`Format.userText`), then the message.
  public var description: String {
    let file = Format.userText(file)
    return (line > 0 ? "\(file):\(line): " : "\(file): ") + message + "\nnothing was imported"
  }
}
