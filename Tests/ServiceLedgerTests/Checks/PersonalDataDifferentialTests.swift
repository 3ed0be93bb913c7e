import Foundation
import Testing

@testable import ServiceLedger

/// The `personal-data` scan against the rule as first written (every string of every payload
/// listed with its path, then matched by the patterns, with no byte-level screening), kept
/// here as the reference: the same findings, in the same order, on hostile and generated text.
@Suite("Personal data scan agrees with the reference")
struct PersonalDataDifferentialTests {
  /// Pieces hostile text is made of: titles and near-titles, e-mail shapes, dots, digits,
  /// combining marks after the letters the screening looks for, a Kelvin sign, word joiners.
  static let pieces = [
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Dr.", "M", "D", "r", "s", "i", "x", " ", "  ",
    "Smith", "smith", "Jones", "O'Brien", "jane", "alex example", "Alex Example", "@", ".",
    "gov.uk", "a@b", "x@y.z", "help@justice.gov.uk", "-", "_", "%", "+", "3", "0042", "p-",
    "é", "e\u{301}", "M\u{301}", "r\u{301}", "D\u{308}", "\u{212A}", "\u{200D}", "ß", "İ",
    "\u{1F600}", "\n", "\t", ",", ":", "'", "Drive", "Mrsmith", "MR", "mr", "Mrs Smith",
    "Dr. Jones", " Jones", "Mx Alex", "a.Mr Smith", "3Mr Smith", "_Dr Who",
  ]

  static func text(_ random: inout SplitMix64) -> String {
    (0..<random.below(9)).map { _ in random.pick(pieces) }.joined()
  }

  static func events(count: Int, seed: UInt64) -> [RecordedEvent] {
    var random = SplitMix64(seed: seed)
    var factory = EventFactory()
    var events: [RecordedEvent] = []
    for _ in 0..<count {
      let by = random.below(3) == 0 ? text(&random) : random.pick(["p-0001", "jane.smith", "a.b"])
      let event: Event
      switch random.below(4) {
      case 0:
        event = .serviceRegistered(
          ServiceRegistered(
            service: service("moj-a"), name: text(&random), organisation: text(&random),
            description: text(&random)))
      case 1:
        event = .managerAppointed(
          ManagerAppointed(
            service: service("moj-a"), person: PersonID(unchecked: text(&random)),
            on: date("2014-01-01")))
      case 2:
        // A volume report's label and source, mostly repeated: the scan remembers the last
        // clean one of each, and must still report every dirty one.
        var report = VolumeReported(
          service: service("moj-a"), from: date("2014-01-01"), to: date("2014-03-31"), total: 1)
        report.label = random.below(2) == 0 ? text(&random) : random.pick(["Q1", "Mrs Smith"])
        report.source = random.pick(["synthetic", "a@b.co", "Dr Jones", "synthetic"])
        event = .volumeReported(report)
      default:
        event = .assistedDigitalProvided(
          AssistedDigitalProvided(
            service: service("moj-a"), on: date("2014-01-01"), routes: [.phone],
            provider: text(&random), note: text(&random)))
      }
      events.append(factory.make(event, by: by))
    }
    return events
  }

  static func scan(_ events: [RecordedEvent], names: [String]) -> [Finding] {
    var scan = PersonalDataScan(names: names)
    for event in events { scan.add(event) }
    return scan.findings
  }

  @Test("hostile text: the same findings as the reference", arguments: [1, 2, 3] as [UInt64])
  func hostile(seed: UInt64) {
    let events = Self.events(count: 3000, seed: seed)
    for names in [[], ["Alex Example", "jo", "ÉLODIE"]] {
      let found = Self.scan(events, names: names)
      let expected = Reference.findings(events, names: names)
      #expect(found == expected)
      #expect(found.count > 100, "the inputs reach the rule")
    }
  }

  @Test("hostile text: each recogniser agrees with its reference")
  func recognisers() {
    var random = SplitMix64(seed: 7)
    var titled = 0
    for _ in 0..<10_000 {
      let text = Self.text(&random)
      #expect(PersonalText.emailAddress(in: text) == Reference.emailAddress(in: text), "\(text)")
      #expect(PersonalText.isDottedName(text) == Reference.isDottedName(text), "\(text)")
      let name = PersonalText.name(in: text, known: [])
      #expect(name == Reference.name(in: text, known: []), "\(text)")
      if name != nil { titled += 1 }
    }
    #expect(titled > 100)
  }

  @Test("the shipped, illustrative and a generated ledger: the same findings")
  func ledgers() throws {
    var generated: [RecordedEvent] = []
    SyntheticLedger(services: 60, events: 5000, seed: 5).generate { event, _ in
      generated.append(event)
    }
    let shipped = try LedgerFolder(path: packageRoot + "/events").read().events
    let illustrative = try LedgerFolder(path: packageRoot + "/examples/illustrative").read().events
    for events in [generated, shipped, illustrative] {
      #expect(!events.isEmpty)
      #expect(Self.scan(events, names: []) == Reference.findings(events, names: []))
    }
  }
}

/// The rule as first written.
private enum Reference {
  static func findings(_ events: [RecordedEvent], names: [String]) -> [Finding] {
    let names = names.map { $0.lowercased() }.filter { $0.count >= 3 }
    var findings: [Finding] = []
    for event in events {
      func warn(_ field: String, _ what: String) {
        findings.append(
          Finding(
            rule: "personal-data", severity: .warning, service: event.event.service,
            message: "\(field) holds \(what); keep people as ids such as p-0042 and names "
              + "in people.json, and record a correction (event.retracted)",
            file: event.location?.file, line: event.location?.line))
      }
      if let email = emailAddress(in: event.by.rawValue) {
        warn("by", "what looks like an e-mail address (\(PersonalText.masked(email)))")
      } else if isDottedName(event.by.rawValue) {
        warn("by", "what looks like a person's name (\(PersonalText.masked(event.by.rawValue)))")
      }
      let freeText = Set(
        event.type.fields.filter { $0.kind == .text || $0.kind == .textList }.map(\.name))
      for (path, key, text) in strings(in: event.event.data, path: "data") {
        if let email = emailAddress(in: text) {
          warn(path, "what looks like an e-mail address (\(PersonalText.masked(email)))")
        } else if key == "person", !text.contains(where: \.isNumber) {
          warn(path, "an id that looks like a person's name (\(PersonalText.masked(text)))")
        } else if freeText.contains(key), let name = name(in: text, known: names) {
          warn(path, "what looks like a person's name (\(PersonalText.masked(name)))")
        }
      }
    }
    return findings
  }

  static func strings(in value: JSONValue, path: String, key: String = "")
    -> [(path: String, key: String, text: String)]
  {
    switch value {
    case .string(let text): return [(path, key, text)]
    case .array(let items):
      return items.enumerated().flatMap { index, item in
        strings(in: item, path: "\(path)[\(index)]", key: key)
      }
    case .object(let members):
      return members.flatMap { member in
        strings(in: member.value, path: "\(path).\(member.key)", key: member.key)
      }
    case .null, .bool, .number: return []
    }
  }

  static func emailAddress(in text: String) -> String? {
    guard text.contains("@") else { return nil }
    let pattern = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/#
    return text.firstMatch(of: pattern).map { String($0.output.0) }
  }

  static func isDottedName(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { part in
        part.count >= 2 && part.allSatisfy { $0 >= "a" && $0 <= "z" }
      }
  }

  static func name(in text: String, known: [String]) -> String? {
    let lowered = text.lowercased()
    if let name = known.first(where: { lowered.contains($0) }) { return name }
    let titled = #/\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+/#
    return text.firstMatch(of: titled).map { String($0.output.0) }
  }
}
