extension CheckReport {
  /// One line per finding, `file:line: severity: rule: message`, then a summary line.
  /// - Parameters:
  ///   - folder: the ledger folder's path, put before file names.
  ///   - out: where the lines are written.
  public func renderText(folder: String, into out: inout some TextOutputStream) {
    for finding in findings {
      out.write(
        "\(CheckReport.place(of: finding, folder: folder)): \(finding.severity.rawValue): "
          + "\(finding.rule): " + Format.terminalSafe(finding.message) + "\n")
    }
    out.write(summary(folder: folder) + "\n")
  }
}
