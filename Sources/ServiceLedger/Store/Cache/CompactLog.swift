#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The events the catalogue-type views need, gathered during a full replay for the cache:
/// everything in force when nothing is left out by date, except KPI reports (none of those
/// views reads them) and volume reports the annual-volume rule can no longer use.
///
/// It keeps each event as its log line, which is what the cache file stores: a full replay
/// hands it where each line is in its file, and only the few lines kept to the end are read
/// again when the cache is written, so nothing is copied or written out for the rest.
/// Events may come in any order: a report replaces one for the same period only when it comes
/// later in replay order.
struct CompactLog {
  /// One kept event: its line and where it stands in replay order.
  struct Line: Sendable, Equatable {
    var at: Timestamp
    var file: String
    var line: Int
    var text: Text

    /// A line's text, or where it is in its file until it is read.
    enum Text: Sendable, Equatable {
      case bytes([UInt8])
      case inFile(Range<Int>)
    }

    /// Replay order: `at`, then file name, then line number.
    static func inReplayOrder(_ a: Line, _ b: Line) -> Bool {
      (a.at, a.file, a.line) < (b.at, b.file, b.line)
    }
  }

  private var others: [Line] = []
  /// Per service, its current volume reports, pruned as `VolumeHistory` with `.annualVolume`
  /// retention prunes: found through `slots`, and first through `recent`, a small table that
  /// a service's name finds without the dictionary's hashing.
  private var volumes: [KeptReports] = []
  private var slots: [ServiceID: Int] = [:]
  private var recent = [(service: ServiceID?, slot: Int)](repeating: (nil, 0), count: 2048)
  private(set) var maxEffective: CivilDate?

  /// Changes the kept reports of `service`.
  private mutating func update(_ service: ServiceID, _ body: (inout KeptReports) -> Void) {
    var hash = 0
    for byte in service.rawValue.utf8 { hash = hash &* 31 &+ Int(byte) }
    let index = hash & (recent.count - 1)
    if recent[index].service == service {
      body(&volumes[recent[index].slot])
      return
    }
    let slot: Int
    if let known = slots[service] {
      slot = known
    } else {
      slot = volumes.count
      volumes.append(KeptReports())
      slots[service] = slot
    }
    recent[index] = (service, slot)
    body(&volumes[slot])
  }

  /// Takes the events marked in `run`, reading each in place and noting where its line is.
  mutating func add(markedIn run: EventRun) {
    run.forEachMarked { event, text in
      switch event.pointee.type {
      case .kpiReported:
        note(event.pointee.effectiveDate)
      case .volumeReported:
        guard case .volumeReported(let report) = event.pointee.event else { return }
        note(report.to)
        let place = KeptReports.Place(
          at: event.pointee.at, file: event.pointee.location?.file ?? "",
          line: event.pointee.location?.line ?? 0)
        update(report.service) { $0.add(place, .inFile(text), from: report.from, to: report.to) }
      default:
        note(event.pointee.effectiveDate)
        others.append(
          Line(
            at: event.pointee.at, file: event.pointee.location?.file ?? "",
            line: event.pointee.location?.line ?? 0, text: .inFile(text)))
      }
    }
  }

  /// Takes one event in force (not a retraction, not retracted), written out as a line.
  mutating func add(_ event: RecordedEvent) {
    note(event.effectiveDate)
    if event.type == .kpiReported { return }
    let line = Line(
      at: event.at, file: event.location?.file ?? "", line: event.location?.line ?? 0,
      text: .bytes(Array(event.line.utf8)))
    if case .volumeReported(let report) = event.event {
      let place = KeptReports.Place(at: line.at, file: line.file, line: line.line)
      update(report.service) { $0.add(place, line.text, from: report.from, to: report.to) }
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
    for index in volumes.indices { volumes[index].prune() }
    return (others + volumes.flatMap(\.lines)).sorted(by: Line.inReplayOrder)
  }

  /// What was kept, decoded again, in replay order (lines still in their files are left out:
  /// `read(_:from:)` reads them).
  var events: [RecordedEvent] {
    let reader = LogFileReader()
    return lines.compactMap { line in
      guard case .bytes(let text) = line.text else { return nil }
      let outcome = text.withUnsafeBytes {
        reader.decodeLine($0, name: line.file, line: line.line)
      }
      guard case .event(let event) = outcome else { return nil }
      return event
    }
  }

  /// `lines` with the text of those still in their files read from `folder`; nil when one
  /// cannot be read. Lines near each other in a file are read together (most kept lines are
  /// the latest reports, near the end of each file), so a few reads fetch thousands of lines.
  static func read(_ lines: [Line], from folder: LedgerFolder) -> [Line]? {
    var read = lines
    var byFile: [String: [(offsets: Range<Int>, index: Int)]] = [:]
    for (index, line) in lines.enumerated() {
      if case .inFile(let range) = line.text {
        byFile[line.file, default: []].append((range, index))
      }
    }
    for (file, wanted) in byFile {
      let descriptor = open(folder.path(of: file), O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      let sorted = wanted.sorted { $0.offsets.lowerBound < $1.offsets.lowerBound }
      var first = 0
      while first < sorted.count {
        // One read for the lines that follow each other with gaps under 64 KiB.
        var last = first
        while last + 1 < sorted.count,
          sorted[last + 1].offsets.lowerBound - sorted[last].offsets.upperBound < 1 << 16
        {
          last += 1
        }
        let start = sorted[first].offsets.lowerBound
        let end = sorted[first...last].map(\.offsets.upperBound).max() ?? start
        var bytes = [UInt8](repeating: 0, count: end - start)
        let count = bytes.withUnsafeMutableBytes {
          pread(descriptor, $0.baseAddress, end - start, off_t(start))
        }
        guard count == end - start else { return nil }
        for item in sorted[first...last] {
          let range = (item.offsets.lowerBound - start)..<(item.offsets.upperBound - start)
          read[item.index].text = .bytes(Array(bytes[range]))
        }
        first = last + 1
      }
    }
    return read
  }
}

/// One service's volume reports that the annual-volume rule can still use, sorted by `to`, then
/// `from`: their periods, their places in replay order and their lines.
private struct KeptReports {
  /// Where a report stands in replay order.
  struct Place {
    var at: Timestamp
    var file: String
    var line: Int

    static func < (a: Place, b: Place) -> Bool { (a.at, a.file, a.line) < (b.at, b.file, b.line) }
  }

  private var periods: [(to: Int, from: Int)] = []
  private var places: [Place] = []
  private var texts: [CompactLog.Line.Text] = []

  /// The reports' lines, in period order.
  var lines: [CompactLog.Line] {
    places.indices.map { index in
      CompactLog.Line(
        at: places[index].at, file: places[index].file, line: places[index].line,
        text: texts[index])
    }
  }

  /// Adds the report read from `text` at `place`, for `from...to`; of two for the same period,
  /// the later in replay order stays.
  mutating func add(
    _ place: Place, _ text: CompactLog.Line.Text, from: CivilDate, to: CivilDate
  ) {
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
      guard places[index] < place else { return }
      places[index] = place
      texts[index] = text
    } else if index == periods.count {
      periods.append(period)
      places.append(place)
      texts.append(text)
    } else {
      periods.insert(period, at: index)
      places.insert(place, at: index)
      texts.insert(text, at: index)
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
        places.swapAt(kept, index)
        texts.swapAt(kept, index)
      }
      kept += 1
    }
    periods.removeLast(periods.count - kept)
    places.removeLast(places.count - kept)
    texts.removeLast(texts.count - kept)
  }
}
