import Foundation
import Testing

@testable import ServiceLedger
@testable import ledger

@Suite("Event envelope and payloads")
struct EventCodecTests {
  static let everyTypeLines: [String] = {
    let text =
      (try? String(
        contentsOfFile: packageRoot + "/Tests/ServiceLedgerTests/Fixtures/every-type.jsonl",
        encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }()

  @Test("the fixture holds every event type of the catalogue")
  func fixtureCoversCatalogue() throws {
    let decoder = EnvelopeDecoder()
    let types = try Set(
      Self.everyTypeLines.map { try decoder.decode(JSONParser.parse($0), location: nil).type })
    #expect(types == Set(EventType.allCases))
  }

  @Test("every payload decodes and re-encodes to the same bytes", arguments: everyTypeLines)
  func roundTrip(line: String) throws {
    let event = try EnvelopeDecoder().decode(JSONParser.parse(line), location: nil)
    #expect(event.line == line)
  }

  @Test("the writer emits envelope keys in contract order and leaves out absent fields")
  func writerOrder() {
    let event = RecordedEvent(
      id: EventID(unchecked: "3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10"),
      at: Timestamp(seconds: 1_364_895_000), by: ActorID(unchecked: "p-0042"),
      event: .phaseEntered(
        PhaseEntered(
          service: service("moj-prison-visit-booking"), phase: .beta, on: date("2014-03-01"))))
    #expect(
      event.line
        == #"{"id":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","at":"2013-04-02T09:30:00Z","by":"p-0042","type":"phase.entered","data":{"service":"moj-prison-visit-booking","phase":"beta","on":"2014-03-01"}}"#
    )
  }

  static let envelope =
    #""id":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","at":"2014-01-01T00:00:00Z","by":"p-1""#

  /// (line, field named in the error, fragment of the message)
  static let invalid: [(String, String, String)] = [
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"s","phase":"betta","on":"2014-01-01"}}"#,
      "data.phase", "is not a phase; expected one of: discovery, alpha, beta, live, retired"
    ),
    (#"{\#(envelope),"type":"phase.entred","data":{}}"#, "type", "is not an event type"),
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"s","phase":"beta","on":"2014-01-01","colour":"red"}}"#,
      "data.colour", "phase.entered has no field 'colour'"
    ),
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"s","phase":"beta"}}"#, "data.on",
      "is required"
    ),
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"s","phase":"beta","on":"2014-02-30"}}"#,
      "data.on", "is not a real date"
    ),
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"Prison Visits","phase":"beta","on":"2014-02-03"}}"#,
      "data.service", "is not a slug"
    ),
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"s","phase":"beta","on":20140203}}"#,
      "data.on", "must be a string, not a number"
    ),
    (
      #"{\#(envelope),"type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":10,"digital":8,"phone":5}}"#,
      "data.total", "add up to 13, more than the total 10"
    ),
    (
      #"{\#(envelope),"type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":10,"digital":1,"assisted":1,"phone":1,"post":1,"faceToFace":1,"other":1}}"#,
      "data.total", "all six channels are given and add up to 6, not 10"
    ),
    (
      #"{\#(envelope),"type":"volume.reported","data":{"service":"s","from":"2014-04-01","to":"2014-03-31","total":10}}"#,
      "data.to", "is before from"
    ),
    (
      #"{\#(envelope),"type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":-1}}"#,
      "data.total", "is less than 0"
    ),
    (
      #"{\#(envelope),"type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":1.5}}"#,
      "data.total", "is not a whole number"
    ),
    (
      #"{\#(envelope),"type":"count.declared","data":{"plan":"p","of":"task","count":1e3}}"#,
      "data.count",
      "1e3 is a whole number written with a '.' or an exponent; write it in digits only: 1000"
    ),
    (
      #"{\#(envelope),"type":"count.declared","data":{"of":"task","count":3}}"#,
      "data.plan", "names neither plan (items of a plan) nor organisation (plans); give one"
    ),
    (
      #"{\#(envelope),"type":"count.declared","data":{"plan":"p","organisation":"o","of":"task","count":3}}"#,
      "data.plan", "give either plan (items of a plan) or organisation (plans), not both"
    ),
    (
      #"{\#(envelope),"type":"participation.held","data":{"plan":"p","kind":"meeting","on":"2014-01-01","participants":2.0}}"#,
      "data.participants", "write it in digits only: 2"
    ),
    (
      #"{\#(envelope),"type":"participation.held","data":{"plan":"p","kind":"meeting","on":"2014-01-01","participants":1e20}}"#,
      "data.participants", "1e20 is more than the largest count the ledger takes"
    ),
    (
      #"{\#(envelope),"type":"kpi.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","completionRate":1.2}}"#,
      "data.completionRate", "must be between 0 and 1"
    ),
    (
      #"{\#(envelope),"type":"target.set","data":{"plan":"p","item":"I","unit":"%","value":-5}}"#,
      "data.value", "-5 is less than 0; give a figure of 0 or more"
    ),
    (
      #"{\#(envelope),"type":"target.set","data":{"plan":"p","item":"I","unit":"%","value":5,"deadline":"2030-12-31","horizon":"2025-12-31"}}"#,
      "data.horizon", "2025-12-31 is before the deadline, 2030-12-31"
    ),
    (
      #"{\#(envelope),"type":"target.measured","data":{"plan":"p","item":"I","value":-0.5,"on":"2014-01-01"}}"#,
      "data.value", "-0.5 is less than 0; give a figure of 0 or more"
    ),
    (
      #"{\#(envelope),"type":"kpi.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31"}}"#,
      "data", "reports no KPI"
    ),
    (
      #"{\#(envelope),"type":"assisted-digital.provided","data":{"service":"s","on":"2014-01-01","routes":[]}}"#,
      "data.routes", "must not be empty"
    ),
    (
      #"{\#(envelope),"type":"assisted-digital.provided","data":{"service":"s","on":"2014-01-01","routes":["pigeon"]}}"#,
      "data.routes[0]", "is not a route"
    ),
    (
      #"{\#(envelope),"type":"phase.entered","data":{"service":"s","service":"t","phase":"beta","on":"2014-01-01"}}"#,
      "data.service", "appears twice"
    ),
    (
      #"{"id":"3F2B8C1E-6A4D-4E0B-9C55-0D6F2A9B7E10","at":"2014-01-01T00:00:00Z","by":"p-1","type":"event.retracted","data":{"event":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","reason":"x"}}"#,
      "id", "is not a lowercase UUID"
    ),
    (
      #"{"id":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","at":"2014-01-01 00:00:00","by":"p-1","type":"event.retracted","data":{"event":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","reason":"x"}}"#,
      "at", "is not an RFC 3339 UTC time"
    ),
    (
      #"{"id":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","at":"2014-01-01T00:00:00Z","by":"P 1","type":"event.retracted","data":{"event":"3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10","reason":"x"}}"#,
      "by", "is not an actor id"
    ),
    (
      #"{\#(envelope),"type":"event.retracted","colour":"red","data":{}}"#, "colour",
      "is not an envelope key"
    ),
    (
      #"{\#(envelope),"type":"phase.entered","v":2,"data":{"service":"s","phase":"beta","on":"2014-01-01"}}"#,
      "v", "written by a newer ledger tool"
    ),
    (
      #"{\#(envelope),"type":"service.updated","data":{"service":"s","on":"2014-01-01"}}"#,
      "data", "changes nothing"
    ),
    (
      #"{\#(envelope),"type":"service.registered","data":{"service":"s","name":"","organisation":"OPG","on":"2014-01-01"}}"#,
      "data.name", "is empty; it is required"
    ),
    (
      #"{\#(envelope),"type":"action.defined","data":{"strategy":"s","action":1,"theme":1,"title":"  "}}"#,
      "data.title", "is only white space or invisible characters; it is required"
    ),
    (
      #"{\#(envelope),"type":"service.registered","data":{"service":"s","name":"\u200b\u00ad","organisation":"OPG","on":"2014-01-01"}}"#,
      "data.name", "is only white space or invisible characters; it is required"
    ),
    (
      // In the writer's layout, which the replay decodes by matching it.
      #"{\#(envelope),"type":"volume.reported","data":{"service":"s","from":"2014-01-01","to":"2014-03-31","total":10,"label":"  "}}"#,
      "data.label", "is only white space or invisible characters; leave it out"
    ),
    (
      #"{\#(envelope),"type":"action.defined","data":{"strategy":"s","action":1,"theme":1,"title":"t","relates":["GDS 1","\t"]}}"#,
      "data.relates[1]", "is only white space or invisible characters; leave it out of the list"
    ),
  ]

  @Test("each invalid value is an error naming the field", arguments: invalid)
  func invalidValues(line: String, field: String, fragment: String) throws {
    let value = try JSONParser.parse(line)
    let error = #expect(throws: EventError.self) {
      try EnvelopeDecoder().decode(value, location: nil)
    }
    #expect(error?.field == field)
    #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    // The replay's fast decoder steps aside for it, so the reference decoder reports it.
    let decoded = Array(line.utf8).withUnsafeBytes {
      FastLineDecoder.decode($0, location: EventLocation(file: "a.jsonl", line: 1))
    }
    #expect(decoded == nil)
  }

  @Test("a volume report's channels: each given or not, a zero given unlike one left out")
  func channels() {
    var report = VolumeReported(
      service: service("a"), from: date("2014-01-01"), to: date("2014-03-31"), total: 10)
    #expect(report.channels == [nil, nil, nil, nil, nil, nil])
    report.digital = 4
    report.other = 0
    report.phone = 6
    #expect(report.channels == [4, nil, 6, nil, nil, 0])
    report.phone = nil
    #expect(report.channels == [4, nil, nil, nil, nil, 0])
    let same = VolumeReported(
      service: service("a"), from: date("2014-01-01"), to: date("2014-03-31"), total: 10,
      digital: 4, other: 0)
    #expect(report == same, "a channel set, then cleared, is as if never given")
    var without = same
    without.other = nil
    #expect(without != same, "a zero given differs from a channel left out")
  }

  @Test("an explicit v 1 is the current version")
  func versionOne() throws {
    let line =
      #"{\#(Self.envelope),"type":"phase.entered","v":1,"data":{"service":"s","phase":"beta","on":"2014-01-01"}}"#
    let event = try EnvelopeDecoder().decode(JSONParser.parse(line), location: nil)
    #expect(
      event.event
        == .phaseEntered(PhaseEntered(service: service("s"), phase: .beta, on: date("2014-01-01"))))
  }

  @Test("text in the log must be NFC; input to append is normalised")
  func normalisation() throws {
    let decomposed = "Cafe\u{301}"  // e + combining acute
    let line =
      #"{\#(Self.envelope),"type":"service.registered","data":{"service":"s","name":"\#(decomposed)","organisation":"OPG"}}"#
    let value = try JSONParser.parse(line)
    #expect(throws: EventError.self) { try EnvelopeDecoder().decode(value, location: nil) }
    let defaults = EnvelopeDecoder.Defaults(
      id: { EventID(unchecked: "3f2b8c1e-6a4d-4e0b-9c55-0d6f2a9b7e10") }, at: Timestamp(seconds: 0),
      by: ActorID(unchecked: "p-1"))
    let event = try EnvelopeDecoder(defaults: defaults).decode(value, location: nil)
    guard case .serviceRegistered(let payload) = event.event else {
      Issue.record("wrong type")
      return
    }
    #expect(Array(payload.name.utf8) == Array("Caf\u{e9}".utf8))
  }

  @Test("record TYPE --help lists every field of every type")
  func fieldHelp() {
    for type in EventType.allCases {
      let help = RecordCommand.extraHelp(ParsedArguments(positionals: [type.rawValue]))
      for field in type.fields {
        #expect(help.contains("  " + field.name + (field.isRequired ? "*" : "")))
      }
    }
  }
}
