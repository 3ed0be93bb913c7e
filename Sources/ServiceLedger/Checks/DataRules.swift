/// The data rules: every bad line of the log is an error finding.
public enum DataRules {
  /// The findings for `problems` whose rule is in `rules`.
  static func findings(_ problems: [LedgerProblem], rules: Set<CheckRule>) -> [Finding] {
    problems.filter { rules.contains($0.rule) }.map(Finding.init)
  }
}
