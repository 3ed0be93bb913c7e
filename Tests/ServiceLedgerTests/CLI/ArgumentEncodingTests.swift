import Foundation
import Testing

/// Arguments that are not UTF-8 are refused before any command runs: Swift would otherwise
/// turn their bad bytes into U+FFFD and `record` would store text nobody typed.
@Suite("Arguments that are not UTF-8 (built binary)")
struct ArgumentEncodingTests {
  @Test("record, log and a view refuse a byte that is not UTF-8, and nothing is written")
  func invalidBytes() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": ""])
    defer { ledger.remove() }
    let cases = [
      "record service.registered service=a name=\"$(printf 'bad\\377x')\" organisation=OPG",
      "record service.registered service=a name=\"$(printf '\\303')\" organisation=OPG",
      "log --service \"$(printf 'a\\200')\"",
      "services --as-of \"$(printf '\\355\\240\\200')\"",
    ]
    for arguments in cases {
      let command =
        "LEDGER_DIR='\(ledger.path)' LEDGER_ACTOR=p-1 '\(Binary.path)' \(arguments) 2>&1; "
        + "echo \"exit=$?\""
      let output = try Binary.shell(command, underTerminal: false)
      #expect(output.contains("is not valid UTF-8"), "\(arguments): \(output)")
      #expect(output.hasSuffix("exit=64\n"), "\(arguments): \(output)")
      #expect(!output.contains("\u{FFFD}"), "\(arguments): \(output)")
    }
    #expect(ledger.bytes("ledger.jsonl").isEmpty)
    // Valid UTF-8 beyond ASCII is taken as it is.
    let good = try Binary.shell(
      "LEDGER_DIR='\(ledger.path)' LEDGER_ACTOR=p-1 '\(Binary.path)' record service.registered "
        + "service=a name=\"$(printf 'Caf\\303\\251')\" organisation=OPG 2>&1; echo \"exit=$?\"",
      underTerminal: false)
    #expect(good.hasSuffix("exit=0\n"), "\(good)")
    #expect(String(decoding: ledger.bytes("ledger.jsonl"), as: UTF8.self).contains("Café"))
  }
}
