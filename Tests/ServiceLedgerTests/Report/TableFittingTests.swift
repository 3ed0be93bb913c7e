import Foundation
import Testing

@testable import ServiceLedger

@Suite("Tables fitted to a terminal without cutting a cell; full width when piped")
struct TableFittingTests {
  static let ids = [
    "moj-legal-aid-applications-civil-cases", "moj-legal-aid-applications-criminal-cases",
    "moj-legal-aid-applications-criminal-cases-higher",
  ]
  static let name =
    "Applications for legal aid in criminal cases heard in the Crown Court and higher courts"

  /// A table like the views': an id, a long name that may wrap, figures, a date.
  static var table: TableData {
    TableData(
      fields: [
        "SERVICE": "service", "NAME": "name", "VOLUME": "annual_volume",
        "TAKE-UP": "digital_take_up_percent", "YEAR TO": "year_to",
      ],
      rows: ids.enumerated().map { index, id in
        [
          .text(id), .text(name), .measure(.count(1_320_121 * (index + 1))),
          .measure(.rate(0.0021)), .text("2015-03-31"),
        ]
      }, leftOutFirst: ["YEAR TO", "NAME", "TAKE-UP", "VOLUME"])
  }

  static func render(_ table: TableData, width: Int?) -> String {
    var out = ""
    table.renderTable(width: width, into: &out)
    return out
  }

  static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  @Test("piped (no width): every column, one line a row, nothing wrapped or cut")
  func fullWidth() {
    let text = Self.render(Self.table, width: nil)
    let lines = Self.lines(text)
    #expect(lines.count == 2 + Self.ids.count)
    #expect(lines[0].hasPrefix("SERVICE") && lines[0].hasSuffix("YEAR TO"))
    for (line, id) in zip(lines.dropFirst(2), Self.ids) {
      #expect(line.hasPrefix(id + " "))
      #expect(line.contains(Self.name))
      #expect(line.hasSuffix("0.2%  2015-03-31"))
    }
    #expect(!text.contains("…") && !text.contains("Not shown"))
  }

  @Test(
    "at any width ids and figures are whole; lines fit unless the ids alone are wider",
    arguments: [200, 120, 100, 80, 72, 60, 50, 40, 20, 8, 1])
  func fits(width: Int) {
    let text = Self.render(Self.table, width: width)
    let table = text.components(separatedBy: "\n\n")[0]
    let lines = Self.lines(table + "\n")
    let longestID = Self.ids.map(\.count).max() ?? 0
    for id in Self.ids { #expect(lines.contains { $0.hasPrefix(id + " ") || $0 == id }) }
    #expect(!text.contains("…"))
    if width >= longestID {
      #expect(lines.allSatisfy { Format.displayWidth($0) <= width }, "\(width): \(lines)")
    } else {
      // Too narrow even for the ids: only SERVICE is shown, and it runs past the width.
      #expect(lines[0] == "SERVICE", "\(lines)")
      let note = text.components(separatedBy: "\n\n")[1].replacingOccurrences(of: "\n", with: " ")
      #expect(note.hasPrefix("Not shown, to fit \(width) columns: NAME, VOLUME, TAKE-UP, YEAR TO."))
    }
    // Every figure shown is whole.
    for line in lines.dropFirst(2) where line.contains(",") {
      #expect(line.contains(#/\d,\d{3},\d{3}/#))
    }
  }

  @Test(
    "prose wraps narrower than its usual width before lines run past the terminal",
    arguments: [80, 72])
  func proseGivesWay(width: Int) {
    // A plan's row as `ledger plan` shows it: an id, a title, a party's id and a status, none
    // to leave out; at their usual narrowest (24 columns for prose) they need 90 columns.
    let title = "Trường ứng dụng tốt công nghệ thông tin trong quản lý, quản trị"
    let status = "no progress recorded (due 2025-12-31)"
    let table = TableData(
      columns: ["ITEM", "TITLE", "RESPONSIBLE", "STATUS"],
      rows: [
        [
          .text("I.2.2.a.1"), .text(title), .text("dak-song-education-division"),
          .text(status),
        ]
      ])
    let lines = Self.lines(Self.render(table, width: width))
    #expect(lines.allSatisfy { Format.displayWidth($0) <= width }, "\(width): \(lines)")
    #expect(lines.contains { $0.contains("dak-song-education-division") })
    let words = lines.dropFirst(2).flatMap { $0.split(separator: " ") }.map(String.init)
    #expect(words.filter { status.contains($0) }.joined(separator: " ") == status)
    #expect(words.filter { title.contains($0) }.joined(separator: " ").contains(title))
  }

  @Test("text wraps at spaces onto continuation lines; its words read back in order")
  func wraps() throws {
    let text = Self.render(Self.table, width: 100)
    let lines = Self.lines(text.components(separatedBy: "\n\n")[0] + "\n")
    let nameStart = try #require(lines[0].range(of: "NAME")).lowerBound
    let offset = lines[0].distance(from: lines[0].startIndex, to: nameStart)
    // The first row and its continuation lines, up to the next id.
    let row = lines.dropFirst(2).prefix { !$0.hasPrefix(Self.ids[1]) }
    #expect(row.count > 1, "\(lines)")
    let words = row.map { line -> String in
      let chars = Array(line)
      guard chars.count > offset else { return "" }
      return String(chars[offset...]).components(separatedBy: "  ")[0]
    }
    #expect(words.joined(separator: " ") == Self.name)
    #expect(row.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: offset)) })
  }

  @Test("columns are left out in order, the note names them, and any that fit come back")
  func leftOut() {
    // Narrowest: 48 (id), NAME 24, VOLUME 9, TAKE-UP 7, YEAR TO 10, and 2 between each.
    // At 80, YEAR TO and then NAME go (68 columns left); YEAR TO fits again (80).
    let text = Self.render(Self.table, width: 80)
    #expect(
      Self.lines(text)[0].split(separator: " ") == ["SERVICE", "VOLUME", "TAKE-UP", "YEAR", "TO"])
    #expect(text.contains("Not shown, to fit 80 columns: NAME. A wider terminal shows more;"))
    // At 60 only VOLUME fits beside the ids.
    let narrow = Self.render(Self.table, width: 60)
    #expect(Self.lines(narrow)[0].split(separator: " ") == ["SERVICE", "VOLUME"])
    #expect(narrow.contains("Not shown, to fit 60 columns: NAME, TAKE-UP, YEAR TO."))
    // At 106 every column fits, NAME wrapped at its narrowest.
    let wide = Self.render(Self.table, width: 106)
    #expect(!wide.contains("Not shown"))
    #expect(Self.lines(wide).allSatisfy { $0.count <= 106 })
    #expect(Self.lines(wide).count > 2 + Self.ids.count)
  }

  @Test("a long URL breaks after its slashes; ids and figures never break")
  func longWords() {
    let url =
      "url=http://www.justice.gov.uk/legal-aid/areas-of-work/crime/police-stations/"
      + "domestic-violence-protection-orders"
    let table = TableData(
      fields: ["SUBJECT": "subject", "VOLUME": "annual_volume", "DETAIL": "detail"],
      rows: [
        [
          .text("moj-domestic-violence-injunction-applications"), .measure(.count(1_183_878)),
          .text("kind=transactional " + url),
        ]
      ])
    let text = Self.render(table, width: 100)
    let lines = Self.lines(text)
    #expect(lines.allSatisfy { Format.displayWidth($0) <= 100 }, "\(lines)")
    #expect(lines[2].hasPrefix("moj-domestic-violence-injunction-applications  1,183,878  "))
    let detail = lines.dropFirst(2).map { $0.dropFirst(58) }
    #expect(detail.joined().replacingOccurrences(of: " ", with: "") == "kind=transactional" + url)
    #expect(detail.contains { $0.hasSuffix("/") })
    #expect(detail.contains { $0 == "domestic-violence-protection-orders" })
    // Too narrow for the ids: they run past the width whole; the figure is not broken at ','.
    let narrow = Self.lines(Self.render(table, width: 30))
    #expect(narrow.contains { $0.hasPrefix("moj-domestic-violence-injunction-applications ") })
    #expect(narrow.contains { $0.contains("1,183,878") })
  }

  @Test("titles wrap at spaces when a column is narrower than its title")
  func headers() {
    let table = TableData(
      fields: ["SERVICE": "service", "COST FACE TO FACE": "annual_cost_face_to_face_gbp"],
      rows: [[.text("a"), .measure(.pounds(5_074_672))]])
    // 7 + 2 + 10: the figures' width, so the title takes two lines, bottom-aligned.
    let text = Self.render(table, width: 19)
    #expect(
      text == "          COST FACE\nSERVICE     TO FACE\n-------  ----------\na        £5,074,672\n"
    )
    #expect(Self.render(table, width: nil).hasPrefix("SERVICE  COST FACE TO FACE\n"))
  }

  @Test(
    "non-ASCII text lines up by display width, whatever its encoding",
    arguments: [
      "Æblegrød på Østerbro: ansøgning om støtte",
      "Đặt lịch thăm gặp phạm nhân",
      "Đặt lịch thăm gặp phạm nhân".decomposedStringWithCanonicalMapping,
      "Запись на свидание с заключённым",
      "预约探视服务", "Booking 📅 visits",
    ])
  func displayWidth(name: String) {
    let table = TableData(
      fields: ["NAME": "name", "VOLUME": "annual_volume"],
      rows: [
        [.text(name), .measure(.count(1_183_878))], [.text("Short"), .measure(.count(5))],
      ])
    for width in [nil, 30, 16] as [Int?] {
      let lines = Self.lines(Self.render(table, width: width)).filter { !$0.isEmpty }
      let ends = Set(lines.filter { $0.last?.isNumber ?? false }.map { Format.displayWidth($0) })
      #expect(ends.count == 1, "\(String(describing: width)): \(lines)")
      #expect(Format.displayWidth(lines[0]) == ends.first, "\(lines)")
    }
  }

  @Test("display width: wide characters 2, combining marks 0, accented letters 1")
  func widths() {
    #expect(Format.displayWidth("Østerbro") == 8)
    #expect(Format.displayWidth("Việt") == 4)
    #expect(Format.displayWidth("Việt".decomposedStringWithCanonicalMapping) == 4)
    #expect("Việt".decomposedStringWithCanonicalMapping.utf8.count > "Việt".utf8.count)
    #expect(Format.displayWidth("заключённым") == 11)
    #expect(Format.displayWidth("探视") == 4)
    #expect(Format.displayWidth("📅") == 2)
    #expect(Format.displayWidth("e\u{301}") == 1)
  }

  @Test("notes follow the table, wrapped at 80 columns when piped; not in CSV")
  func notes() {
    let long = Array(repeating: "word", count: 40).joined(separator: " ")
    let output = ViewOutput(
      table: TableData(columns: ["A"], rows: [[.text("a")]]), json: .null, emptyNote: "none",
      notes: [long])
    var table = ""
    output.render(.table, into: &table)
    #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(table.hasPrefix("A\n-\na\n\nword word"))
    var narrow = ""
    output.render(.table, width: 30, into: &narrow)
    #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 30 })
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

  @Test("figures: formatted to read, plain for CSV at the JSON's precision")
  func plain() {
    #expect(Measure.count(1_320_121).shown == "1,320,121")
    #expect(Measure.count(1_320_121).plain == "1320121")
    #expect(Measure.count(-5).plain == "-5")
    #expect(Measure.rate(0.212).shown == "21.2%")
    #expect(Measure.rate(0.212).plain == "21.20")
    #expect(Measure.rate(2756.0 / 1_320_121).plain == "0.21")
    #expect(Measure.rate(0.000_04).plain == "0.00")
    #expect(Measure.points(-0.036_73).shown == "-3.7 pp")
    #expect(Measure.points(-0.036_73).plain == "-3.67")
    #expect(Measure.pounds(3_758_013.52).shown == "£3,758,014")
    #expect(Measure.pounds(3_758_013.52).plain == "3758014")
    #expect(Measure.pounds(-2.5).plain == "-3")
  }
}
