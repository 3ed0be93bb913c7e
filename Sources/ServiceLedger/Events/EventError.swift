/// Why an event's envelope or payload is not valid: the field concerned and what is wrong.
public struct EventError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The `ledger check` rule this error breaks: `invalid-value` (a type, key or value the
  /// catalogue does not allow), `unknown-reference` (a reference to something not yet
  /// defined) or `duplicate-id` (an id already in the ledger).
  public var rule: CheckRule
  /// The field, as a path such as `data.phase` or `id`; nil for the event as a whole.
  public var field: String?
  /// What is wrong and what would be accepted.
  public var message: String

  /// Creates an error about `field`.
  public init(_ rule: CheckRule = .invalidValue, field: String?, _ message: String) {
    self.rule = rule
    self.field = field
    self.message = message
  }

  /// The field as a message shows the user's text (`Format.userText`): an unknown key is
  /// theirs.
  public var description: String {
    field.map { "\(Format.userText($0)): \(message)" } ?? message
  }
}
