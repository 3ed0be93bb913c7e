import Testing

@testable import ServiceLedger

/// `VolumeHistory.restricted(upTo:)`, whose KPI reports are slices sharing the full history's
/// storage: against the plain answer (the current reports ending by the date), for dates
/// before every report and after them all, and untouched by reports folded in afterwards.
@Suite("A volume history restricted to an earlier date")
struct VolumeHistoryRestrictedTests {
  @Test("KPI reports ending by the date, from year 1 to 9999", arguments: [1, 2, 3] as [UInt64])
  func kpis(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var factory = EventFactory()
    var history = VolumeHistory()
    // The current report per service and period, as a plain model.
    var model: [ServiceID: [[Int]: Double]] = [:]
    func fold(_ count: Int) {
      for _ in 0..<count {
        let id = service("s\(random.below(3))")
        let from = date("0001-01-01").adding(days: random.pick([0, 5, 1_800_000, 3_650_000]))
          .adding(days: random.below(40))
        let to = from.adding(days: random.below(400))
        let cost = Double(random.below(1000))
        history.apply(
          factory.make(
            .kpiReported(KPIReported(service: id, from: from, to: to, costPerTransaction: cost))))
        model[id, default: [:]][[from.dayNumber, to.dayNumber]] = cost
      }
    }
    func expected(_ id: ServiceID, upTo limit: CivilDate) -> [[Double]] {
      (model[id] ?? [:]).filter { $0.key[1] <= limit.dayNumber }
        .map { [Double($0.key[1]), Double($0.key[0]), $0.value] }.sorted {
          $0.lexicographicallyPrecedes($1)
        }
    }
    func answered(_ history: VolumeHistory, _ id: ServiceID) -> [[Double]] {
      (history.kpis[id] ?? []).map {
        [Double($0.to.dayNumber), Double($0.from.dayNumber), $0.costPerTransaction ?? -1]
      }
    }
    fold(300)
    let limits = [
      CivilDate(dayNumber: -1_000_000), date("0001-01-01"), date("0001-02-15"),
      date("4929-01-01"), date("9999-12-31"), CivilDate(dayNumber: 3_000_000),
    ]
    let earlier = limits.map { history.restricted(upTo: $0) }
    let before = earlier.map { restricted in (0..<3).map { answered(restricted, service("s\($0)")) }
    }
    for (limit, restricted) in zip(limits, earlier) {
      for index in 0..<3 {
        let id = service("s\(index)")
        #expect(answered(restricted, id) == expected(id, upTo: limit), "\(limit)")
      }
    }
    // More reports, restatements among them, folded into the full history afterwards: the
    // restricted histories, which share its storage, answer as before.
    fold(300)
    for (restricted, answers) in zip(earlier, before) {
      #expect((0..<3).map { answered(restricted, service("s\($0)")) } == answers)
    }
    #expect(answered(history, service("s0")) == expected(service("s0"), upTo: date("9999-12-31")))
  }
}
