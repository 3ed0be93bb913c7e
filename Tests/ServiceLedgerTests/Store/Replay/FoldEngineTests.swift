import Foundation
import Testing

@testable import ServiceLedger

/// The engine gives a fold only the event types it declares, and serves it from the replay
/// cache only when the cache keeps them all: a fold reading what the cache drops gives the
/// same output warm as cold.
@Suite("The replay engine: folds declare what they read")
struct FoldEngineTests {
  /// A fold that reads what the cache drops: KPI reports, counted with their services.
  struct KPIReports: Fold, Equatable {
    var count = 0
    var services: Set<ServiceID> = []
    var reads: EventReads { EventReads([.kpiReported, .serviceRegistered]) }
    mutating func apply(_ event: RecordedEvent) {
      switch event.event {
      case .kpiReported(let report):
        count += 1
        services.insert(report.service)
      case .serviceRegistered: break
      default: Issue.record("given \(event.type.rawValue), which it does not read")
      }
    }
  }

  /// Counts what it is given, by type.
  struct Types: Fold, Equatable {
    let reads: EventReads
    var seen: [EventType: Int] = [:]
    mutating func apply(_ event: RecordedEvent) { seen[event.type, default: 0] += 1 }
  }

  /// A generated ledger with KPI reports, restatements and retractions.
  static func generated() throws -> TemporaryLedger {
    let ledger = try TemporaryLedger()
    let run = CLI.run(
      ["generate", "--ledger", ledger.path, "--services", "30", "--events", "6000", "--seed", "4"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    return ledger
  }

  @Test("a fold reading kpi.reported, which the cache drops: the same warm as cold")
  func kpiFoldWarmAndCold() throws {
    let ledger = try Self.generated()
    defer { ledger.remove() }
    let folder = ledger.folder
    let asOf = date("2025-12-31")
    let cold = try folder.fold(KPIReports(), asOf: asOf, knownAt: nil).fold
    #expect(cold.count > 50)
    // A catalogue fold writes the cache and is then served from it.
    _ = try folder.fold(Catalogue(), asOf: asOf, knownAt: nil)
    #expect(FileManager.default.fileExists(atPath: folder.path(of: ReplayCache.fileName)))
    #expect(ReplayCache.current(folder) != nil)
    let warm = try folder.fold(KPIReports(), asOf: asOf, knownAt: nil).fold
    #expect(warm == cold)
    // And what a cold replay gives the catalogue, the cache gives too.
    let catalogueWarm = try folder.fold(Catalogue(), asOf: asOf, knownAt: nil).fold
    let catalogueCold = try folder.read().fold(Catalogue(), asOf: asOf, knownAt: nil)
    #expect(catalogueWarm == catalogueCold)
  }

  @Test(
    "a service reporting daily, restated out of order: the volume history the same warm as cold")
  func dailyReportsWarmAndCold() throws {
    // More reports inside the annual-volume horizon than the cache prunes at (64), so the
    // cache's pruning is put off until they double, and must still keep what the rule uses.
    var factory = EventFactory()
    var events = [
      factory.make(
        .serviceRegistered(ServiceRegistered(service: service("a"), name: "A", organisation: "OPG"))
      )
    ]
    let first = date("2012-01-01")
    func daily(_ day: Int, total: Int) -> Event {
      let on = CivilDate(dayNumber: first.dayNumber + day)
      return .volumeReported(
        VolumeReported(service: service("a"), from: on, to: on, total: total, digital: total / 2))
    }
    for day in 0..<800 { events.append(factory.make(daily(day, total: 100 + day))) }
    // Restatements of days long past and of recent ones. No 12-month report: the annual
    // volume is the sum of the last 365 days.
    for day in [3, 500, 790, 799] { events.append(factory.make(daily(day, total: 7))) }
    let ledger = try TemporaryLedger(
      files: ["a.jsonl": events.map { $0.line + "\n" }.joined()])
    defer { ledger.remove() }
    let folder = ledger.folder
    for asOf in [date("2014-03-10"), date("2030-01-01")] {
      let whole = try folder.read().fold(
        VolumeHistory(retention: .annualVolume, readsKPIs: false), asOf: asOf, knownAt: nil)
      ReplayCache.remove(from: folder)
      let cold = try folder.fold(
        VolumeHistory(retention: .annualVolume, readsKPIs: false), asOf: asOf, knownAt: nil)
      #expect(ReplayCache.current(folder) != nil)
      let warm = try folder.fold(
        VolumeHistory(retention: .annualVolume, readsKPIs: false), asOf: asOf, knownAt: nil)
      // Served from the cache, which keeps no KPI report: the history reads none.
      #expect(ReplayCache.current(folder)?.0.compacted.count ?? 0 < 800)
      let latest = { (history: VolumeHistory) in history.reports[service("a")]?.last?.report }
      #expect(latest(cold.fold) == latest(whole))
      #expect(latest(warm.fold) == latest(whole))
      #expect(warm.fold.annualVolume(of: service("a")) == whole.annualVolume(of: service("a")))
      #expect(cold.fold.annualVolume(of: service("a")) == whole.annualVolume(of: service("a")))
    }
  }

  @Test("a fold is given only the types it declares, warm and cold", arguments: [false, true])
  func onlyDeclaredTypes(warm: Bool) throws {
    let ledger = try Self.generated()
    defer { ledger.remove() }
    if warm { _ = try ledger.folder.fold(Catalogue(), asOf: nil, knownAt: nil) }
    let declared = EventReads([.phaseEntered, .managerAppointed])
    let fold = try ledger.folder.fold(Types(reads: declared), asOf: nil, knownAt: nil).fold
    #expect(Set(fold.seen.keys) == [.phaseEntered, .managerAppointed])
  }

  @Test("what the cache keeps covers a fold only when it holds every type and enough reports")
  func covers() {
    let keeps = CompactLog.keeps
    #expect(keeps.covers(Catalogue().reads))
    #expect(keeps.covers(VolumeHistory(retention: .annualVolume).reads) == false)
    #expect(keeps.covers(VolumeHistory(retention: .annualVolume, readsKPIs: false).reads))
    #expect(keeps.covers(EventReads([.volumeReported], volumeReports: .annualVolume)))
    #expect(keeps.covers(EventReads([.volumeReported], volumeReports: .series)) == false)
    #expect(keeps.covers(EventReads([.kpiReported])) == false)
    let union = EventReads([.volumeReported], volumeReports: .annualVolume)
      .union(EventReads([.volumeReported], volumeReports: .all))
    #expect(union.volumeReports == .all)
    // A fold that keeps the take-up series, paired with one that reads no volume report
    // (KPIs, the catalogue), still needs the series: the cache, which keeps fewer, cannot
    // serve it.
    let series = VolumeHistory(retention: .series, readsKPIs: false).reads
    #expect(series.union(EventReads([.kpiReported])).volumeReports == .series)
    #expect(EventReads([.serviceRegistered]).union(series).volumeReports == .series)
    #expect(keeps.covers(series.union(EventReads([.serviceRegistered]))) == false)
  }

  @Test("each event type has its own bit: its place in allCases")
  func bits() {
    #expect(EventType.allCases.count <= 64)
    for (index, type) in EventType.allCases.enumerated() {
      #expect(type.ordinal == index, "\(type.rawValue)")
    }
    #expect(Set(EventType.allCases.map(\.bit)).count == EventType.allCases.count)
  }
}
