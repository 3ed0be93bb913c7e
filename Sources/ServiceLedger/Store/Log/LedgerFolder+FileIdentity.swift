#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LedgerFolder.FileIdentity {
  /// What a reader says when it opens a file first: it must be the file the listing saw.
  static let sinceListed = "the folder was listed"

  /// Opens `path` for reading (a regular file, as `FileIO.openRegular`) and checks that it is
  /// still `expected`, the file its name led to before: when the folder was listed, or when
  /// its first lines were read (`since` says which). Every reader of a log file opens it so: a
  /// file renamed over it since (another log file, or a link to one, whose lines would be read
  /// twice) is an error, not a mix of two files.
  /// - Parameters:
  ///   - path: the file.
  ///   - expected: the file `path` must lead to; nil for any.
  ///   - since: when `expected` was seen, for the message.
  /// - Returns: the descriptor, which the caller closes, and the file's status.
  /// - Throws: `LedgerError.io` naming `path` when it cannot be opened, is not a regular file,
  ///   or is another file than `expected`.
  static func open(_ path: String, expecting expected: Self?, since: String = sinceListed)
    throws(LedgerError) -> (descriptor: Int32, status: stat)
  {
    let (descriptor, status) = try FileIO.openRegularFile(path)
    guard let expected, expected != Self(status) else { return (descriptor, status) }
    close(descriptor)
    throw LedgerError.io(
      path: path,
      reason: "was replaced while it was being read (another file, or a link to one, is in its "
        + "place since \(since)): run the command again once nothing else is writing to the "
        + "ledger")
  }
}
