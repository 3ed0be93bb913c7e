/// The data rules: every bad line of the log is an error finding.
public enum DataRules {
  /// The findings for `ledger`'s problems whose rule is in `rules` (default: all).
  public static func findings(_ ledger: Ledger, rules: Set<CheckRule> = Set(CheckRule.allCases))
    -> [Finding]
  {
    ledger.problems.filter { rules.contains(CheckRule($0.rule)) }.map(Finding.init)
  }
}
