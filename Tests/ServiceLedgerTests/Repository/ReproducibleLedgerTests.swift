import Foundation
import Testing

/// `events/`, `examples/illustrative/` and `plans/ogp-local/` are built from the repository by
/// scripts: a rebuild must give the same bytes, so what is committed is what the sources say.
@Suite("The shipped ledgers rebuild from the repository")
struct ReproducibleLedgerTests {
  @Test(
    "a rebuild gives the committed bytes",
    arguments: [
      ("scripts/build-events.sh", "events/ is unchanged"),
      ("scripts/build-examples.sh", "examples/illustrative/ is unchanged"),
      ("scripts/build-plans.sh", "plans/ogp-local/ is unchanged"),
      ("scripts/build-plans.sh", "plans/kl-municipal/ is unchanged"),
      ("scripts/build-plans.sh", "plans/to-hieu-school/ is unchanged"),
      ("scripts/build-plans.sh", "plans/yakutsk-network-city/ is unchanged"),
    ])
  func rebuild(script: String, message: String) throws {
    let result = try #require(
      ShellCommand.run(["bash", script, "--check"], environment: ["LEDGER_BIN": Binary.path]))
    #expect(result.status == 0, "\(script) --check: \(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains(message), "\(result.stdout)")
  }

  @Test("the check fails, and leaves the folder alone, when a committed line differs")
  func detectsDifference() throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/events")
    where name.hasSuffix(".jsonl") {
      try ledger.write(name, String(decoding: try fileBytes("events/" + name), as: UTF8.self))
    }
    var opg = ledger.text("opg.jsonl").split(separator: "\n").map(String.init)
    opg.removeLast()
    try ledger.write("opg.jsonl", opg.joined(separator: "\n") + "\n")
    let before = ledger.bytes("opg.jsonl")
    let result = try #require(
      ShellCommand.run(
        ["bash", "scripts/build-events.sh", "--check"],
        environment: ["LEDGER_BIN": Binary.path, "EVENTS_DIR": ledger.path]))
    #expect(result.status == 1)
    let change = "opg.jsonl: \(opg.count) lines before, \(opg.count + 1) now"
    #expect(result.stderr.contains(change), "\(result.stderr)")
    #expect(ledger.bytes("opg.jsonl") == before)
  }

  private func fileBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/" + path)))
  }
}
