import Foundation
import Testing

@testable import ServiceLedger

/// What a write that meets a full disk says: the file, that nothing was written, and what to
/// do (the fault-injection hook fails the write with `ENOSPC`, as a full disk does).
@Suite("Messages on a full disk", .serialized)
struct FullDiskMessageTests {
  static let advice = "No space left on device; make room on its disk, then try again"

  @Test("a record that meets a full disk names the file, says nothing was written and what to do")
  func record() throws {
    let ledger = try TemporaryLedger(files: ["ledger.jsonl": FaultInjectionTests.registered])
    defer { ledger.remove() }
    let run = CLI.run(
      ["record", "component.adopted", "service=a", "component=c", "on=2015-01-02"],
      ledger: ledger.path, environment: ["LEDGER_TEST_FAULT": "fail:1"])
    #expect(run.exitCode == 1)
    #expect(
      run.stderr.contains("ledger.jsonl: \(Self.advice)\nnothing was written"), "\(run.stderr)")
    #expect(ledger.text("ledger.jsonl") == FaultInjectionTests.registered)
  }

  @Test("a restamp that meets a full disk says nothing was written and what to do")
  func restamp() throws {
    let (base, branch) = try BackdatedTests.branch()
    defer {
      base.remove()
      branch.remove()
    }
    let before = try RestampBaseTests.snapshot(branch)
    let run = CLI.run(
      ["restamp", "--base", base.path], ledger: branch.path,
      environment: ["LEDGER_TEST_FAULT": "fail:1"])
    #expect(run.exitCode == 1)
    #expect(
      run.stderr.contains(".tmp-restamp: \(Self.advice)\nnothing was written"), "\(run.stderr)")
    #expect(try RestampBaseTests.snapshot(branch) == before)
  }
}
