import ServiceLedger

/// One `--option` a command accepts.
struct OptionSpec: Sendable, Equatable {
  /// Without dashes: `ledger`, `as-of`.
  let name: String
  /// The value's placeholder (`DIR`), or nil for a flag that takes no value.
  let value: String?
  /// One line of help.
  let help: String
  /// Whether it may be given more than once.
  let isRepeatable: Bool

  init(_ name: String, value: String?, help: String, isRepeatable: Bool = false) {
    self.name = name
    self.value = value
    self.help = help
    self.isRepeatable = isRepeatable
  }

  static let ledger = OptionSpec(
    "ledger", value: "DIR", help: "the ledger folder (default: $LEDGER_DIR, else ./events)")
  static let asOf = OptionSpec(
    "as-of", value: "DATE", help: "valid time: the state on this date (default: today)")
  static let knownAt = OptionSpec(
    "known-at", value: "TIMESTAMP",
    help: "knowledge time: ignore events recorded after this (RFC 3339, or a date)")
  static let file = OptionSpec(
    "file", value: "NAME.jsonl", help: "the file in the ledger to append to (default: ledger.jsonl)"
  )
  static let by = OptionSpec(
    "by", value: "ACTOR", help: "who records it (default: $LEDGER_ACTOR, else $USER)")

  /// `--format` with the formats a command supports; the first is the default.
  static func format(_ formats: [String]) -> OptionSpec {
    OptionSpec(
      "format", value: "FORMAT",
      help: formats.joined(separator: "|") + " (default: \(formats.first ?? ""))")
  }
}
