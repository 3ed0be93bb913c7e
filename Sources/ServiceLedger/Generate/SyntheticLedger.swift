/// A deterministic, valid synthetic ledger for benchmarks and tests: services registered
/// across five organisations, phases, managers (some leaving and returning), monthly
/// `volume.reported` with all six channels, occasional KPI reports, restatements and
/// retractions.
///
/// The same `services`, `events` and `seed` always give the same bytes.
public struct SyntheticLedger: Sendable {
  public var services: Int
  public var events: Int
  public var seed: UInt64

  /// The organisations, one file each.
  public static let organisations = ["hmcts", "opg", "noms", "laa", "cica"]

  /// Services past `events` would never be registered (each takes at least one event), so
  /// there are at most as many services as events: the work is bounded by the events.
  public init(services: Int, events: Int, seed: UInt64) {
    self.events = max(0, events)
    self.services = max(1, min(services, self.events, Int.max / 4))
    self.seed = seed
  }

  /// Calls `emit` with each event and the file it belongs in, in replay order (`at` rises by
  /// one second per event, so every file's `at` never decreases).
  public func generate(_ emit: (RecordedEvent, String) -> Void) {
    var random = SplitMix64(seed: seed)
    let ids = SeededIDGenerator(seed: seed)
    var count = 0
    let start = Timestamp(seconds: 1_325_376_000)  // 2012-01-01T00:00:00Z
    @discardableResult
    func record(_ event: Event, file: String, by actor: String = "generator") -> EventID? {
      guard count < events else { return nil }
      let recorded = RecordedEvent(
        id: ids.next(), at: Timestamp(seconds: start.seconds + count),
        by: ActorID(unchecked: actor), event: event)
      count += 1
      emit(recorded, file)
      return recorded.id
    }
    let setup = services * 4
    let months = max(1, (events - setup) / services)
    // The last month ends in December 2025, so every report lies before today.
    let firstMonth = 2025 * 12 + 11 - (months - 1)
    for index in 0..<services {
      let id = serviceID(index)
      let file = fileName(index)
      record(
        .serviceRegistered(
          ServiceRegistered(
            service: id, name: "Synthetic service \(index + 1)",
            organisation: Self.organisations[index % Self.organisations.count].uppercased(),
            on: monthStart(firstMonth))), file: file)
      record(
        .phaseEntered(PhaseEntered(service: id, phase: .alpha, on: monthStart(firstMonth))),
        file: file)
      record(
        .managerAppointed(
          ManagerAppointed(service: id, person: person(index % 97), on: monthStart(firstMonth))),
        file: file)
    }
    var month = firstMonth
    var restatements: [(report: VolumeReported, id: EventID)] = []
    while count < events {
      for index in 0..<services where count < events {
        let id = serviceID(index)
        let file = fileName(index)
        let report = volume(id, month: month, random: &random)
        let reported = record(.volumeReported(report), file: file)
        if random.next() % 50 == 0, let reported { restatements.append((report, reported)) }
        if month == firstMonth + months / 2, index % 3 == 0 {
          record(.phaseEntered(PhaseEntered(service: id, phase: .beta, on: report.to)), file: file)
          record(
            .managerDeparted(
              ManagerDeparted(service: id, person: person(index % 97), on: report.to)), file: file)
          record(
            .managerAppointed(
              ManagerAppointed(service: id, person: person(index % 97), on: report.to)),
            file: file)
        }
        if random.next() % 40 == 0 {
          record(
            .kpiReported(
              KPIReported(
                service: id, from: report.from, to: report.to,
                costPerTransaction: Double(random.next() % 1000) / 100 + 1,
                completionRate: Double(random.next() % 100) / 100)), file: file)
        }
      }
      // One in five is withdrawn as entered in error, the others restated with new figures.
      for (report, id) in restatements where count < events {
        let file = fileName(Int(report.service.rawValue.dropFirst(4)) ?? 0)
        if random.next() % 5 == 0 {
          record(.eventRetracted(EventRetracted(event: id, reason: "entered in error")), file: file)
          continue
        }
        var restated = report
        restated.total += 1
        restated.other = (restated.other ?? 0) + 1
        restated.label = "restated"
        record(.volumeReported(restated), file: file)
      }
      restatements.removeAll()
      month += 1
    }
  }

  private func volume(_ id: ServiceID, month: Int, random: inout SplitMix64) -> VolumeReported {
    let digital = Int(random.next() % 50_000)
    let assisted = Int(random.next() % 2_000)
    let phone = Int(random.next() % 20_000)
    let post = Int(random.next() % 10_000)
    let faceToFace = Int(random.next() % 5_000)
    let other = Int(random.next() % 1_000)
    return VolumeReported(
      service: id, from: monthStart(month), to: monthStart(month + 1).adding(days: -1),
      total: digital + assisted + phone + post + faceToFace + other, digital: digital,
      assisted: assisted, phone: phone, post: post, faceToFace: faceToFace, other: other,
      source: "synthetic")
  }

  /// The file for service `index`: `<organisation>.jsonl`.
  public func fileName(_ index: Int) -> String {
    Self.organisations[index % Self.organisations.count] + ".jsonl"
  }

  private func serviceID(_ index: Int) -> ServiceID {
    ServiceID(unchecked: "svc-" + CivilDate.pad(index, 4))
  }

  private func person(_ index: Int) -> PersonID {
    PersonID(unchecked: "p-" + CivilDate.pad(index, 4))
  }

  private func monthStart(_ month: Int) -> CivilDate {
    CivilDate(year: month / 12, month: month % 12 + 1, day: 1) ?? CivilDate(dayNumber: 0)
  }
}

/// SplitMix64: a small, fast, seedable generator for deterministic data.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
