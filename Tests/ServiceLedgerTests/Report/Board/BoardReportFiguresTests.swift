import Foundation
import Testing

@testable import ServiceLedger

/// The figures of the 2015-Q1 board report of the shipped ledger, read from its JSON as a
/// consumer would: one name and one window mean one value, and costs use what is recorded.
@Suite("Board report: one figure per name and window, recorded costs first")
struct BoardReportFiguresTests {
  /// The report's JSON, parsed with Foundation.
  static func reportJSON() throws -> [String: Any] {
    let run = CLI.run(
      ["report", "--quarter", "2015-Q1", "--format", "json"], ledger: packageRoot + "/events")
    #expect(run.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  /// A take-up value found in the report: where, for which service, over which window.
  struct Sighting: Hashable {
    var service: String
    var from: String
    var to: String
    var value: Double
    var path: String
  }

  /// The keys a take-up figure of one service may have, with the keys of its window.
  static let windows = [
    "digitalTakeUp": ("from", "to"), "quarterTakeUp": ("quarterFrom", "quarterTo"),
    "takeUp": ("from", "to"),
  ]

  /// Every take-up figure under an object that names a service, walking the whole document.
  static func sightings(
    _ value: Any, service: String?, path: String, into found: inout [Sighting],
    unknown: inout [String]
  ) {
    if let array = value as? [Any] {
      for (index, element) in array.enumerated() {
        sightings(
          element, service: service, path: "\(path)[\(index)]", into: &found, unknown: &unknown)
      }
      return
    }
    guard let object = value as? [String: Any] else { return }
    let owner = (object["service"] as? String) ?? service
    for (key, element) in object {
      if let owner, key.lowercased().contains("takeup"), !(element is NSNull) {
        if let (fromKey, toKey) = windows[key], let number = element as? Double,
          let from = object[fromKey] as? String, let to = object[toKey] as? String
        {
          found.append(
            Sighting(service: owner, from: from, to: to, value: number, path: "\(path).\(key)"))
        } else {
          unknown.append("\(path).\(key) (\(owner))")
        }
      }
      sightings(element, service: owner, path: "\(path).\(key)", into: &found, unknown: &unknown)
    }
  }

  @Test("a take-up figure of a service over one window has one value wherever it appears")
  func oneValuePerWindow() throws {
    let json = try Self.reportJSON()
    var found: [Sighting] = []
    var unknown: [String] = []
    Self.sightings(json, service: nil, path: "$", into: &found, unknown: &unknown)
    // Every take-up of a service states its window beside it.
    #expect(unknown.isEmpty, "take-up without a window: \(unknown)")
    let byWindow = Dictionary(grouping: found) { "\($0.service) \($0.from)…\($0.to)" }
    for (window, sightings) in byWindow {
      #expect(
        Set(sightings.map(\.value)).count == 1,
        "\(window): \(sightings.map { "\($0.path)=\($0.value)" })")
    }
    // Prison visits: 21.2% over the 12 months to 2015-03-31, 36.3% in its last quarter, in
    // every section that shows them.
    let visits = found.filter { $0.service == "moj-prison-visit-booking" }
    #expect(
      Set(visits.filter { $0.from == "2014-04-01" && $0.to == "2015-03-31" }.map(\.value))
        == [0.212])
    #expect(
      Set(visits.filter { $0.from == "2015-01-01" && $0.to == "2015-03-31" }.map(\.value))
        == [0.3631])
    #expect(visits.filter { $0.path.hasSuffix("digitalTakeUp") }.count >= 4)
  }

  /// `ledger VIEW --as-of 2015-03-31 --format json` of the shipped ledger, parsed.
  static func viewJSON(_ view: String) throws -> [String: Any] {
    let run = CLI.run(
      [view, "--as-of", "2015-03-31", "--format", "json"], ledger: packageRoot + "/events")
    #expect(run.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  @Test("priorities, channel-shift and the report give each service the same 12-month figures")
  func sameFiguresInEveryView() throws {
    let keys = ["annualVolume", "from", "to", "digitalTakeUp"]
    func byService(_ rows: Any?) -> [String: [String: String]] {
      var out: [String: [String: String]] = [:]
      for case let row as [String: Any] in rows as? [Any] ?? [] {
        guard let id = row["service"] as? String else { continue }
        out[id] = Dictionary(uniqueKeysWithValues: keys.map { ($0, "\(row[$0] ?? "absent")") })
      }
      return out
    }
    let priorities = byService(try Self.viewJSON("priorities")["services"])
    let shift = try Self.viewJSON("channel-shift")
    let shiftRows = byService(shift["services"])
    let report = try Self.reportJSON()
    let reportShift = try #require(report["channelShift"] as? [String: Any])
    #expect(priorities.count == 26)
    for (id, figures) in shiftRows { #expect(priorities[id] == figures, "\(id)") }
    for (id, figures) in byService(report["priorityServices"]) {
      #expect(priorities[id] == figures, "\(id)")
    }
    for (id, figures) in byService(reportShift["services"]) {
      #expect(priorities[id] == figures, "\(id)")
    }
    // The cost and saving are the same in the view and the report.
    let viewPortfolio = try #require(shift["portfolio"] as? [String: Any])
    let reportPortfolio = try #require(reportShift["portfolio"] as? [String: Any])
    for key in ["cost", "saving", "staleCost", "digitalTransactions"] {
      #expect(viewPortfolio[key] as? Int == reportPortfolio[key] as? Int, "\(key)")
    }
  }

  @Test("Lasting Power of Attorney is costed at its recorded £110 a transaction")
  func recordedCost() throws {
    let json = try Self.reportJSON()
    let shift = try #require(json["channelShift"] as? [String: Any])
    let services = try #require(shift["services"] as? [[String: Any]])
    let lpa = try #require(
      services.first { $0["service"] as? String == "moj-lasting-power-of-attorney-applications" })
    let basis = try #require(lpa["costBasis"] as? [String: Any])
    #expect(basis["basis"] as? String == "recorded")
    #expect(basis["costPerTransaction"] as? Double == 110)
    #expect(basis["to"] as? String == "2014-09-30")
    #expect(basis["stale"] as? Bool == true)
    // 376,334 transactions a year at £110.
    #expect(lpa["cost"] as? Int == 41_396_740)
    #expect(lpa["annualVolume"] as? Int == 376_334)
    // A service with no recorded cost says it used the benchmark.
    let fines = try #require(
      services.first { $0["service"] as? String == "moj-court-fine-payments" })
    #expect((fines["costBasis"] as? [String: Any])?["basis"] as? String == "benchmark")
    #expect(fines["stale"] as? Bool == true)
  }

  @Test("the headline says the digital count, the total and the coverage, and what is stale")
  func headline() throws {
    let json = try Self.reportJSON()
    let summary = try #require(json["summary"] as? [String])
    let text = summary.joined(separator: "\n")
    #expect(
      text.contains(
        "12-month take-up is 36.2%: 1,667,873 of the 4,611,418 transactions a year of the 6 "
          + "services with a 12-month digital figure were digital"))
    #expect(text.contains("Those 6 services handle 56.0% of the 8,232,682 transactions a year"))
    #expect(
      text.contains(
        "Legal aid in criminal cases: acts of assistance for lower claims carries 66.8% of those "
          + "digital transactions"))
    #expect(text.contains("without it, 12-month take-up is 15.9%"))
    #expect(
      text.contains(
        "Applications for Lasting Power of Attorney carries 78.4% of that cost: £41,396,740 a "
          + "year, unit costs recorded £110.00 a transaction (12 months to 2014-09-30, stale)."))
    // Court fines' volume and the recorded costs to 2014-09-30 are stale at 2015-03-31.
    #expect(text.contains("£52,534,318 of that cost (99.5%)"))
    #expect(text.contains("Court fines: payments (volume to 2014-09-30)"))
    let headlines = try #require(
      (json["headlines"] as? [String: Any])?["current"] as? [String: Any])
    #expect(headlines["digitalTransactions"] as? Int == 1_667_873)
    #expect(headlines["takeUpTransactions"] as? Int == 4_611_418)
    #expect(headlines["transactions"] as? Int == 8_232_682)
  }
}
