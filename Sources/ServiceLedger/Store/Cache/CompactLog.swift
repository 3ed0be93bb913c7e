/// The events the catalogue-type views need, gathered during a full replay for the cache:
/// everything in force when nothing is left out by date, except KPI reports (none of those
/// views reads them) and volume reports the annual-volume rule can no longer use.
///
/// It keeps each event as its log line, which is what the cache file stores: a full replay
/// hands it the lines it read, so nothing is copied or written out again but the lines kept.
/// Events may come in any order: a report replaces one for the same period only when it comes
/// later in replay order.
struct CompactLog {
  /// One kept event: its line and where it stands in replay order.
  struct Line: Sendable, Equatable {
    var at: Timestamp
    var file: String
    var line: Int
    var text: [UInt8]

    /// Replay order: `at`, then file name, then line number.
    static func inReplayOrder(_ a: Line, _ b: Line) -> Bool {
      (a.at, a.file, a.line) < (b.at, b.file, b.line)
    }
  }

  private var others: [Line] = []
  /// Per service, its current volume reports, pruned as `VolumeHistory` with `.annualVolume`
  /// retention prunes.
  private var volumes: [ServiceID: KeptReports] = [:]
  private(set) var maxEffective: CivilDate?

  /// Takes the events marked in `run`, reading each in place and copying only its line.
  mutating func add(markedIn run: EventRun) {
    run.forEachMarked { event, text in
      switch event.pointee.type {
      case .kpiReported:
        note(event.pointee.effectiveDate)
      case .volumeReported:
        guard case .volumeReported(let report) = event.pointee.event else { return }
        note(report.to)
        let kept = Line(
          at: event.pointee.at, file: event.pointee.location?.file ?? "",
          line: event.pointee.location?.line ?? 0, text: Array(text))
        volumes.update(report.service, default: KeptReports()) {
          $0.add(kept, from: report.from, to: report.to)
        }
      default:
        note(event.pointee.effectiveDate)
        others.append(
          Line(
            at: event.pointee.at, file: event.pointee.location?.file ?? "",
            line: event.pointee.location?.line ?? 0, text: Array(text)))
      }
    }
  }

  /// Takes one event in force (not a retraction, not retracted), written out as a line.
  mutating func add(_ event: RecordedEvent) {
    note(event.effectiveDate)
    if event.type == .kpiReported { return }
    let line = Line(
      at: event.at, file: event.location?.file ?? "", line: event.location?.line ?? 0,
      text: Array(event.line.utf8))
    if case .volumeReported(let report) = event.event {
      volumes[report.service, default: KeptReports()].add(line, from: report.from, to: report.to)
    } else {
      others.append(line)
    }
  }

  private mutating func note(_ date: CivilDate?) {
    if let date { maxEffective = max(maxEffective ?? date, date) }
  }

  /// What was kept, in replay order.
  var lines: [Line] {
    var volumes = self.volumes
    for key in volumes.keys { volumes[key]?.prune() }
    return (others + volumes.values.flatMap(\.lines)).sorted(by: Line.inReplayOrder)
  }

  /// What was kept, decoded again, in replay order.
  var events: [RecordedEvent] {
    let reader = LogFileReader()
    return lines.compactMap { line in
      let outcome = line.text.withUnsafeBytes {
        reader.decodeLine($0, name: line.file, line: line.line)
      }
      guard case .event(let event) = outcome else { return nil }
      return event
    }
  }
}

/// One service's volume reports that the annual-volume rule can still use, sorted by `to`, then
/// `from`, with their periods apart so that placing a report reads no line.
private struct KeptReports {
  private var periods: [(to: Int, from: Int)] = []
  private(set) var lines: [CompactLog.Line] = []

  /// Adds the report on `line` for `from...to`; of two for the same period, the later in
  /// replay order stays.
  mutating func add(_ line: CompactLog.Line, from: CivilDate, to: CivilDate) {
    let period = (to: to.dayNumber, from: from.dayNumber)
    var index = periods.count
    if let last = periods.last, !(last < period) {
      var low = 0
      var high = periods.count
      while low < high {
        let mid = (low + high) / 2
        if periods[mid] < period { low = mid + 1 } else { high = mid }
      }
      index = low
    }
    if index < periods.count, periods[index] == period {
      if CompactLog.Line.inReplayOrder(lines[index], line) { lines[index] = line }
    } else if index == periods.count {
      periods.append(period)
      lines.append(line)
    } else {
      periods.insert(period, at: index)
      lines.insert(line, at: index)
    }
    if periods.count > 64 { prune() }
  }

  /// Drops what `VolumeHistory.prune` drops: reports ending before the 12 months that end at
  /// the latest one, except the 12-month reports ending on the two latest such dates. What it
  /// drops stays dropped however late the rest arrives, since the latest end only moves later.
  mutating func prune() {
    guard let end = periods.last?.to else { return }
    let start = CivilDate(dayNumber: end).startOfTwelveMonthsEnding.dayNumber
    func isYear(_ period: (to: Int, from: Int)) -> Bool {
      let days = period.to - period.from + 1
      return days == 365 || days == 366
    }
    var yearEnds: [Int] = []
    for period in periods.reversed() where isYear(period) {
      if !yearEnds.contains(period.to) { yearEnds.append(period.to) }
      if yearEnds.count == 2 { break }
    }
    var kept = 0
    for index in periods.indices {
      let period = periods[index]
      guard period.to >= start || (isYear(period) && yearEnds.contains(period.to)) else {
        continue
      }
      if kept != index {
        periods[kept] = period
        lines.swapAt(kept, index)
      }
      kept += 1
    }
    periods.removeLast(periods.count - kept)
    lines.removeLast(lines.count - kept)
  }
}
