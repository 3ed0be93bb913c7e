import Foundation
import Testing

@testable import ServiceLedger

@Suite("Tables fitted to 80 columns, notes after them")
struct TableFittingTests {
  static let ids = [
    "moj-legal-aid-applications-civil-cases", "moj-legal-aid-applications-criminal-cases",
    "moj-legal-aid-applications-criminal-cases-higher",
  ]

  static func render(_ table: TableData) -> String {
    var out = ""
    table.renderTable(into: &out)
    return out
  }

  @Test("a shrinkable column is cut to fit 80 columns; numbers are never cut")
  func fits() {
    let table = TableData(
      columns: ["SERVICE", "VOLUME", "NOTE"],
      rows: Self.ids.map {
        [.text($0), .number("1,320,121"), .text(String(repeating: "x", count: 30))]
      }, shrinkable: ["SERVICE": .middle(10)])
    let lines = Self.render(table).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.allSatisfy { !$0.contains("1,320,1…") })
    #expect(lines.dropFirst(2).allSatisfy { $0.contains("1,320,121") })
    #expect(lines[2].hasPrefix("moj-legal-aid-appl…ations-civil-cases "))
  }

  @Test("cutting in the middle keeps ids apart; where it cannot, the column widens")
  func distinct() {
    let table = TableData(
      columns: ["SERVICE", "REST"],
      rows: Self.ids.map { [.text($0), .text(String(repeating: "y", count: 60))] },
      shrinkable: ["SERVICE": .middle(4), "REST": .end(60)])
    let cells = Self.render(table).split(separator: "\n").dropFirst(2).map {
      String($0.prefix { $0 != " " })
    }
    #expect(Set(cells).count == 3)
    let ends = TableData(
      columns: ["SERVICE", "REST"],
      rows: Self.ids.map { [.text($0), .text(String(repeating: "y", count: 60))] },
      shrinkable: ["SERVICE": .end(4)])
    let cut = Self.render(ends).split(separator: "\n").dropFirst(2).map {
      String($0.prefix { $0 != " " })
    }
    // Cut at the end, the ids only differ after 38 characters: the column keeps them apart.
    #expect(Set(cut).count == 3)
  }

  @Test("wide-only columns are left out of the aligned table but kept in CSV and Markdown")
  func wideOnly() {
    let table = TableData(
      columns: ["SERVICE", "NAME"], rows: [[.text("s"), .text("Service")]], wideOnly: ["NAME"])
    #expect(Self.render(table) == "SERVICE\n-------\ns\n")
    var csv = ""
    table.renderCSV(into: &csv)
    #expect(csv == "SERVICE,NAME\r\ns,Service\r\n")
    var markdown = ""
    table.renderMarkdown(into: &markdown)
    #expect(markdown.contains("| s | Service |"))
  }

  @Test("notes follow the table, wrapped at 80 columns; not in CSV; the empty note replaces both")
  func notes() {
    let long = Array(repeating: "word", count: 40).joined(separator: " ")
    let output = ViewOutput(
      table: TableData(columns: ["A"], rows: [[.text("a")]]), json: .null, emptyNote: "none",
      notes: [long])
    var table = ""
    output.render(.table, into: &table)
    #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(table.hasPrefix("A\n-\na\n\nword word"))
    var csv = ""
    output.render(.csv, into: &csv)
    #expect(!csv.contains("word"))
    let empty = ViewOutput(
      table: TableData(columns: ["A"]), json: .null, emptyNote: "none", notes: [long])
    var text = ""
    empty.render(.table, into: &text)
    #expect(text == "none\n")
  }

  @Test("rates in JSON have 4 decimals and a decimal point; money is whole pounds")
  func measures() {
    #expect(JSONValue.rate(2756.0 / 1_320_121).serialized() == "0.0021")
    #expect(JSONValue.rate(0).serialized() == "0.0")
    #expect(JSONValue.rate(1).serialized() == "1.0")
    #expect(JSONValue.rate(-0.036_73).serialized() == "-0.0367")
    #expect(JSONValue.rate(nil).serialized() == "null")
    #expect(JSONValue.pounds(3_758_013.52).serialized() == "3758014")
  }
}
