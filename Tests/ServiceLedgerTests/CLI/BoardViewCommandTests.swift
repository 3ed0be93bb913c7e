import Foundation
import Testing

@testable import ServiceLedger

@Suite("Board view commands")
struct BoardViewCommandTests {
  static let views = [
    "priorities", "channel-shift", "assisted-digital", "managers", "exemplars", "actions",
  ]

  @Test(
    "an empty ledger gives an empty view with a note, in every format, exit 0", arguments: views)
  func emptyLedger(view: String) throws {
    let ledger = try TemporaryLedger()
    defer { ledger.remove() }
    for format in ViewFormat.names {
      let run = CLI.run([view, "--format", format, "--as-of", "2015-03-31"], ledger: ledger.path)
      #expect(run.exitCode == 0)
      #expect(run.stderr.isEmpty)
      switch format {
      case "table": #expect(run.stdout.hasPrefix("no ") && run.stdout.contains("2015-03-31"))
      case "markdown": #expect(run.stdout.hasPrefix("_no "))
      case "json": #expect(run.stdout.hasPrefix(#"{"asOf":"2015-03-31""#))
      default: #expect(run.stdout.split(separator: "\r\n").count == 1)
      }
    }
  }

  @Test("a date before any data gives the note, not an error")
  func beforeData() {
    let events = packageRoot + "/events"
    #expect(
      CLI.run(["channel-shift", "--as-of", "2011-01-01"], ledger: events).stdout
        == "no volume reported for any service as of 2011-01-01\n")
    #expect(
      CLI.run(["exemplars", "--as-of", "2012-12-19"], ledger: events).stdout
        == "no exemplar designated as of 2012-12-19\n")
    // A long note is wrapped to 80 columns like the notes after a table.
    let scope = CLI.run(["assisted-digital", "--as-of", "2011-01-01"], ledger: events).stdout
    #expect(scope.hasPrefix("no service in scope for assisted digital as of 2011-01-01"))
    #expect(scope.split(separator: "\n").count == 2)
    #expect(scope.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(
      CLI.run(["actions", "--as-of", "2012-12-19"], ledger: events).stdout
        == "no strategy published as of 2012-12-19\n")
  }

  @Test(
    "bad options are usage errors",
    arguments: [
      (["priorities", "--threshold", "lots"], "--threshold lots is not a whole number"),
      (["priorities", "--threshold", "-5"], "--threshold -5 is not a whole number"),
      (["channel-shift", "--target", "82%"], "--target 82% is not a take-up between 0 and 1"),
      (["channel-shift", "--target", "1.5"], "--target 1.5 is not a take-up between 0 and 1"),
      (["exemplars", "--format", "html"], "has no format \"html\""),
      (["actions", "extra"], "actions takes no arguments"),
      (["managers", "--known-at", "yesterday"], "--known-at yesterday is not a time"),
    ])
  func usageErrors(arguments: [String], fragment: String) {
    let run = CLI.run(arguments, ledger: packageRoot + "/events")
    #expect(run.exitCode == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(fragment), "\(run.stderr)")
  }

  @Test("help for every view names its options and the priorities JSON rounding")
  func help() {
    for view in Self.views {
      let help = CLI.run([view, "--help"])
      #expect(help.exitCode == 0)
      #expect(help.stdout.contains("--as-of DATE") && help.stdout.contains("--known-at"))
    }
    #expect(CLI.run(["priorities", "--help"]).stdout.contains("rounded to 4 decimals"))
  }

  @Test("--threshold and --target change the answer")
  func options() {
    let events = packageRoot + "/events"
    let low = CLI.run(
      ["priorities", "--as-of", "2015-03-31", "--threshold", "1000", "--format", "csv"],
      ledger: events)
    #expect(!low.stdout.contains(",standard,"))
    let shift = CLI.run(
      ["channel-shift", "--as-of", "2015-03-31", "--target", "0.5", "--format", "json"],
      ledger: events)
    #expect(shift.stdout.contains(#""target":0.5,"#))
  }

  @Test("--known-at reproduces what was known: before the designations, no exemplars")
  func knownAt() {
    let run = CLI.run(
      ["exemplars", "--as-of", "2015-03-31", "--known-at", "2026-11-21T09:01:30Z"],
      ledger: packageRoot + "/events")
    #expect(run.stdout == "no exemplar designated as of 2015-03-31\n")
  }
}
