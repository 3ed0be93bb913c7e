/// Why an event's envelope or payload is not valid: the field concerned and what is wrong.
public struct EventError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of problem, matching the `ledger check` rule ids.
  public enum Kind: String, Sendable {
    /// A type, key or value the catalogue does not allow.
    case invalidValue = "invalid-value"
    /// A reference to a service, strategy, action, milestone, barrier or event not yet defined.
    case unknownReference = "unknown-reference"
    /// An id that is already in the ledger.
    case duplicateID = "duplicate-id"
  }

  /// The rule this error breaks.
  public var kind: Kind
  /// The field, as a path such as `data.phase` or `id`; nil for the event as a whole.
  public var field: String?
  /// What is wrong and what would be accepted.
  public var message: String

  /// Creates an error about `field`.
  public init(_ kind: Kind = .invalidValue, field: String?, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  public var description: String { field.map { "\($0): \(message)" } ?? message }
}
