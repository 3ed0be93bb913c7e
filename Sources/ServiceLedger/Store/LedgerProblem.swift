/// Something wrong with a line of the log: the data rules of `ledger check`.
public struct LedgerProblem: Sendable, Equatable, CustomStringConvertible {
  /// The data rule broken; the raw value is the `ledger check` rule id.
  public enum Rule: String, Sendable, CaseIterable {
    case malformed
    case tornLine = "torn-line"
    case duplicateID = "duplicate-id"
    case unknownReference = "unknown-reference"
    case invalidValue = "invalid-value"
    case timeOrder = "time-order"

    init(_ kind: EventError.Kind) {
      switch kind {
      case .invalidValue: self = .invalidValue
      case .unknownReference: self = .unknownReference
      case .duplicateID: self = .duplicateID
      }
    }
  }

  public var rule: Rule
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
    rule: Rule, file: String, line: Int, column: Int? = nil, service: ServiceID? = nil,
    message: String
  ) {
    self.rule = rule
    self.file = file
    self.line = line
    self.column = column
    self.service = service
    self.message = message
  }

  /// `file:line[:column]: message`.
  public var description: String {
    "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(message)"
  }
}
