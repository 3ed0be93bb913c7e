import ServiceLedger

extension CheckRule {
  /// The rules to run: all of `only` (every rule when empty) except those in `ignoring`.
  /// - Throws: `UsageError` naming an unknown id and listing the known ones.
  static func selection(only: [String], ignoring: [String]) throws(UsageError)
    -> [CheckRule]
  {
    func rules(_ ids: [String], option: String) throws(UsageError) -> Set<CheckRule> {
      var rules: Set<CheckRule> = []
      for id in ids {
        guard let rule = CheckRule(rawValue: id) else {
          throw UsageError(
            "\(option) \(id) is not a rule; the rules are \(CheckRule.ids)", command: "check")
        }
        rules.insert(rule)
      }
      return rules
    }
    let selected = only.isEmpty ? Set(allCases) : try rules(only, option: "--rule")
    let ignored = try rules(ignoring, option: "--ignore")
    return allCases.filter { selected.contains($0) && !ignored.contains($0) }
  }
}
