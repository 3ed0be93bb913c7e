/// Events decoded from a run of lines, in file order, in storage of their own: the merge reads
/// them in place through a pointer, without copying them or counting references per event.
final class EventRun: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<RecordedEvent>
  private(set) var count = 0
  private var capacity: Int
  /// The file the lines were read from.
  let file: String
  /// What the merge noted of the events it kept for the replay cache, in file order: room for
  /// every event once `startKeeping` is called, `keptCount` of them used.
  private(set) var kept: UnsafeMutablePointer<KeptEvent>?
  var keptCount = 0
  /// Where each event's line starts and ends, from `fileOffset` in its file.
  private let fileOffset: Int
  private var spans: UnsafeMutablePointer<(start: Int32, end: Int32)>

  /// A run for `capacity` events of `file`, read from lines starting at `fileOffset` in it.
  init(capacity: Int, file: String = "", fileOffset: Int = 0) {
    self.capacity = max(capacity, 16)
    self.file = file
    self.fileOffset = fileOffset
    base = .allocate(capacity: self.capacity)
    spans = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
    spans.deallocate()
    kept?.deallocate()
  }

  /// Makes room for the merge's notes, once the run is complete.
  func startKeeping() {
    kept = .allocate(capacity: max(count, 1))
    keptCount = 0
  }

  /// Calls `body` with what was noted of each kept event and where its line (without its
  /// `\n`) is in the file, in file order.
  func forEachKept(_ body: (KeptEvent, Range<Int>) -> Void) {
    guard let kept else { return }
    for index in 0..<keptCount {
      let span = spans[Int(kept[index].index)]
      body(kept[index], (fileOffset + Int(span.start))..<(fileOffset + Int(span.end)))
    }
  }

  /// Adds `event`, read from `line` (offsets from `fileOffset`).
  func append(_ event: consuming RecordedEvent, line: Range<Int>) {
    if count == capacity {
      let larger = UnsafeMutablePointer<RecordedEvent>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = larger
      let largerSpans = UnsafeMutablePointer<(start: Int32, end: Int32)>.allocate(
        capacity: capacity * 2)
      largerSpans.moveInitialize(from: spans, count: count)
      spans.deallocate()
      spans = largerSpans
      capacity *= 2
    }
    (base + count).initialize(to: consume event)
    (spans + count).initialize(
      to: (Int32(clamping: line.lowerBound), Int32(clamping: line.upperBound)))
    count += 1
  }
}

/// What the replay cache needs of an event the merge kept, noted while the event is at hand:
/// the cache's own thread then reads these few bytes instead of the event.
struct KeptEvent: Sendable {
  /// The event's position in replay order.
  var order: Int
  /// Its position in its run, and its line number in its file.
  var index: Int32
  var line: Int32
  var type: EventType
  /// For a volume report, its service's number (see `ReferenceValidator.validated(_:)`) and
  /// its period's first day; -1 and `Int32.min` for other events.
  var service: Int32
  var from: Int32
  /// A volume report's last day, another event's effective date; `Int32.min` for none.
  var to: Int32

  /// The note for `event`, the `order`-th in replay order and the `index`-th of its run;
  /// `report` is given for a volume report.
  init(_ event: borrowing RecordedEvent, order: Int, index: Int, report: ReportKey?) {
    self.order = order
    self.index = Int32(truncatingIfNeeded: index)
    line = Int32(clamping: event.location?.line ?? 0)
    type = event.type
    service = report?.service ?? -1
    from = report?.from ?? .min
    to = event.effectiveDate.map { Int32(clamping: $0.dayNumber) } ?? .min
  }
}
