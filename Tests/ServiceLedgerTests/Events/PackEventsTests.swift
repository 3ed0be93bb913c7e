import Foundation
import Testing

@testable import ServiceLedger

/// The fields and events the three plan packs add to the plan model, recorded as a user would.
@Suite("Pack events")
struct PackEventsTests {
  /// Runs `ledger record` for each line of `commands` in a fresh ledger; the last run.
  func record(_ commands: [[String]]) throws -> (CLIRun, TemporaryLedger) {
    let ledger = try TemporaryLedger()
    var last = CLIRun(exitCode: 0, stdout: "", stderr: "")
    for (index, command) in commands.enumerated() {
      last = CLI.run(
        ["record"] + command, ledger: ledger.path, environment: ["LEDGER_SEED": "\(index + 1)"])
      if last.exitCode != 0 { break }
    }
    return (last, ledger)
  }

  let school = [
    "organisation.registered", "organisation=school", "name=Trường Tiểu học Tô Hiệu",
    "kind=school",
  ]

  @Test("a plan whose link status is none has no link; a local file may keep its path or not")
  func links() throws {
    let plan = ["plan.registered", "plan=p", "title=T", "organisation=school", "form=strategy"]
    var (run, ledger) = try record([school, plan + ["linkStatus=none", "link=https://a.dk/x.pdf"]])
    #expect(run.exitCode != 0)
    #expect(run.stderr.contains("a plan whose linkStatus is none has no link"))
    ledger.remove()
    (run, ledger) = try record([school, plan + ["linkStatus=nowhere"]])
    #expect(run.stderr.contains("\"nowhere\" is not a link status"))
    ledger.remove()
    (run, ledger) = try record([
      school, plan + ["linkStatus=local-file", "period=Fra 2017", "from=2017-01-01"],
    ])
    defer { ledger.remove() }
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(ledger.text("ledger.jsonl").contains(#""period":"Fra 2017""#))
    #expect(ledger.text("ledger.jsonl").contains(#""linkStatus":"local-file""#))
  }

  @Test("a stage comes after a defined item of its plan, never after itself")
  func stages() throws {
    let plan = ["plan.registered", "plan=r", "title=T", "organisation=school", "form=regulation"]
    let first = ["item.defined", "plan=r", "item=A4.1", "kind=stage", "title=Stage 1"]
    var (run, ledger) = try record([
      school, plan, first,
      ["item.defined", "plan=r", "item=A4.2", "kind=stage", "title=Stage 2", "after=A4.3"],
    ])
    #expect(run.stderr.contains("r has no item A4.3"))
    ledger.remove()
    (run, ledger) = try record([
      school, plan, ["item.defined", "plan=r", "item=A4.1", "kind=stage", "title=S", "after=A4.1"],
    ])
    #expect(run.stderr.contains("an item cannot come after itself"))
    ledger.remove()
    (run, ledger) = try record([
      school, plan, first,
      [
        "item.defined", "plan=r", "item=A4.2", "kind=stage", "title=Stage 2", "after=A4.1",
        "gate=only admin",
      ],
    ])
    defer { ledger.remove() }
    #expect(run.exitCode == 0, "\(run.stderr)")
  }

  @Test("a service's maturity is a level from 1 to 4; its channels name registered partners")
  func servicesAndChannels() throws {
    let service = ["service.registered", "service=fees", "name=Thu học phí", "organisation=school"]
    var (run, ledger) = try record([
      school, service, ["service.maturity-set", "service=fees", "level=5", "kind=target"],
    ])
    #expect(run.stderr.contains("5 is not a maturity level; use 1 to 4"))
    ledger.remove()
    (run, ledger) = try record([
      school, service,
      [
        "service.channel-offered", "service=fees", "channel=bank-qr", "status=in-use",
        "partners=bidv",
      ],
    ])
    #expect(run.stderr.contains("organisation bidv is not registered"))
    ledger.remove()
    (run, ledger) = try record([
      school, service,
      ["service.maturity-set", "service=fees", "level=3", "kind=target", "due=2025-12-31"],
      ["service.channel-offered", "service=nope", "channel=cash", "status=phasing-out"],
    ])
    defer { ledger.remove() }
    #expect(run.stderr.contains("service nope is not registered"))
  }

  @Test("names in Danish, Vietnamese and Russian typed decomposed are stored composed (NFC)")
  func composedNames() throws {
    let typed = "Trường Tiểu học Tô Hiệu, Sorø, «Сетевой Город», й"
      .decomposedStringWithCanonicalMapping
    #expect(Array(typed.utf8) != Array(typed.precomposedStringWithCanonicalMapping.utf8))
    let (run, ledger) = try record([
      ["organisation.registered", "organisation=school", "name=\(typed)", "kind=school"]
    ])
    defer { ledger.remove() }
    #expect(run.exitCode == 0, "\(run.stderr)")
    let stored = ledger.text("ledger.jsonl")
    let composed = typed.precomposedStringWithCanonicalMapping
    #expect(
      stored.utf8.split(separator: UInt8(ascii: "\"")).contains {
        Array($0) == Array(composed.utf8)
      })
  }
}
