/// One result of `ledger check`: a rule broken, where, and what would satisfy it.
public struct Finding: Sendable, Equatable {
  /// `error` fails the run; `warning` does not.
  public enum Severity: String, Sendable, Comparable, CaseIterable {
    case warning, error
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  /// The rule id (`malformed`, `service-manager`, ...).
  public var rule: String
  public var severity: Severity
  /// The service concerned, if any.
  public var service: ServiceID?
  /// What is wrong and what to do.
  public var message: String
  /// The file (name inside the ledger folder) and line of the event concerned, if any.
  public var file: String?
  public var line: Int?
  /// The column, for JSON syntax errors.
  public var column: Int?

  public init(
    rule: String, severity: Severity, service: ServiceID? = nil, message: String,
    file: String? = nil, line: Int? = nil, column: Int? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.service = service
    self.message = message
    self.file = file
    self.line = line
    self.column = column
  }

  /// A finding of `rule`, with that rule's severity, about the event recorded at `location`.
  public init(
    _ rule: CheckRule, service: ServiceID? = nil, message: String, at location: EventLocation?
  ) {
    self.init(
      rule: rule.rawValue, severity: rule.severity, service: service, message: message,
      file: location?.file, line: location?.line)
  }

  /// The data-rule finding for a bad line of the log (always an error).
  public init(_ problem: LedgerProblem) {
    self.init(
      rule: problem.rule.rawValue, severity: .error, service: problem.service,
      message: problem.message, file: problem.file, line: problem.line, column: problem.column)
  }
}
