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
/// hands it the merge's notes on each kept event and where its line is in its file, and only
/// the few lines kept to the end are read again when the cache is written, so nothing is
/// copied or written out for the rest.
/// Events may come in any order: a report replaces one for the same period only when it comes
/// later in replay order.
struct CompactLog {
  /// What it keeps: every event type but KPI reports, and of volume reports those the
  /// annual-volume rule can use. The replay serves a fold from the cache only when this
  /// covers what the fold reads.
  static let keeps = EventReads(
    EventType.allCases.filter { $0 != .kpiReported }, volumeReports: .annualVolume)

  /// One kept event: its line and where it stands in replay order.
  struct Line: Sendable, Equatable {
    /// Its position in replay order.
    var order: Int
    var file: String
    var line: Int
    var text: Text

    /// A line's text, or where it is in its file until it is read.
    enum Text: Sendable, Equatable {
      case bytes([UInt8])
      case inFile(Range<Int>)
    }
  }

  private var others: [Line] = []
  /// Per service, its current volume reports, pruned as `VolumeHistory` with `.annualVolume`
  /// retention prunes: by number for a replay's runs (see `ServiceNumbers`), each line still
  /// in its file, else by name, each line's bytes.
  private var volumes: [KeptReports<Range<Int>>] = []
  private var volumesByName: [ServiceID: KeptReports<[UInt8]>] = [:]
  /// The files the reports were read from, which their places name by index.
  private var files: [String] = []
  /// The day number of `maxEffective`; nil until an event with an effective date is added.
  private var maxDay: Int32?

  /// The latest effective date of the events kept or left out as KPI reports.
  var maxEffective: CivilDate? { maxDay.map { CivilDate(dayNumber: Int($0)) } }

  /// Raises `maxDay` to `day`.
  private mutating func note(day: Int32) { maxDay = max(maxDay ?? day, day) }

  /// Takes the events kept in `run`, from the notes the decoding threads took on them.
  mutating func add(keptIn run: EventRun) {
    var file: Int32?
    run.forEachKept { note, order, text in
      if note.to != .min { self.note(day: note.to) }
      let index = file ?? self.index(of: run.file)
      file = index
      if note.type == .volumeReported, note.service >= 0 {
        let number = Int(note.service)
        if number >= volumes.count {
          volumes += Array(repeating: KeptReports(), count: number + 1 - volumes.count)
        }
        volumes[number].add(
          KeptPlace(order: order, file: index, line: note.line), text,
          period: (to: Int(note.to), from: Int(note.from)))
      } else if Self.keeps.contains(note.type) {
        others.append(
          Line(order: order, file: run.file, line: Int(note.line), text: .inFile(text)))
      }
    }
  }

  /// Takes one event in force (not a retraction, not retracted), the `order`-th in replay
  /// order, written out as a line.
  mutating func add(_ event: RecordedEvent, order: Int) {
    let text = Array(event.line.utf8)
    let file = event.location?.file ?? ""
    let line = event.location?.line ?? 0
    if case .volumeReported(let report) = event.event {
      note(day: Int32(clamping: report.to.dayNumber))
      let place = KeptPlace(order: order, file: index(of: file), line: Int32(clamping: line))
      volumesByName.update(report.service, default: KeptReports()) {
        $0.add(place, text, period: (to: report.to.dayNumber, from: report.from.dayNumber))
      }
      return
    }
    if let date = event.effectiveDate { note(day: Int32(clamping: date.dayNumber)) }
    guard Self.keeps.contains(event.type) else { return }
    others.append(Line(order: order, file: file, line: line, text: .bytes(text)))
  }

  /// The index of `file` in `files`, added if new.
  private mutating func index(of file: String) -> Int32 {
    if let known = files.firstIndex(of: file) { return Int32(known) }
    files.append(file)
    return Int32(files.count - 1)
  }

  /// What was kept, in replay order.
  var lines: [Line] {
    var lines = others
    for var reports in volumes {
      reports.prune()
      lines += reports.lines(files: files, text: Line.Text.inFile)
    }
    for var reports in volumesByName.values {
      reports.prune()
      lines += reports.lines(files: files, text: Line.Text.bytes)
    }
    return lines.sorted { $0.order < $1.order }
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
      guard let descriptor = try? FileIO.openRegular(folder.path(of: file)) else { return nil }
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

/// Where a kept report stands in replay order, and its file (an index into the log's `files`)
/// and line.
private struct KeptPlace {
  var order: Int
  var file: Int32
  var line: Int32
}

/// One service's volume reports that the annual-volume rule can still use: their periods (as day
/// numbers), their places in replay order and their lines, side by side in one array (with one
/// array each, adding a report touched three arrays of the service, each a wait for memory: the
/// cache's thread spent half its time there), in period order once pruned. A line is a `Text`:
/// where it is in its file (plain values, so that moving a report costs no reference counting)
/// or its bytes.
private struct KeptReports<Text> {
  /// One report.
  private struct Report {
    var period: (to: Int, from: Int)
    var place: KeptPlace
    var text: Text
  }

  private var reports: [Report] = []
  /// Pruned again at this many reports (`AnnualVolumeHorizon.pruneAt`).
  private var pruneAt = AnnualVolumeHorizon.pruneAt(afterKeeping: 0)

  /// The reports' lines; `files` names their files, `text` makes each line's text.
  func lines(files: [String], text: (Text) -> CompactLog.Line.Text) -> [CompactLog.Line] {
    reports.map { report in
      CompactLog.Line(
        order: report.place.order, file: files[Int(report.place.file)],
        line: Int(report.place.line), text: text(report.text))
    }
  }

  /// Adds the report read from `text` at `place`, for `period`; of two for the same period,
  /// the later in replay order stays.
  ///
  /// Reports come a run at a time in the order the merge finishes the runs, which with many
  /// files is far from period order: each is appended, and they are put in order when pruned
  /// (inserting each in place moved the reports after it; with the log in 200 files that was
  /// the cache thread's largest cost).
  mutating func add(_ place: KeptPlace, _ text: Text, period: (to: Int, from: Int)) {
    reports.append(Report(period: period, place: place, text: text))
    if reports.count >= pruneAt {
      prune()
      pruneAt = AnnualVolumeHorizon.pruneAt(afterKeeping: reports.count)
    }
  }

  /// Puts the reports in period order (`to`, then `from`), keeping of those for the same
  /// period the latest in replay order, and drops those the annual-volume rule can no longer
  /// use (`AnnualVolumeHorizon`).
  mutating func prune() {
    reports.sort {
      ($0.period.to, $0.period.from, $0.place.order) < (
        $1.period.to, $1.period.from, $1.place.order
      )
    }
    var kept = 0
    for index in reports.indices {
      if kept > 0, reports[kept - 1].period == reports[index].period {
        reports.swapAt(kept - 1, index)
      } else {
        reports.swapAt(kept, index)
        kept += 1
      }
    }
    reports.removeLast(reports.count - kept)
    guard let horizon = AnnualVolumeHorizon(count: reports.count, period: { reports[$0].period })
    else { return }
    reports.removeAll { !horizon.keeps($0.period) }
  }
}
