/// How the log's lines are turned into events. `fast` and `standard` give the same events and
/// the same problems (the tests hold them to it, hostile lines included); they differ only in
/// speed. `foundation` is the benchmark's baseline only: it does not agree (see there).
public enum DecodingPath: String, Sendable, CaseIterable {
  /// `FastLineDecoder` for the usual shape of line, the full parser for the rest.
  case fast
  /// The strict JSON parser and `EnvelopeDecoder` for every line: the reference.
  case standard
  /// Foundation's `JSONDecoder` into a JSON tree, then `EnvelopeDecoder`: the baseline the
  /// benchmark compares with, and nothing else. `JSONDecoder` keeps the last of duplicate keys
  /// and reads `5e1` as 50, so it accepts lines the log's rules refuse. It is chosen only by
  /// `LEDGER_DECODER=foundation` for the views; writers, `check` and `repair` always read with
  /// `fast`.
  case foundation
}
