import Foundation
import Testing

@testable import ServiceLedger

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every reader of a log file opens the file the folder listing saw (`FileIdentity.open`): the
/// retraction pre-scan and the comparison with `--base` as the replay's `FileCursor` does. A
/// file renamed over another between the listing and the read is the same clear error, naming
/// the file, wherever it is met.
@Suite("Readers of log files open the file listed")
struct ListedFileTests {
  /// A service and a retraction of an event that is not in the log.
  static let lines =
    #"{"id":"00000000-0000-4000-8000-000000000001","at":"2014-01-01T09:00:00Z","by":"p-0001","#
    + #""type":"service.registered","data":{"service":"a","name":"A","organisation":"OPG"}}"#
    + "\n"
    + #"{"id":"00000000-0000-4000-8000-000000000002","at":"2014-01-02T09:00:00Z","by":"p-0001","#
    + #""type":"event.retracted","data":{"event":"00000000-0000-4000-8000-0000000000ff","#
    + #""reason":"wrong"}}"# + "\n"
  static let retracted = "00000000-0000-4000-8000-0000000000ff"

  /// A ledger of `a.jsonl` and `b.jsonl`, and what its listing saw.
  static func ledger() throws -> (
    TemporaryLedger, [(name: String, identity: LedgerFolder.FileIdentity)]
  ) {
    let ledger = try TemporaryLedger(files: ["a.jsonl": lines, "b.jsonl": lines])
    return (ledger, try ledger.folder.logFiles())
  }

  /// Renames another file over `b.jsonl`: the listing no longer leads to what it saw.
  static func swap(_ ledger: TemporaryLedger) throws {
    try ledger.write("b.tmp", lines)
    #expect(rename(ledger.path + "/b.tmp", ledger.path + "/b.jsonl") == 0)
  }

  /// Checks that `error` is the replay's: the file named, what happened and what to do.
  static func expectReplaced(_ error: LedgerError?, _ ledger: TemporaryLedger, since: String) {
    let text = error?.description ?? "no error"
    #expect(
      text
        == ledger.path + "/b.jsonl: was replaced while it was being read (another file, or a "
        + "link to one, is in its place since \(since)): run the command again once nothing "
        + "else is writing to the ledger", "\(text)")
  }

  @Test("the replay's own cursor: the error the others now give too")
  func cursor() throws {
    let (ledger, _) = try Self.ledger()
    defer { ledger.remove() }
    let cursors = try FileCursor.log(of: ledger.folder, blockSize: 4096)
    try Self.swap(ledger)
    var caught: LedgerError?
    do { _ = try cursors[1].nextBlock() } catch { caught = error }
    Self.expectReplaced(caught, ledger, since: "the folder was listed")
  }

  @Test("the retraction pre-scan")
  func retractionScan() throws {
    let (ledger, listed) = try Self.ledger()
    defer { ledger.remove() }
    // As listed, it finds the retraction.
    let found = try RetractionScan.targets(
      in: ledger.folder, files: listed, knownAt: nil, reader: LogFileReader())
    #expect(found.named.map(\.description) == [Self.retracted])
    try Self.swap(ledger)
    var caught: LedgerError?
    do {
      _ = try RetractionScan.targets(
        in: ledger.folder, files: listed, knownAt: nil, reader: LogFileReader())
    } catch { caught = error }
    Self.expectReplaced(caught, ledger, since: "the folder was listed")
  }

  @Test("the comparison with the base, and its check once the replay has read the files")
  func baseComparison() throws {
    let (ledger, listed) = try Self.ledger()
    defer { ledger.remove() }
    let base = try TemporaryLedger(files: ["a.jsonl": Self.lines, "b.jsonl": ""])
    defer { base.remove() }
    let compared = try BaseComparison(
      ledger.folder, base: LedgerBase(path: base.path), files: listed)
    #expect(compared.newEvents.count == 2)
    try compared.checkUnchanged(ledger.folder)
    try Self.swap(ledger)
    var caught: LedgerError?
    do {
      _ = try BaseComparison(ledger.folder, base: LedgerBase(path: base.path), files: listed)
    } catch { caught = error }
    Self.expectReplaced(caught, ledger, since: "the folder was listed")
    // Swapped after the comparison, before the replay listed the folder: the replay reads the
    // new file whole, so the check after it is what tells.
    caught = nil
    do { try compared.checkUnchanged(ledger.folder) } catch { caught = error }
    Self.expectReplaced(caught, ledger, since: "it was compared with the base")
  }
}
