/// How the writer stamps `at`, the knowledge time, so that it never lies.
///
/// The rule: every new event's `at` is later than every `at` already in the ledger, and later
/// than the one before it in the same append, so `at` is strictly increasing in replay order
/// across the whole ledger from the first stamped event on. Lines written before this rule
/// (whole seconds, many sharing one, like `events/`) stay valid and read as before; the rule
/// binds what is appended.
///
/// - An event left to the tool (`Timestamp.unstamped`) is stamped under the folder's lock with
///   the clock to the microsecond, or one microsecond after the latest `at` when the clock is
///   not past it (a fixed `LEDGER_NOW`, a clock set back): events of one batch get distinct,
///   increasing stamps in input order.
/// - A supplied `at` must be later than the latest and at most `tolerance` after the clock.
/// - `history`: importing a ledger's past with its original times, into an empty ledger only;
///   every line must carry its `at`, which may not go back within a file, nor be more than
///   `tolerance` after the clock.
public struct KnowledgeTime: Sendable {
  /// Whether the events are being recorded now, or are a history with its original times.
  public enum Mode: Sendable {
    case recording
    case history
  }

  /// How far past the clock a supplied `at` may be (clocks of two machines differ a little).
  public static let tolerance = 300
  /// The step between two stamps when the clock has not moved past the latest.
  public static let step = 1_000
  /// The latest `at` a line can hold (RFC 3339 has four-digit years).
  static let lastTime = Timestamp(seconds: 253_402_300_799, nanoseconds: 999_999_999)

  /// The time of the append, read once under the lock; nil when the writer has no clock
  /// (events must then come stamped, and only the order is checked).
  public var now: Timestamp?
  public var mode: Mode

  public init(now: Timestamp?, mode: Mode = .recording) {
    self.now = now
    self.mode = mode
  }

  /// Stamps or checks the `at` of every new event in input order.
  /// - Parameters:
  ///   - batches: the append's events; unstamped ones get their stamp here.
  ///   - latest: the latest `at` in the ledger, nil when it has no event.
  ///   - isEmpty: whether the ledger has no line at all (for `history`).
  ///   - source: what to call the input in errors.
  /// - Throws: `LedgerError.rejected` naming the input line whose `at` breaks the rule.
  func stamp(
    _ batches: inout [LedgerWriter.Batch], after latest: Timestamp?, isEmpty: Bool,
    source: String
  ) throws(LedgerError) {
    let single = batches.map(\.events.count).reduce(0, +) == 1
    var last = latest
    var inputLine = 0
    let now = self.now.map {
      Timestamp(seconds: $0.seconds, nanoseconds: $0.nanoseconds / 1_000 * 1_000)
    }
    for batch in batches.indices {
      for index in batches[batch].events.indices {
        inputLine += 1
        let line = LedgerWriter.inputLine(
          batches[batch].events[index], position: inputLine, single: single)
        let at = batches[batch].events[index].at
        if mode == .history {
          guard isEmpty else {
            throw LedgerError.rejected(
              source: source, line: line,
              reason: "a history with its original times goes only into an empty ledger; "
                + "this one has lines already (append without --history to record now)")
          }
          guard at != .unstamped else {
            throw LedgerError.rejected(
              source: source, line: line,
              reason: "in a history every line needs its original at")
          }
          // A history is the past: a future at would hold every later append back.
          if let now, at.seconds > now.seconds + Self.tolerance {
            throw LedgerError.rejected(
              source: source, line: line,
              reason: "at \(at) is in the future (now is \(now)): a history holds what was "
                + "recorded in the past; correct its at")
          }
          continue
        }
        if at == .unstamped {
          guard var stamp = now else {
            throw LedgerError.rejected(
              source: source, line: line, reason: "the event has no at and the writer no clock")
          }
          if let last, stamp <= last { stamp = last.adding(nanoseconds: Self.step) }
          if let last, stamp > Self.lastTime {
            throw LedgerError.rejected(
              source: source, line: line,
              reason: "the latest at in the ledger, \(last), is the last time an at can hold "
                + "(year 9999), so nothing can be recorded after it; a line with it was not "
                + "recorded by this tool: find it with `ledger log`, and restore its file as it "
                + "was (from git or a backup)")
          }
          batches[batch].events[index].at = stamp
          last = stamp
          continue
        }
        if let last, at <= last {
          throw LedgerError.rejected(
            source: source, line: line,
            reason: "at \(at) is not later than \(last), the latest at in the ledger: at is "
              + "when the event was recorded, so a new one cannot be earlier; leave at out to "
              + "have it stamped now (to import a past ledger with its times, use "
              + "`ledger append --history --ledger NEW` into a new, empty ledger NEW)")
        }
        if let now, at.seconds > now.seconds + Self.tolerance {
          throw LedgerError.rejected(
            source: source, line: line,
            reason: "at \(at) is in the future (now is \(now)): at is when the event was "
              + "recorded; leave it out to have it stamped now")
        }
        last = at
      }
    }
  }
}

extension Timestamp {
  /// The `at` of a new event that the writer is to stamp under the folder's lock; never
  /// written to a file.
  public static let unstamped = Timestamp(seconds: Int.min / 2)

  /// This instant plus `nanoseconds` (at most a second).
  func adding(nanoseconds: Int) -> Timestamp {
    let total = self.nanoseconds + nanoseconds
    return Timestamp(seconds: seconds + total / 1_000_000_000, nanoseconds: total % 1_000_000_000)
  }
}
