extension Site {
  /// What the site folds from the log in one streamed pass: the board report as of the date,
  /// each service's latest events, reports and KPI reports (at most `limit` of each), its
  /// service-standard record, the earliest date in force (where the report archive starts),
  /// and, for the downloads, how many lines of each file were recorded by the knowledge time.
  ///
  /// Its memory grows with the services and `limit`, not with the log: the quarterly reports
  /// are folded apart (`QuarterFold`).
  struct Fold: ServiceLedger.Fold {
    var board: BoardReport.Fold
    /// What `board` reads, worked out once.
    private let boardReads: EventReads
    /// Knowledge time asked for; nil for everything recorded.
    let knownAt: Timestamp?
    /// How many events, reports and KPI reports a service page lists at most.
    let limit: Int
    /// The events retractions known at `knownAt` withdraw, as far as known before the pass:
    /// the events whose service a retraction's own entry in a history needs.
    let targets: Set<EventID>
    /// Each service's latest events known at `knownAt`, with the retractions of them, in
    /// replay order.
    private(set) var histories: [ServiceID: History] = [:]
    /// Each service's phases, managers, assessments, assisted digital and GOV.UK moves known
    /// at `knownAt`, in replay order, in force or not: few, and all of them listed.
    private(set) var standard: [ServiceID: [RecordedEvent]] = [:]
    /// The service of each of `targets` met so far.
    private var owners: [EventID: ServiceID] = [:]
    /// What valid retractions known at `knownAt` withdraw.
    private(set) var retracted: Set<EventID> = []
    /// Each service's latest current volume and KPI reports in force.
    private(set) var tables: Tables
    /// The earliest effective date of an event in force.
    private(set) var firstEffective: CivilDate?
    /// Per file, the last line of a valid event recorded by `knownAt`.
    private(set) var lastLine: [String: Int] = [:]
    /// The latest `at` of a valid event.
    private(set) var latestAt: Timestamp?

    init(asOf: CivilDate, knownAt: Timestamp?, limit: Int, targets: Set<EventID>) {
      board = BoardReport.Fold(period: ReportPeriod(asOf: asOf), knownAt: knownAt)
      boardReads = board.reads
      self.knownAt = knownAt
      self.limit = limit
      self.targets = targets
      tables = Tables(limit: limit)
    }

    var reads: EventReads { .everything }

    /// Folds one event in force in.
    mutating func apply(_ event: RecordedEvent) {
      if boardReads.contains(event.type) { board.apply(event) }
      tables.apply(event)
      if let date = event.effectiveDate, firstEffective.map({ date < $0 }) ?? true {
        firstEffective = date
      }
    }

    /// Notes one valid event of the log, in force or not.
    mutating func observe(_ event: RecordedEvent) {
      board.observe(event)
      if latestAt.map({ event.at > $0 }) ?? true { latestAt = event.at }
      if let knownAt, event.at > knownAt { return }
      if let location = event.location {
        lastLine[location.file] = max(lastLine[location.file] ?? 0, location.line)
      }
      if let service = event.event.service {
        histories[service, default: History(limit: limit)].append(event)
        if targets.contains(event.id) { owners[event.id] = service }
        if Self.isStandard(event.type) { standard[service, default: []].append(event) }
      } else if case .eventRetracted(let retraction) = event.event {
        retracted.insert(retraction.event)
        if let service = owners[retraction.event] {
          histories[service, default: History(limit: limit)].append(event)
        }
      }
    }

    /// Whether the service standard's record on a service page lists events of `type`.
    static func isStandard(_ type: EventType) -> Bool {
      switch type {
      case .phaseEntered, .managerAppointed, .managerDeparted, .assessmentRecorded,
        .assistedDigitalProvided, .assistedDigitalWithdrawn, .govukTransitioned:
        return true
      default:
        return false
      }
    }
  }

  /// A service's latest events, at most `limit`, and how many there were.
  struct History: Sendable {
    private var ring: [RecordedEvent] = []
    /// Where the oldest event kept is in `ring` once it is full.
    private var start = 0
    let limit: Int
    /// Every event appended.
    private(set) var count = 0

    init(limit: Int) { self.limit = limit }

    mutating func append(_ event: RecordedEvent) {
      count += 1
      if ring.count < limit {
        ring.append(event)
      } else if limit > 0 {
        ring[start] = event
        start = (start + 1) % limit
      }
    }

    /// The events kept, oldest first.
    var events: [RecordedEvent] { Array(ring[start...] + ring[..<start]) }

    /// How many earlier events are not kept.
    var left: Int { count - ring.count }
  }

  /// Each service's current volume and KPI reports in force with the latest periods (by
  /// `to`, then `from`), at most `limit` of each: the same entries, restatements counted, as
  /// a full `VolumeHistory` holds for those periods. A period older than `limit` others can
  /// never be among the latest again, so it is dropped for good (in batches: a service holds
  /// up to twice `limit` between them, and `trimmed()` cuts the rest).
  struct Tables: Sendable {
    let limit: Int
    /// How many a service may hold before it is cut again.
    private let trimAt: Int
    private(set) var reports: [ServiceID: [VolumeHistory.Entry]] = [:]
    private(set) var kpis: [ServiceID: [KPIReported]] = [:]
    /// The services with older reports or KPI reports than those kept.
    private(set) var cut: Set<ServiceID> = []

    init(limit: Int) {
      self.limit = limit
      trimAt = limit > Int.max / 2 ? Int.max : 2 * limit
    }

    mutating func apply(_ event: RecordedEvent) {
      switch event.event {
      case .volumeReported(let report):
        let count = reports.update(report.service, default: []) { entries in
          VolumeHistory.add(report, at: event.location, to: &entries)
        }
        if count > trimAt { trim(report.service) }
      case .kpiReported(let report):
        let count = kpis.update(report.service, default: []) { entries in
          let index = VolumeHistory.index(in: entries, to: report.to, from: report.from) {
            ($0.to, $0.from)
          }
          if index < entries.count, entries[index].from == report.from,
            entries[index].to == report.to
          {
            entries[index] = report
          } else {
            entries.insert(report, at: index)
          }
          return entries.count
        }
        if count > trimAt { trim(report.service) }
      default:
        break
      }
    }

    /// The tables with every service cut to `limit` reports and KPI reports.
    func trimmed() -> Tables {
      var tables = self
      for service in Set(reports.keys).union(kpis.keys) { tables.trim(service) }
      return tables
    }

    /// Cuts `service`'s reports and KPI reports to the `limit` latest.
    private mutating func trim(_ service: ServiceID) {
      var cutHere = false
      // Copied rather than shifted in place, so that a service holds no more room than the
      // reports it keeps.
      if let entries = reports[service], entries.count > limit {
        reports[service] = Array(entries.suffix(limit))
        cutHere = true
      }
      if let entries = kpis[service], entries.count > limit {
        kpis[service] = Array(entries.suffix(limit))
        cutHere = true
      }
      if cutHere { cut.insert(service) }
    }
  }
}
