/// The data rules: every bad line of the log is an error finding.
public enum DataRules {
  /// The findings for `ledger`'s problems whose rule is in `rules` (default: all).
  public static func findings(_ ledger: Ledger, rules: Set<CheckRule> = Set(CheckRule.allCases))
    -> [Finding]
  {
    findings(ledger.problems, rules: rules)
  }

  /// The findings for `problems` whose rule is in `rules`.
  static func findings(_ problems: [LedgerProblem], rules: Set<CheckRule>) -> [Finding] {
    problems.filter { rules.contains($0.rule) }.map(Finding.init)
  }
}
