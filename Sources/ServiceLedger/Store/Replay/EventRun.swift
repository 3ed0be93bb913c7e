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
  /// Where each event's line starts and ends, from `fileOffset` in its file, and for a volume
  /// report, its service's number (see `ServiceNumbers`; -1 for other events).
  private let fileOffset: Int
  private var spans: UnsafeMutablePointer<(start: Int32, end: Int32, service: Int32)>

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

  /// Calls `body` with each kept event (in place, not copied), its position in replay order,
  /// where its line (without its `\n`) is in the file, and its service's number, in file order.
  func forEachKept(
    _ body: (UnsafePointer<RecordedEvent>, _ order: Int, Range<Int>, _ service: Int32) -> Void
  ) {
    guard let kept else { return }
    for index in 0..<keptCount {
      let event = Int(kept[index].index)
      let span = spans[event]
      body(
        base + event, kept[index].order,
        (fileOffset + Int(span.start))..<(fileOffset + Int(span.end)), span.service)
    }
  }

  /// Adds `event`, read from `line` (offsets from `fileOffset`), with its service's number
  /// for a volume report.
  func append(_ event: consuming RecordedEvent, line: Range<Int>, service: Int32 = -1) {
    if count == capacity {
      let larger = UnsafeMutablePointer<RecordedEvent>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = larger
      let largerSpans = UnsafeMutablePointer<(start: Int32, end: Int32, service: Int32)>.allocate(
        capacity: capacity * 2)
      largerSpans.moveInitialize(from: spans, count: count)
      spans.deallocate()
      spans = largerSpans
      capacity *= 2
    }
    (base + count).initialize(to: consume event)
    (spans + count).initialize(
      to: (Int32(clamping: line.lowerBound), Int32(clamping: line.upperBound), service))
    count += 1
  }
}

/// An event the merge kept for the replay cache: its position in replay order and in its run.
/// The cache's own thread reads the rest from the run.
struct KeptEvent: Sendable {
  var order: Int
  var index: Int32
}
