import Foundation
import Testing

@testable import ServiceLedger

/// `docs/ledger-format.md` is the ledger's contract for users. These tests enumerate what the
/// code knows (event types and their fields, check rules, priorities) from its own tables, so
/// adding one without documenting it fails.
@Suite("docs/ledger-format.md documents what the code knows")
struct LedgerFormatDocTests {
  static func document() throws -> String {
    try String(contentsOfFile: packageRoot + "/docs/ledger-format.md", encoding: .utf8)
  }

  /// The text under the heading `### `name``, up to the next heading of that level.
  static func section(_ name: String, in document: String) -> String? {
    let heading = "\n### `\(name)`\n"
    guard let start = document.range(of: heading) else { return nil }
    let rest = document[start.upperBound...]
    let end = rest.range(of: "\n### ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// The table row of `name` in `text`: the line that starts `| `name``.
  static func row(_ name: String, in text: String) -> String? {
    text.split(separator: "\n").first { $0.hasPrefix("| `\(name)`") }.map(String.init)
  }

  @Test("every event type has its own section", arguments: EventType.allCases)
  func eventType(_ type: EventType) throws {
    let document = try Self.document()
    #expect(Self.section(type.rawValue, in: document) != nil, "no ### `\(type.rawValue)`")
  }

  @Test(
    "every field of every event type is in its section, marked * when required",
    arguments: EventType.allCases)
  func fields(_ type: EventType) throws {
    let section = try #require(Self.section(type.rawValue, in: try Self.document()))
    for field in type.fields {
      let marker = field.isRequired ? "*" : ""
      let row = Self.row(field.name, in: section)
      #expect(
        row?.hasPrefix("| `\(field.name)`\(marker) |") == true,
        "\(type.rawValue): field \(field.name)\(marker) is not documented as such")
      let words: [String]
      switch field.kind {
      case .choice(let list), .choiceList(let list): words = list
      default: words = []
      }
      for word in words {
        #expect(
          row?.contains("`\(word)`") == true, "\(type.rawValue).\(field.name): `\(word)` missing")
      }
    }
  }

  @Test("every check rule is in a table with its severity", arguments: CheckRule.allCases)
  func rule(_ rule: CheckRule) throws {
    let row = Self.row(rule.rawValue, in: try Self.document())
    #expect(
      row?.hasPrefix("| `\(rule.rawValue)` | \(rule.severity.rawValue) |") == true,
      "no row | `\(rule.rawValue)` | \(rule.severity.rawValue) |")
  }

  @Test("the envelope's keys and the priority classes are documented")
  func envelopeAndPriorities() throws {
    let document = try Self.document()
    for key in EnvelopeDecoder.keys.sorted() {
      #expect(Self.row(key, in: document) != nil, "envelope key \(key)")
    }
    let classes = try #require(document.range(of: "\n### Priority classes\n"))
    let table = String(document[classes.upperBound...].prefix { $0 != "#" })
    for priority in Priority.allCases {
      #expect(Self.row(priority.rawValue, in: table) != nil, "priority \(priority.rawValue)")
    }
  }

  @Test("the number of event types stated is the number the code has")
  func typeCount() throws {
    let document = try Self.document()
    #expect(document.contains("\n\(EventType.allCases.count) types, in "))
  }
}
