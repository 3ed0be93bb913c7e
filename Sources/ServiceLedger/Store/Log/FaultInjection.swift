import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A test hook that makes an append fail, or the process die, at its Nth write or `fsync`.
///
/// Set by `LEDGER_TEST_FAULT=fail:N` or `kill:N` (see `CommandContext.writer(for:)`): the
/// writer counts the points where it writes or syncs (the journal, each file, the folder) and
/// at the Nth one a write puts down only the first half of its bytes, then the append fails as
/// a full disk would (`fail`) or the process is killed with SIGKILL (`kill`). `ledger init`
/// counts each folder it makes and its file. Without the variable the writer holds no injector
/// and each point costs one nil check.
public final class FaultInjection: @unchecked Sendable {
  /// What happens at the chosen point.
  public enum Action: String, Sendable {
    /// The call fails with `ENOSPC`.
    case fail
    /// The process is killed with SIGKILL.
    case kill
  }

  public let action: Action
  /// The 1-based point at which it happens.
  public let point: Int
  private var reached = 0
  private let lock = NSLock()

  public init(action: Action, point: Int) {
    self.action = action
    self.point = point
  }

  /// Reads `fail:N` or `kill:N`; nil for anything else.
  public convenience init?(_ text: String) {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let action = Action(rawValue: String(parts[0])),
      let point = Int(parts[1]), point > 0
    else { return nil }
    self.init(action: action, point: point)
  }

  /// How many points were reached so far.
  public var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return reached
  }

  /// Counts one point; true when the fault is due here.
  func isDue() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    reached += 1
    return reached == point
  }

  /// Fails (as `ENOSPC` on `path`) or kills the process.
  func strike(_ path: String) -> LedgerError {
    if action == .kill { kill(getpid(), SIGKILL) }
    return LedgerError.io(path: path, reason: FileIO.reason(ENOSPC, path))
  }
}

extension FaultInjection? {
  /// A write of `bytes` to `descriptor`, or half of it and then the fault when it is due.
  func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(LedgerError) {
    if let injection = self, injection.isDue() {
      try FileIO.writeAll(Array(bytes.prefix(bytes.count / 2)), to: descriptor, path: path)
      throw injection.strike(path)
    }
    try FileIO.writeAll(bytes, to: descriptor, path: path)
  }

  /// An `fsync` of `descriptor`, or the fault instead when it is due.
  func sync(_ descriptor: Int32, path: String) throws(LedgerError) {
    if let injection = self, injection.isDue() { throw injection.strike(path) }
    guard fsync(descriptor) == 0 else { throw FileIO.error(path) }
  }

  /// A call that fails with an `errno` (`mkdir`, creating a file): `ENOSPC` when the fault is
  /// due here (or the process is killed), else nil, and the call is made.
  func code() -> Int32? {
    guard let injection = self, injection.isDue() else { return nil }
    if injection.action == .kill { kill(getpid(), SIGKILL) }
    return ENOSPC
  }

  /// A point that is neither (removing the journal): the fault instead when it is due.
  func step(_ path: String) throws(LedgerError) {
    if let injection = self, injection.isDue() { throw injection.strike(path) }
  }
}
