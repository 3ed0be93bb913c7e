/// The data rules: every bad line of the log is an error finding.
public enum DataRules {
  /// The findings for `ledger`'s problems.
  public static func findings(_ ledger: Ledger) -> [Finding] {
    ledger.problems.map(Finding.init)
  }
}
