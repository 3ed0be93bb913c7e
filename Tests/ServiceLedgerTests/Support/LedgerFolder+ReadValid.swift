@testable import ServiceLedger

extension LedgerFolder {
  /// Reads the whole log, requiring every line to be valid: what a test expects of a ledger it
  /// wrote itself.
  /// - Throws: `LedgerError.invalidLog` listing the problems.
  func readValid() throws(LedgerError) -> Ledger {
    let ledger = try read()
    guard ledger.problems.isEmpty else {
      throw LedgerError.invalidLog(folder: path, problems: ledger.problems)
    }
    return ledger
  }
}
