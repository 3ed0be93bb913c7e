import Foundation
import Testing

@testable import ServiceLedger

/// Every view's `--format csv` on the shipped ledger, read back with a strict RFC 4180 reader
/// and compared with the same view's JSON, figure by figure.
@Suite("CSV is data: every view parses, figures plain and equal to the JSON's")
struct ViewCSVTests {
  /// How a CSV column compares with a JSON member: the member's path within one row's object,
  /// and the factor from the JSON's unit to the CSV's (100 for a rate shown as a percentage).
  struct Figure: Sendable, CustomStringConvertible {
    var field: String
    var path: [String]
    var scale: Double = 1
    var description: String { field }
  }

  /// A view, the JSON array its rows come from, and the figures to compare.
  struct Case: Sendable, CustomStringConvertible {
    var view: String
    var rows: [String]
    var key: (csv: String, json: String)
    var figures: [Figure]
    var description: String { view }
  }

  static let cases: [Case] = [
    Case(view: "services", rows: ["services"], key: ("service", "service"), figures: []),
    Case(
      view: "priorities", rows: ["services"], key: ("service", "service"),
      figures: [
        Figure(field: "annual_volume", path: ["annualVolume"]),
        Figure(field: "digital_take_up_percent", path: ["digitalTakeUp"], scale: 100),
      ]),
    Case(
      view: "channel-shift", rows: ["services"], key: ("service", "service"),
      figures: [
        Figure(field: "annual_volume", path: ["annualVolume"]),
        Figure(field: "digital_take_up_percent", path: ["digitalTakeUp"], scale: 100),
        Figure(field: "quarter_take_up_percent", path: ["quarterTakeUp"], scale: 100),
        Figure(field: "quarter_change_pp", path: ["quarterChange"], scale: 100),
        Figure(field: "annual_cost_gbp", path: ["cost"]),
        Figure(field: "annual_cost_digital_gbp", path: ["costByChannel", "digital"]),
        Figure(field: "annual_cost_phone_gbp", path: ["costByChannel", "phone"]),
        Figure(field: "annual_cost_face_to_face_gbp", path: ["costByChannel", "faceToFace"]),
        Figure(field: "annual_saving_gbp", path: ["saving"]),
      ]),
    Case(
      view: "assisted-digital", rows: ["services"], key: ("service", "service"),
      figures: [
        Figure(field: "annual_volume", path: ["annualVolume"]),
        Figure(field: "digital_take_up_percent", path: ["digitalTakeUp"], scale: 100),
        Figure(field: "annual_expected_need", path: ["expectedNeed"]),
        Figure(field: "annual_reported_assisted", path: ["reportedAssisted"]),
      ]),
    Case(view: "managers", rows: ["services"], key: ("service", "service"), figures: []),
    Case(
      view: "exemplars", rows: ["exemplars", "services"], key: ("service", "service"),
      figures: [
        Figure(field: "days_to_due", path: ["daysToDue"]),
        Figure(field: "latest_report_take_up_percent", path: ["takeUp"], scale: 100),
        Figure(field: "change_from_previous_pp", path: ["changeFromPrevious"], scale: 100),
      ]),
    Case(
      view: "actions", rows: ["strategies", "themes", "actions"], key: ("title", "title"),
      figures: [Figure(field: "action", path: ["action"])]),
    Case(view: "log", rows: ["events"], key: ("type", "type"), figures: []),
  ]

  /// The objects of the array at `path`, arrays along the way flattened.
  static func objects(_ value: Any, _ path: ArraySlice<String>) -> [[String: Any]] {
    guard let key = path.first else { return (value as? [String: Any]).map { [$0] } ?? [] }
    if let array = value as? [Any] { return array.flatMap { objects($0, path) } }
    guard let object = value as? [String: Any], let next = object[key] else { return [] }
    if path.count == 1 { return (next as? [Any])?.compactMap { $0 as? [String: Any] } ?? [] }
    return objects(next, path.dropFirst())
  }

  static func member(_ object: [String: Any], _ path: [String]) -> Any? {
    var value: Any? = object
    for key in path { value = (value as? [String: Any])?[key] }
    return value
  }

  @Test(
    "the CSV parses, has one header of snake_case names, and its figures equal the JSON's",
    arguments: cases)
  func matchesJSON(_ test: Case) throws {
    let ledger = packageRoot + "/events"
    let asOf = ["--as-of", "2015-03-31"]
    let csv = CLI.run([test.view, "--format", "csv"] + asOf, ledger: ledger)
    let json = CLI.run([test.view, "--format", "json"] + asOf, ledger: ledger)
    #expect(csv.exitCode == 0 && json.exitCode == 0)
    let records = try CSVReader.records(csv.stdout)
    let header = try #require(records.first).fields
    #expect(header.allSatisfy { $0.wholeMatch(of: #/[a-z][a-z0-9]*(_[a-z0-9]+)*/#) != nil })
    #expect(Set(header).count == header.count)
    let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
    #expect(records.dropFirst().allSatisfy { $0.fields.count == header.count })
    #expect(!csv.stdout.contains("…"), "nothing is shortened")
    #expect(!rows.contains { $0.values.contains("-") }, "missing values are empty, not -")

    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
    let objects = Self.objects(parsed, test.rows[...])
    #expect(rows.count == objects.count)
    var compared = 0
    for (row, object) in zip(rows, objects) {
      #expect(row[test.key.csv] == object[test.key.json] as? String)
      for figure in test.figures {
        let text = try #require(row[figure.field], "no column \(figure.field)")
        let value = Self.member(object, figure.path)
        guard let number = value as? NSNumber else {
          #expect(text.isEmpty, "\(figure): \(text) where the JSON has null")
          continue
        }
        #expect(text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }, "\(figure): \(text)")
        let csvValue = try #require(Double(text), "\(figure): \(text)")
        #expect(abs(csvValue - number.doubleValue * figure.scale) < 1e-9, "\(figure): \(text)")
        compared += 1
      }
    }
    if !test.figures.isEmpty { #expect(compared > 0, "no figure compared") }
  }

  @Test("a figure's CSV name ends with its unit: _percent, _pp or _gbp")
  func units() throws {
    let ledger = try LedgerFolder(path: packageRoot + "/events").read()
    let snapshot = BoardSnapshot(ledger, asOf: date("2015-03-31"), knownAt: nil)
    let tables = [
      PrioritiesView.output(snapshot.priorities).table,
      ChannelShiftView.output(snapshot.shift).table,
      AssistedDigitalView.output(snapshot.coverage).table,
      ExemplarsView.output(snapshot.exemplars).table,
      ActionsView.output(snapshot.progress).table,
      ManagersView.output(snapshot.roster, people: PeopleFile()).table,
      ServicesView.output(snapshot.catalogue, asOf: snapshot.asOf).table,
      LogView.output(
        ledger.events.reduce(into: LogView.Gathered(filter: LogView.Filter())) { $0.observe($1) }
      ).table,
    ]
    let suffixes = ["_percent", "_pp", "_gbp"]
    for table in tables {
      #expect(table.fields.count == table.columns.count)
      for (index, field) in table.fields.enumerated() {
        let measures = table.rows.compactMap { row -> Measure? in
          if case .measure(let measure) = row[index] { return measure }
          return nil
        }
        let suffix = measures.first?.unitSuffix
        #expect(measures.allSatisfy { $0.unitSuffix == suffix }, "\(field)")
        if let suffix {
          #expect(field.hasSuffix(suffix), "\(field) holds \(suffix) figures")
        } else {
          #expect(!suffixes.contains { field.hasSuffix($0) }, "\(field)")
        }
        // A view's figures are measures, never preformatted text.
        #expect(!table.rows.contains { if case .number = $0[index] { true } else { false } })
      }
    }
  }

  @Test("the log's CSV keeps every event's detail whole")
  func logWhole() throws {
    let run = CLI.run(["log", "--format", "csv"], ledger: packageRoot + "/events")
    let records = try CSVReader.records(run.stdout).dropFirst()
    let ledger = try LedgerFolder(path: packageRoot + "/events").read()
    #expect(records.count == ledger.events.count)
    let longest = records.map { $0.fields[4].count }.max() ?? 0
    #expect(longest > 72)
    #expect(records.allSatisfy { !$0.fields[4].hasSuffix("…") })
  }
}

extension Measure {
  /// The unit a CSV header ends with for this kind of figure (`_percent`, `_pp`, `_gbp`), or
  /// nil for a count, whose header says what it counts.
  fileprivate var unitSuffix: String? {
    switch self {
    case .count: return nil
    case .rate: return "_percent"
    case .points: return "_pp"
    case .pounds: return "_gbp"
    }
  }
}
