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
  /// Lines start at `fileOffset` in the file; per event, what the replay cache needs of it,
  /// noted by the decoding thread so that the cache's thread need not read the event.
  private let fileOffset: Int
  private var notes: UnsafeMutablePointer<EventNote>

  /// A run for `capacity` events of `file`, read from lines starting at `fileOffset` in it.
  init(capacity: Int, file: String = "", fileOffset: Int = 0) {
    self.capacity = max(capacity, 16)
    self.file = file
    self.fileOffset = fileOffset
    base = .allocate(capacity: self.capacity)
    notes = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
    notes.deallocate()
    kept?.deallocate()
  }

  /// Reads every cache line of the run's events, so that the merge, about to read them one by
  /// one, finds them in this core's cache: the decoding thread wrote them on another core, and
  /// these reads do not depend on each other, so the processor overlaps their waits, where
  /// reading one event at a time waits for each (measured on 1M events: most of the
  /// validator's time was that wait).
  func warm() {
    warmCacheLines(UnsafeRawPointer(base), count: count * MemoryLayout<RecordedEvent>.stride)
  }

  /// Makes room for the merge's notes, once the run is complete.
  func startKeeping() {
    kept = .allocate(capacity: max(count, 1))
    keptCount = 0
  }

  /// Calls `body` with the note on each kept event, its position in replay order and where its
  /// line (without its `\n`) is in the file, in file order.
  func forEachKept(_ body: (EventNote, _ order: Int, Range<Int>) -> Void) {
    guard let kept else { return }
    for index in 0..<keptCount {
      let note = notes[Int(kept[index].index)]
      body(
        note, kept[index].order,
        (fileOffset + Int(note.start))..<(fileOffset + Int(note.end)))
    }
  }

  /// Adds the event `decode` initializes in the slot it is given: decoded where it is kept,
  /// not copied there. `decode` returns the event's note, or nil when it initialized nothing.
  /// - Returns: whether an event was added.
  func append(decoding decode: (UnsafeMutablePointer<RecordedEvent>) -> EventNote?) -> Bool {
    if count == capacity { grow() }
    guard let note = decode(base + count) else { return false }
    (notes + count).initialize(to: note)
    count += 1
    return true
  }

  private func grow() {
    let larger = UnsafeMutablePointer<RecordedEvent>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    let largerNotes = UnsafeMutablePointer<EventNote>.allocate(capacity: capacity * 2)
    largerNotes.moveInitialize(from: notes, count: count)
    notes.deallocate()
    notes = largerNotes
    capacity *= 2
  }

  /// Adds `event`, read from `line` (offsets from `fileOffset`); `service` numbers the service
  /// of a volume report (see `ServiceNumbers`).
  func append(_ event: consuming RecordedEvent, line: Range<Int>, service: Int32 = -1) {
    if count == capacity { grow() }
    (notes + count).initialize(to: EventNote(event, line: line, service: service))
    (base + count).initialize(to: consume event)
    count += 1
  }
}

/// What the replay cache needs of one event: where its line is (offsets in its run), its line
/// number and type, and for a volume report its service's number and period (`from`, `to` as
/// day numbers); for another event, its effective day, `Int32.min` for none.
struct EventNote: Sendable, Equatable {
  var start: Int32
  var end: Int32
  var line: Int32
  var type: EventType
  var service: Int32 = -1
  var from = Int32.min
  var to = Int32.min

  /// The note on a volume report of the service numbered `service`, for `from`…`to` (day
  /// numbers), read from `span` (offsets in its run), line `lineNumber` of its file.
  init(
    volumeReport volume: (service: Int32, from: Int32, to: Int32), line span: Range<Int>,
    lineNumber: Int
  ) {
    start = Int32(clamping: span.lowerBound)
    end = Int32(clamping: span.upperBound)
    line = Int32(clamping: lineNumber)
    type = .volumeReported
    (service, from, to) = volume
  }

  init(_ event: borrowing RecordedEvent, line span: Range<Int>, service: Int32) {
    start = Int32(clamping: span.lowerBound)
    end = Int32(clamping: span.upperBound)
    line = Int32(clamping: event.location?.line ?? 0)
    type = event.type
    if case .volumeReported(let report) = event.event {
      self.service = service
      from = Int32(clamping: report.from.dayNumber)
      to = Int32(clamping: report.to.dayNumber)
    } else if let date = event.effectiveDate {
      to = Int32(clamping: date.dayNumber)
    }
  }
}

/// An event the merge kept for the replay cache: its position in replay order and in its run.
/// The cache's own thread reads the rest from the run.
struct KeptEvent: Sendable {
  var order: Int
  var index: Int32
}
