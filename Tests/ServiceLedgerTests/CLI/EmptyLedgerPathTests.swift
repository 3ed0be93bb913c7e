import Foundation
import Testing

/// An empty ledger folder name (`--ledger ""`, `LEDGER_DIR=`) names no folder: taken as a path,
/// its files would be `/ledger.jsonl`, at the root of the file system.
@Suite("An empty ledger folder name")
struct EmptyLedgerPathTests {
  @Test(
    "--ledger with an empty value is a usage error saying what to give",
    arguments: [
      ["services", "--ledger", ""],
      ["services", "--ledger="],
      ["record", "service.registered", "service=s", "name=S", "organisation=O", "--ledger", ""],
      ["append", "--ledger", ""],
      ["repair", "--ledger", ""],
      ["init", "--ledger", ""],
    ])
  func emptyOption(_ arguments: [String]) {
    let run = CLI.run(arguments)
    #expect(run.exitCode == 64, "\(run.stderr)")
    #expect(run.stderr.contains("--ledger is empty: give the ledger folder"), "\(run.stderr)")
    // The advice it replaces, followed literally, made a ledger at the root.
    #expect(!run.stderr.contains("ledger init --ledger ''"), "\(run.stderr)")
  }

  @Test("LEDGER_DIR set but empty is a usage error, not a ledger at the root")
  func emptyEnvironment() {
    let run = CLI.run(["services"], environment: ["LEDGER_DIR": ""])
    #expect(run.exitCode == 64, "\(run.stderr)")
    #expect(run.stderr.contains("LEDGER_DIR is set but empty"), "\(run.stderr)")
    #expect(!run.stderr.contains("ledger init --ledger ''"), "\(run.stderr)")
  }

  @Test("ledger init with an empty folder name makes nothing and says what to give")
  func emptyInitFolder() {
    let run = CLI.run(["init", ""])
    #expect(run.exitCode == 64, "\(run.stderr)")
    #expect(run.stderr.contains("the folder is empty: give its name"), "\(run.stderr)")
  }
}
