import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

/// `exemplar.designated` before and after exemplars had ids of their own: old lines stay valid
/// and read, through `Upcaster`, as an exemplar of their one service, on every reading path.
@Suite("Exemplar designations: old and new shapes")
struct ExemplarSchemaTests {
  static let envelope =
    #""id":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","at":"2014-01-01T00:00:00Z","by":"p-1""#
  /// A line as written before `exemplar`, `title` and `note` existed.
  static let oldShape =
    #"{\#(envelope),"type":"exemplar.designated","data":{"service":"moj-money-claims","strategy":"moj-2012","due":"2015-03-31","on":"2012-12-20"}}"#
  static let newShape =
    #"{\#(envelope),"type":"exemplar.designated","data":{"service":"moj-money-claims","strategy":"moj-2012","due":"2015-03-31","on":"2012-12-20","exemplar":"civil-claims","title":"Civil claims","note":"Why"}}"#

  static func decoded(_ line: String) throws -> ExemplarDesignated? {
    let event = try EnvelopeDecoder().decode(JSONParser.parse(line), location: nil)
    guard case .exemplarDesignated(let payload) = event.event else { return nil }
    return payload
  }

  /// The line as the store's fast path reads it.
  static func fast(_ line: String) -> RecordedEvent? {
    var bytes = Array(line.utf8)
    return bytes.withUnsafeMutableBytes {
      FastLineDecoder.decode(
        UnsafeRawBufferPointer($0), location: EventLocation(file: "f.jsonl", line: 1))
    }
  }

  @Test("an old line reads as an exemplar of its one service, named by the service's id")
  func oldLine() throws {
    let payload = try #require(try Self.decoded(Self.oldShape))
    #expect(payload.exemplar.rawValue == "moj-money-claims")
    #expect(payload.title == nil && payload.note == nil)
    // Written back exactly as it was: the default is not spelled out.
    let event = try EnvelopeDecoder().decode(JSONParser.parse(Self.oldShape), location: nil)
    #expect(event.line == Self.oldShape)
    // The store's fast path reads it the same way.
    #expect(Self.fast(Self.oldShape)?.event == event.event)
  }

  @Test("a new line keeps its exemplar, title and note, and round-trips")
  func newLine() throws {
    let payload = try #require(try Self.decoded(Self.newShape))
    #expect(payload.exemplar.rawValue == "civil-claims")
    #expect(payload.title == "Civil claims")
    #expect(payload.note == "Why")
    let event = try EnvelopeDecoder().decode(JSONParser.parse(Self.newShape), location: nil)
    #expect(event.line == Self.newShape)
    #expect(Self.fast(Self.newShape)?.event == event.event)
  }

  @Test("the upcaster fills in only a missing or null exemplar")
  func upcaster() throws {
    func exemplar(_ data: String) throws -> JSONValue? {
      guard case .object(let members) = try JSONParser.parse(data) else { return nil }
      return try Upcaster.upcast(type: .exemplarDesignated, version: 1, data: members)
        .first { $0.key == "exemplar" }?.value
    }
    #expect(try exemplar(#"{"service":"s"}"#) == .string("s"))
    #expect(try exemplar(#"{"service":"s","exemplar":null}"#) == .string("s"))
    #expect(try exemplar(#"{"service":"s","exemplar":"e"}"#) == .string("e"))
    // Without a service there is nothing to default to; the payload decoder reports it.
    #expect(try exemplar(#"{"strategy":"x"}"#) == nil)
    // Other types are left alone.
    guard case .object(let members) = try JSONParser.parse(#"{"service":"s"}"#) else { return }
    #expect(try Upcaster.upcast(type: .phaseEntered, version: 1, data: members) == members)
  }

  @Test("a bad exemplar id is an error naming the field")
  func badExemplar() throws {
    let line = Self.newShape.replacingOccurrences(of: "civil-claims", with: "Civil Claims")
    let error = #expect(throws: EventError.self) {
      try EnvelopeDecoder().decode(JSONParser.parse(line), location: nil)
    }
    #expect(error?.field == "data.exemplar")
  }

  @Test("an explicit exemplar equal to the service's id is the old shape")
  func explicitDefault() throws {
    let line = Self.oldShape.replacingOccurrences(
      of: #""on":"2012-12-20"}"#, with: #""on":"2012-12-20","exemplar":"moj-money-claims"}"#)
    let event = try EnvelopeDecoder().decode(JSONParser.parse(line), location: nil)
    #expect(event.line == Self.oldShape)
  }

  @Test("a ledger of old and new lines counts the exemplars the later lines name")
  func mixedLedger() throws {
    let registered = ["moj-money-claims", "moj-possession-claims"].enumerated().map {
      index, id in
      #"{"id":"00000000-0000-4000-8000-00000000000\#(index + 1)","at":"2014-01-01T00:00:00Z","by":"p-1","type":"service.registered","data":{"service":"\#(id)","name":"\#(id)","organisation":"HMCTS"}}"#
    }
    let strategy =
      #"{"id":"00000000-0000-4000-8000-000000000009","at":"2014-01-01T00:00:00Z","by":"p-1","type":"strategy.published","data":{"strategy":"moj-2012","title":"S","published":"2012-12-20","themes":[{"number":1,"title":"T"}]}}"#
    func designation(_ number: Int, _ id: String, _ extra: String) -> String {
      #"{"id":"00000000-0000-4000-8000-00000000001\#(number)","at":"2014-01-02T00:00:00Z","by":"p-1","type":"exemplar.designated","data":{"service":"\#(id)","strategy":"moj-2012","due":"2015-03-31"\#(extra)}}"#
    }
    let lines =
      registered + [
        strategy, designation(1, "moj-money-claims", ""),
        designation(2, "moj-possession-claims", ""),
      ]
    let ledger = try TemporaryLedger(files: ["l.jsonl": lines.joined(separator: "\n") + "\n"])
    defer { ledger.remove() }
    func count() throws -> (exemplars: Int, services: Int) {
      let timeline = Timeline(try ledger.folder.readValid(), asOf: date("2015-03-31"))
      let progress = ExemplarProgress(
        asOf: timeline.asOf, catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline))
      return (progress.exemplars.count, progress.rows.count)
    }
    #expect(try count() == (2, 2))
    let later = [
      designation(3, "moj-money-claims", #","exemplar":"civil-claims","title":"Civil claims""#),
      designation(4, "moj-possession-claims", #","exemplar":"civil-claims""#),
    ]
    try ledger.write("l.jsonl", (lines + later).joined(separator: "\n") + "\n")
    #expect(try count() == (1, 2))
  }

  @Test("record exemplar.designated --help explains the new fields")
  func help() {
    let help = RecordCommand.extraHelp(ParsedArguments(positionals: ["exemplar.designated"]))
    #expect(help.contains("  exemplar   slug: the exemplar the service is part of"))
    #expect(help.contains("  title      text: the exemplar's name"))
    #expect(help.contains("  note       text: why the service stands for the exemplar"))
  }
}
