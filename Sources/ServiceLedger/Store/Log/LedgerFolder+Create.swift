extension LedgerFolder {
  /// Makes the folder an empty ledger (`ledger init`): the folder, any missing folders above
  /// it, and an empty `ledger.jsonl`, all or nothing.
  ///
  /// A disk that fills up, or runs out of inodes, between making the folder and its file would
  /// otherwise leave an empty folder that is not a ledger: the folders this made are removed
  /// again (only those, and only while empty; a folder that was there before is never touched).
  /// - Parameter faults: the test hook (`LEDGER_TEST_FAULT`): each folder made, then the
  ///   file, is a point where it fails as a full disk would.
  /// - Returns: false, and nothing changed, when the folder is a ledger already (it holds a
  ///   log file), also one another `ledger init` has just made.
  /// - Throws: `LedgerError.io` naming what could not be made and why, and that nothing was
  ///   created (or which empty folder could not be removed again).
  public func create(faults: FaultInjection? = nil) throws(LedgerError) -> Bool {
    if exists, try !fileNames().isEmpty { return false }
    var made: [String] = []
    do throws(LedgerError) {
      made = try FileIO.makeFolders(path, faults: faults)
      try FileIO.createEmpty(path(of: Self.defaultFile), faults: faults)
    } catch {
      // Another `ledger init` of the same folder made it since the look above.
      if let names = try? fileNames(), !names.isEmpty { return false }
      throw Self.nothingCreated(error, left: FileIO.removeFolders(made))
    }
    return true
  }

  /// `error` with what is left: nothing, or the empty folders that could not be removed.
  private static func nothingCreated(
    _ error: LedgerError, left: [(path: String, reason: String)]
  ) -> LedgerError {
    error.adding(
      left.isEmpty
        ? "nothing was created"
        : left.map { "\(Format.userText($0.path)) was made and could not be removed: \($0.reason)" }
          .joined(separator: "\n") + "; remove it by hand once there is room")
  }
}
