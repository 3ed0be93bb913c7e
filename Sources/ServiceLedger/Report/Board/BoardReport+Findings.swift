extension BoardReport {
  /// The findings of one rule.
  public struct FindingGroup: Sendable, Equatable {
    public var rule: String
    public var severity: Finding.Severity
    public var findings: [Finding]
  }

  /// The current standard findings by rule, errors first, then in the rules' catalogue order.
  public var findingGroups: [FindingGroup] {
    var groups: [FindingGroup] = []
    for finding in current.findings {
      if let index = groups.firstIndex(where: { $0.rule == finding.rule }) {
        groups[index].findings.append(finding)
      } else {
        groups.append(
          FindingGroup(rule: finding.rule, severity: finding.severity, findings: [finding]))
      }
    }
    func order(_ group: FindingGroup) -> (Int, Int) {
      let rank = CheckRule.allCases.firstIndex { $0.rawValue == group.rule } ?? Int.max
      return (group.severity == .error ? 0 : 1, rank)
    }
    return groups.sorted { order($0) < order($1) }
  }

  /// What a finding says is wrong, without the standard's citation and the command that fixes
  /// it: its message up to the first `: ` outside parentheses and quotes (the whole message
  /// when there is none).
  public static func headline(of finding: Finding) -> String {
    let message = finding.message
    var depth = 0
    var quoted = false
    var index = message.startIndex
    while index < message.endIndex {
      let character = message[index]
      switch character {
      case "(": depth += 1
      case ")": depth = max(depth - 1, 0)
      case "\u{201C}": quoted = true
      case "\u{201D}": quoted = false
      case ":":
        let next = message.index(after: index)
        if depth == 0, !quoted, next < message.endIndex, message[next] == " " {
          return String(message[..<index])
        }
      default: break
      }
      index = message.index(after: index)
    }
    return message
  }
}
