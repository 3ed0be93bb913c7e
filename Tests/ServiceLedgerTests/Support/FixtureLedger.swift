import Foundation

@testable import ServiceLedger

/// A small ledger built in a test, event by event, in recording order.
struct FixtureLedger {
  private var factory = EventFactory()
  private(set) var events: [RecordedEvent] = []

  /// Appends `event`, recorded one second after the previous one.
  @discardableResult
  mutating func add(_ event: Event) -> RecordedEvent {
    let recorded = factory.make(event)
    events.append(recorded)
    return recorded
  }

  /// Registers `id` (no `on` means it always counts).
  mutating func register(_ id: String, on: String? = nil, organisation: String = "HMCTS") {
    add(
      .serviceRegistered(
        ServiceRegistered(
          service: service(id), name: "Service \(id)", organisation: organisation,
          on: on.map(date))))
  }

  /// Reports a volume.
  @discardableResult
  mutating func report(
    _ id: String, _ from: String, _ to: String, total: Int, digital: Int? = nil,
    assisted: Int? = nil, phone: Int? = nil, post: Int? = nil, faceToFace: Int? = nil,
    other: Int? = nil
  ) -> RecordedEvent {
    add(
      .volumeReported(
        VolumeReported(
          service: service(id), from: date(from), to: date(to), total: total, digital: digital,
          assisted: assisted, phone: phone, post: post, faceToFace: faceToFace, other: other)))
  }

  /// A 12-month report for the financial year ending 31 March `year`.
  @discardableResult
  mutating func year(_ id: String, ending year: Int, total: Int, digital: Int? = nil)
    -> RecordedEvent
  {
    report(id, "\(year - 1)-04-01", "\(year)-03-31", total: total, digital: digital)
  }

  /// Designates `id` as a service of `exemplar` (nil: an exemplar of its own).
  mutating func designate(
    _ id: String, due: String = "2015-03-31", on: String? = "2012-12-20",
    exemplar: String? = nil, title: String? = nil, note: String? = nil
  ) {
    add(
      .exemplarDesignated(
        ExemplarDesignated(
          service: service(id), strategy: StrategyID(unchecked: "moj-2012"), due: date(due),
          on: on.map(date), exemplar: exemplar.map { ExemplarID(unchecked: $0) }, title: title,
          note: note)))
  }

  mutating func phase(_ id: String, _ phase: Phase, on: String) {
    add(.phaseEntered(PhaseEntered(service: service(id), phase: phase, on: date(on))))
  }

  mutating func appoint(_ id: String, _ person: String, on: String, role: ManagerRole? = nil) {
    add(
      .managerAppointed(
        ManagerAppointed(
          service: service(id), person: PersonID(unchecked: person), on: date(on), role: role)))
  }

  mutating func depart(_ id: String, _ person: String, on: String) {
    add(
      .managerDeparted(
        ManagerDeparted(service: service(id), person: PersonID(unchecked: person), on: date(on))))
  }

  mutating func retract(_ event: RecordedEvent) {
    add(.eventRetracted(EventRetracted(event: event.id, reason: "recorded in error")))
  }

  func timeline(_ asOf: String, knownAt: Timestamp? = nil) -> Timeline {
    Timeline(events, asOf: date(asOf), knownAt: knownAt)
  }

  func catalogue(_ asOf: String) -> Catalogue { Catalogue(timeline(asOf)) }

  func volumes(_ asOf: String) -> VolumeHistory { VolumeHistory(timeline(asOf)) }

  func priorities(_ asOf: String, threshold: Int = 100_000) -> Priorities {
    let timeline = timeline(asOf)
    return Priorities(
      asOf: date(asOf), catalogue: Catalogue(timeline), volumes: VolumeHistory(timeline),
      threshold: threshold)
  }
}

/// The shipped MoJ ledger, read once for all tests.
let shippedLedger: Result<Ledger, LedgerError> = Result { () throws(LedgerError) in
  try LedgerFolder(path: packageRoot + "/events").readValid()
}

/// The events of the shipped ledger in force at `asOf`.
func shippedTimeline(_ asOf: String, knownAt: String? = nil) throws -> Timeline {
  Timeline(
    try shippedLedger.get(), asOf: date(asOf), knownAt: knownAt.flatMap { Timestamp($0) })
}
