/// The result of `ledger check`: every finding, ordered by file, line and rule.
public struct CheckReport: Sendable, Equatable {
  public var asOf: CivilDate
  public var findings: [Finding]

  public init(asOf: CivilDate, findings: [Finding]) {
    self.asOf = asOf
    self.findings = findings.sorted { lhs, rhs in
      let left = (lhs.file ?? "\u{10FFFF}", lhs.line ?? 0, lhs.rule, lhs.service?.rawValue ?? "")
      let right = (rhs.file ?? "\u{10FFFF}", rhs.line ?? 0, rhs.rule, rhs.service?.rawValue ?? "")
      return left < right
    }
  }

  public var errors: Int { findings.filter { $0.severity == .error }.count }
  public var warnings: Int { findings.filter { $0.severity == .warning }.count }

  /// The exact JSON of DESIGN.md section 6.
  public var json: JSONValue {
    .members([
      "asOf": .date(asOf), "errors": .integer(errors), "warnings": .integer(warnings),
      "findings": .array(
        findings.map { finding in
          .members([
            "rule": .string(finding.rule), "severity": .string(finding.severity.rawValue),
            "service": .string(finding.service?.rawValue), "message": .string(finding.message),
            "file": .string(finding.file), "line": .integer(finding.line),
          ])
        }),
    ])
  }

  /// One line per finding, `file:line: severity: rule: message`, then a summary line.
  /// - Parameter folder: the ledger folder's path, put before file names.
  public func renderText(folder: String, into out: inout some TextOutputStream) {
    for finding in findings {
      var place = finding.file.map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 } ?? folder
      if let line = finding.line { place += ":\(line)" }
      if let column = finding.column { place += ":\(column)" }
      out.write(
        "\(place): \(finding.severity.rawValue): \(finding.rule): "
          + Format.terminalSafe(finding.message) + "\n")
    }
    out.write(
      "\(folder): \(errors) error(s), \(warnings) warning(s) as of \(asOf)"
        + (errors == 0 ? "; ok" : "") + "\n")
  }
}
