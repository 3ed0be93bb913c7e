/// Something wrong with a line of the log: the data rules of `ledger check`.
public struct LedgerProblem: Sendable, Equatable, CustomStringConvertible {
  /// The data rule broken (`malformed`, `torn-line`, `duplicate-id`, `unknown-reference`,
  /// `invalid-value` or `time-order`).
  public var rule: CheckRule
  /// File name inside the ledger folder.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, for JSON syntax errors.
  public var column: Int?
  /// The service concerned, when the line could be read far enough to know it.
  public var service: ServiceID?
  /// What is wrong and what to do.
  public var message: String

  public init(
    rule: CheckRule, file: String, line: Int, column: Int? = nil, service: ServiceID? = nil,
    message: String
  ) {
    self.rule = rule
    self.file = file
    self.line = line
    self.column = column
    self.service = service
    self.message = message
  }

  /// `file:line[:column]: message`: `ledger.jsonl:17:42: expected ',' or '}'`, the file's
  /// name as a message shows the user's text (`Format.userText`): any `*.jsonl` in the folder
  /// is read, whatever its name holds.
  public var description: String {
    "\(Format.userText(file)):\(line)\(column.map { ":\($0)" } ?? ""): \(message)"
  }
}
