/// Events decoded from a run of lines, in file order, in storage of their own: the merge reads
/// them in place through a pointer, without copying them or counting references per event.
final class EventRun: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<RecordedEvent>
  private(set) var count = 0
  private var capacity: Int
  /// One bit per event, set by the merge; nil until `startMarking`.
  private(set) var marks: UnsafeMutablePointer<UInt64>?
  /// Where each event's line starts and ends, from `fileOffset` in its file.
  private let fileOffset: Int
  private var spans: UnsafeMutablePointer<(start: Int32, end: Int32)>

  /// A run for `capacity` events, read from lines starting at `fileOffset` in their file.
  init(capacity: Int, fileOffset: Int = 0) {
    self.capacity = max(capacity, 16)
    self.fileOffset = fileOffset
    base = .allocate(capacity: self.capacity)
    spans = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
    spans.deallocate()
    marks?.deallocate()
  }

  /// Clears every mark, once the run is complete.
  func startMarking() {
    let words = (count + 63) / 64
    marks = .allocate(capacity: max(words, 1))
    marks?.initialize(repeating: 0, count: max(words, 1))
  }

  /// Calls `body` with each marked event, which it reads in place, and where its line (without
  /// its `\n`) is in its file, in file order.
  func forEachMarked(_ body: (UnsafePointer<RecordedEvent>, Range<Int>) -> Void) {
    guard let marks else { return }
    for index in 0..<count where marks[index >> 6] & (1 << UInt64(index & 63)) != 0 {
      body(
        base + index, (fileOffset + Int(spans[index].start))..<(fileOffset + Int(spans[index].end)))
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
