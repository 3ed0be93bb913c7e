extension CommandContext {
  /// Reads the ledger named by the arguments for a view. Invalid lines do not stop a view:
  /// they are left out and a warning on stderr says how many and how to see them.
  /// - Throws: `LedgerError` when the folder cannot be read.
  public func readLedger(_ arguments: ParsedArguments) throws(LedgerError) -> Ledger {
    let folder = folder(arguments)
    let ledger = try folder.read()
    if !ledger.problems.isEmpty {
      writeError(
        "ledger: warning: \(ledger.problems.count) invalid line(s) in \(folder.path) left out, "
          + "first \(folder.path)/\(Format.terminalSafe(ledger.problems[0].description)); "
          + "run `ledger check` for all\n")
    }
    return ledger
  }

  /// `--format` for a view (`table`, `json`, `csv`, `markdown`).
  /// - Throws: `UsageError` for another format.
  public func viewFormat(_ arguments: ParsedArguments, command: String) throws(UsageError)
    -> ViewFormat
  {
    ViewFormat(rawValue: try format(arguments, ViewFormat.names, command: command)) ?? .table
  }
}
