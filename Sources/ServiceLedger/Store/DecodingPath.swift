/// How the log's lines are turned into events. Every path gives the same events and the same
/// problems; they differ only in speed.
public enum DecodingPath: String, Sendable, CaseIterable {
  /// `FastLineDecoder` for the usual shape of line, the full parser for the rest.
  case fast
  /// The strict JSON parser and `EnvelopeDecoder` for every line: the reference.
  case standard
  /// Foundation's `JSONDecoder` into a JSON tree, then `EnvelopeDecoder`: the baseline the
  /// benchmark compares with.
  case foundation
}
