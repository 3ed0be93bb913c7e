import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// `ledger plans` and `ledger plan ID` on the OGP pack (plans/ogp-local), as a user runs them.
@Suite("Plan views")
struct PlanViewsTests {
  static let pack = packageRoot + "/plans/ogp-local"
  static let elKef = "el-kef-action-plan"

  func json(_ arguments: [String]) throws -> [String: Any] {
    let run = CLI.run(arguments + ["--ledger", Self.pack, "--format", "json"])
    try #require(run.exitCode == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  func plans(_ asOf: String) throws -> [[String: Any]] {
    try #require(try json(["plans", "--as-of", asOf])["plans"] as? [[String: Any]])
  }

  @Test("both OGP plans with their organisations, status before and after the dissolution, items")
  func plansJSON() throws {
    let before = try plans("2022-12-31")
    #expect(
      before.map { $0["plan"] as? String } == [
        "beni-mellal-khenifra-action-plan", Self.elKef,
      ])
    #expect(
      before.map { ($0["organisation"] as? [String: Any])?["name"] as? String } == [
        "Béni Mellal-Khénifra region (regional government)", "El Kef municipality",
      ])
    #expect(
      before.map { ($0["status"] as? [String: Any])?["status"] as? String } == [
        "accepted", "reaffirmed",
      ])
    #expect(before.map { $0["items"] as? Int } == [3, 5])
    let declared = (before.last?["declared"] as? [[String: Any]])?.first
    #expect(declared?["count"] as? Int == 17)
    #expect(declared?["recorded"] as? Int == 5)
    let after = try plans("2023-06-30")
    let status = after.last?["status"] as? [String: Any]
    #expect(status?["status"] as? String == "suspended")
    #expect(status?["cause"] as? String == "dissolution")
    #expect(status?["when"] as? String == "March 2023")
    #expect(
      after.first.flatMap { ($0["status"] as? [String: Any])?["status"] as? String } == "accepted")
    // After the election of September 2021 the Moroccan plan is paused; El Kef's has no status
    // recorded before fall 2021.
    let election = try plans("2021-10-31")
    #expect(
      election.map { ($0["status"] as? [String: Any])?["status"] as? String } == ["paused", nil])
  }

  @Test("El Kef's commitments with their responsible parties, in every format")
  func plan() throws {
    let items = try #require(
      try json(["plan", Self.elKef, "--as-of", "2023-06-30"])["items"] as? [[String: Any]])
    #expect(
      items.map { $0["item"] as? String } == [
        "internal-audit", "digital-spaces", "archives", "inclusion",
        "website",
      ])
    let parties = items.map { item in
      ((item["responsible"] as? [[String: Any]]) ?? []).compactMap { $0["party"] as? String }
    }
    #expect(parties[3] == ["el-kef-municipality", "el-kef-womens-rights-cso"])
    #expect(parties[4] == ["el-kef-website-cso"])
    #expect(items.allSatisfy { $0["status"] as? String == "in-progress" })
    let whole = try json(["plan", Self.elKef, "--as-of", "2023-06-30"])
    let bodies = try #require(whole["bodies"] as? [[String: Any]])
    #expect(
      bodies.map { $0["body"] as? String } == [
        "el-kef-municipal-council", "el-kef-steering-committee",
      ])
    #expect(bodies.last?["composition"] as? String == "parity")
    #expect((bodies.last?["recorded"] as? [Any])?.count == 3)

    let table = CLI.run(
      ["plan", Self.elKef, "--ledger", Self.pack, "--as-of", "2023-06-30"],
      terminal: OutputTerminal(columns: 80))
    #expect(table.exitCode == 0)
    #expect(table.stdout.hasPrefix("ITEM "))
    #expect(table.stdout.contains("el-kef-website-cso"))
    #expect(table.stdout.contains("Declared: 17 commitment item(s); 5 recorded."))
    #expect(table.stdout.contains("parity\ndeclared") || table.stdout.contains("parity declared"))
    #expect(table.stdout.split(separator: "\n").allSatisfy { Format.displayWidth($0) <= 80 })
    let csv = CLI.run(["plan", Self.elKef, "--ledger", Self.pack, "--format", "csv"])
    let rows = csv.stdout.split(separator: "\r\n")
    #expect(rows.first == "item,kind,title,responsible,due,status,status_on,target,assessments")
    #expect(rows.count == 6)
    let markdown = CLI.run(["plan", Self.elKef, "--ledger", Self.pack, "--format", "markdown"])
    #expect(markdown.stdout.hasPrefix("| ITEM | KIND | TITLE |"))
    #expect(markdown.stdout.contains("El Kef's first municipal website"))
    #expect(markdown.stdout.contains("el-kef-website-cso (executor)"))
  }

  @Test("plans in table, CSV and Markdown; a table fits 80 columns")
  func plansFormats() throws {
    let table = CLI.run(
      ["plans", "--ledger", Self.pack, "--as-of", "2023-06-30"],
      terminal: OutputTerminal(columns: 80))
    #expect(table.exitCode == 0)
    #expect(table.stdout.split(separator: "\n").allSatisfy { Format.displayWidth($0) <= 80 })
    #expect(table.stdout.contains("suspended"))
    let csv = CLI.run(["plans", "--ledger", Self.pack, "--format", "csv", "--as-of", "2023-06-30"])
    #expect(
      csv.stdout.hasPrefix(
        "plan,title,organisation,form,period,status,status_on,items,done,overdue,"
          + "no_progress_recorded\r\n"))
    #expect(
      csv.stdout.contains(
        "el-kef-action-plan,El Kef open government action plan (OGP Local),el-kef-municipality,action-plan,,suspended,2023-03-31,5,0,0,0\r\n"
      ))
    let markdown = CLI.run(["plans", "--ledger", Self.pack, "--format", "markdown"])
    #expect(markdown.stdout.contains("| beni-mellal-khenifra-action-plan |"))
  }

  @Test("an unknown plan lists the known ones; a missing id is a usage error; known-at hides all")
  func errors() throws {
    let unknown = CLI.run(["plan", "el-kef", "--ledger", Self.pack])
    #expect(unknown.exitCode == 1)
    #expect(unknown.stderr.contains("no plan el-kef is registered"))
    #expect(unknown.stderr.contains(Self.elKef))
    #expect(CLI.run(["plan", "--ledger", Self.pack]).exitCode == 64)
    #expect(CLI.run(["plan", "Bad Id", "--ledger", Self.pack]).exitCode == 64)
    let early = CLI.run(["plans", "--ledger", Self.pack, "--known-at", "2026-01-01T00:00:00Z"])
    // The note wraps to the table's width, and where depends on the length of the path it
    // names: read as one line.
    let said = (early.stdout + early.stderr).split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    #expect(said.contains("had been recorded by --known-at"))
  }
}
