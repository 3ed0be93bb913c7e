import Testing

@testable import ServiceLedger

/// A retraction frees the period of the short volume report it withdraws, for the reports that
/// come after it: the validator, told beforehand which ids retractions name, must judge every
/// report and retraction as the rule over plain reports in force does.
@Suite("A retraction frees a short report's period")
struct RetractableReportsTests {
  /// The rule over the reports in force, kept one by one and searched in full: the reference.
  struct Reference {
    var inForce: [EventID: (from: Int, to: Int)] = [:]
    var accepted: Set<EventID> = []
    var retracted: Set<EventID> = []
    var retractions: Set<EventID> = []
    /// The periods of retracted short reports, and how many reports accepted overlap one:
    /// those the rule without retractions would have refused.
    var withdrawn: [(from: Int, to: Int)] = []
    var freed = 0

    mutating func report(_ id: EventID, _ from: CivilDate, _ to: CivilDate) -> Bool {
      let (start, end) = (from.dayNumber, to.dayNumber)
      if end - start + 1 < 365 {
        for range in inForce.values
        where !(range.from == start && range.to == end) && range.from <= end && start <= range.to {
          return false
        }
        inForce[id] = (start, end)
        if withdrawn.contains(where: {
          !($0.from == start && $0.to == end) && $0.from <= end && start <= $0.to
        }) {
          freed += 1
        }
      }
      accepted.insert(id)
      return true
    }

    mutating func retract(_ id: EventID, _ target: EventID) -> Bool {
      guard accepted.contains(target), !retracted.contains(target), !retractions.contains(target)
      else { return false }
      retracted.insert(target)
      retractions.insert(id)
      accepted.insert(id)
      if let range = inForce.removeValue(forKey: target) { withdrawn.append(range) }
      return true
    }
  }

  static let s = service("s")

  /// `validator` saved and loaded, as the replay cache does.
  static func reloaded(_ validator: ReferenceValidator) throws -> ReferenceValidator {
    var out = BinaryWriter()
    validator.writeSnapshot(to: &out)
    return try #require(ReferenceValidator(snapshot: out.bytes))
  }

  @Test("random reports, restatements and retractions, saved and loaded at random points")
  func differential() throws {
    var random = SplitMix64(seed: 2016)
    let base = date("2014-01-01")
    var freed = 0
    var refused = 0
    for round in 0..<150 {
      var factory = EventFactory()
      var events = [
        factory.make(
          .serviceRegistered(
            ServiceRegistered(
              service: Self.s, name: "S", organisation: "X")))
      ]
      var reports: [EventID] = []
      for _ in 0..<(10 + random.index(50)) {
        if !reports.isEmpty, random.index(4) == 0 {
          let target = random.pick(reports)
          events.append(factory.make(.eventRetracted(EventRetracted(event: target, reason: "x"))))
        } else {
          var (from, to) = ShortReportsTests.report(&random, from: base)
          if random.index(12) == 0 { to = from.adding(days: 365 + random.index(30)) }
          // Often the period of an earlier report again: a restatement.
          if random.index(3) == 0, let earlier = events.last(where: { _ in random.index(3) == 0 }),
            case .volumeReported(let report) = earlier.event
          {
            (from, to) = (report.from, report.to)
          }
          let event = factory.make(
            .volumeReported(VolumeReported(service: Self.s, from: from, to: to, total: 1)))
          reports.append(event.id)
          events.append(event)
        }
      }
      var named: Set<EventID> = []
      for event in events {
        if case .eventRetracted(let retraction) = event.event { named.insert(retraction.event) }
      }
      var validator = ReferenceValidator()
      validator.watch(named)
      var reference = Reference()
      for (step, event) in events.enumerated() {
        let got = (try? validator.validate(event)) != nil
        let expected: Bool
        switch event.event {
        case .volumeReported(let report):
          expected = reference.report(event.id, report.from, report.to)
        case .eventRetracted(let retraction):
          expected = reference.retract(event.id, retraction.event)
        default: expected = true
        }
        #expect(got == expected, "round \(round), step \(step): \(event.event)")
        if got != expected { return }
        if !got { refused += 1 }
        if random.index(9) == 0 { validator = try Self.reloaded(validator) }
      }
      freed += reference.freed
    }
    // The rounds try what matters: periods freed, and overlaps refused.
    #expect(freed > 100 && refused > 100, "\(freed) freed, \(refused) refused")
  }

  @Test("a report held apart, saved and loaded: its retraction then frees its period")
  func snapshot() throws {
    var factory = EventFactory()
    let registered = factory.make(
      .serviceRegistered(ServiceRegistered(service: Self.s, name: "S", organisation: "X")))
    let quarter = factory.make(
      .volumeReported(
        VolumeReported(
          service: Self.s, from: date("2014-01-01"), to: date("2014-03-31"), total: 100)))
    let twoMonths = factory.make(
      .volumeReported(
        VolumeReported(
          service: Self.s, from: date("2014-01-01"), to: date("2014-02-28"), total: 90)))
    let retraction = factory.make(
      .eventRetracted(EventRetracted(event: quarter.id, reason: "Jan-Feb")))
    var validator = ReferenceValidator()
    // As an append's replay watches the ids its new retractions name.
    validator.watch([quarter.id])
    try validator.validate(registered)
    try validator.validate(quarter)
    #expect(validator.holdsApart(quarter.id))
    #expect(!validator.holdsApart(registered.id))
    var loaded = try Self.reloaded(validator)
    #expect(loaded.holdsApart(quarter.id))
    // Held apart, the quarter still counts until it is retracted.
    var before = loaded
    #expect(throws: EventError.self) { try before.validate(twoMonths) }
    try loaded.validate(retraction)
    try loaded.validate(twoMonths)
    // Not watched, the quarter keeps its period in `ShortReports`, retracted or not.
    var unwatched = ReferenceValidator()
    try unwatched.validate(registered)
    try unwatched.validate(quarter)
    #expect(!unwatched.holdsApart(quarter.id))
    try unwatched.validate(retraction)
    #expect(throws: EventError.self) { try unwatched.validate(twoMonths) }
  }
}
