#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FastLineDecoder {
  /// A `volume.reported` line laid out exactly as the writer lays it out (keys in the writer's
  /// order, no spaces, no `v`), decoded by matching that layout: the fixed text between the
  /// values is compared, not parsed. Nearly every line of a long log has this shape.
  ///
  /// Any other line, and any line whose values break a rule, gives nil and goes to the general
  /// fast path: a line taken here is one that path takes too, with the same result (every
  /// value is checked as strictly, and the free text as plainly).
  static func canonicalVolumeReport(
    _ base: UnsafeRawPointer, _ count: Int, location: EventLocation, memo: inout Memo
  ) -> RecordedEvent? {
    withUnsafeTemporaryAllocation(of: RecordedEvent.self, capacity: 1) { slot in
      guard let slot = slot.baseAddress,
        canonicalVolumeReport(base, count, location: location, memo: &memo, into: slot)
      else { return nil }
      return slot.move()
    }
  }

  /// `canonicalVolumeReport(_:_:location:memo:)` decoded straight into `slot`, which it
  /// initializes when it returns true: a replay decodes into its run's storage without copying
  /// the event on the way.
  static func canonicalVolumeReport(
    _ base: UnsafeRawPointer, _ count: Int, location: EventLocation, memo: inout Memo,
    into slot: UnsafeMutablePointer<RecordedEvent>
  ) -> Bool {
    var line = Layout(base: base, count: count)
    guard line.skip(#"{"id":""#), let idText = line.take(36), let id = EventID.parse(idText),
      line.skip(#"","at":""#), let atText = line.text(),
      let at = Timestamp.parse(atText, date: memo.dates.date(atText, field: 2)),
      line.skip(#"","by":""#), let byText = line.text(),
      let by = memo.actors.value(byText, ActorID.isValid),
      line.skip(#"","type":"volume.reported","data":{"service":""#),
      let serviceText = line.text(),
      let service = memo.services.value(serviceText, ServiceID.isValid, numbering: memo.numbering),
      line.skip(#"","from":""#), let fromText = line.take(10),
      let from = memo.dates.date(fromText, field: 0),
      line.skip(#"","to":""#), let toText = line.take(10),
      let to = memo.dates.date(toText, field: 1),
      line.skip(#"","total":"#), let total = line.number()
    else { return false }
    var report = VolumeReported(
      service: ServiceID(unchecked: service), from: from, to: to, total: total)
    guard line.count(after: #","digital":"#, into: &report.digital),
      line.count(after: #","assisted":"#, into: &report.assisted),
      line.count(after: #","phone":"#, into: &report.phone),
      line.count(after: #","post":"#, into: &report.post),
      line.count(after: #","faceToFace":"#, into: &report.faceToFace),
      line.count(after: #","other":"#, into: &report.other)
    else { return false }
    // Optional text must say something, as `PayloadDecoder` requires, or the line goes to it.
    if line.skip(#","label":""#) {
      guard let text = line.text(), Layout.isPlain(text), line.skip("\""),
        let label = memo.texts.value(text, PayloadDecoder.saysSomething)
      else { return false }
      report.label = label
    }
    if line.skip(#","source":""#) {
      guard let text = line.text(), Layout.isPlain(text), line.skip("\""),
        let source = memo.texts.value(text, PayloadDecoder.saysSomething)
      else { return false }
      report.source = source
    }
    guard line.skip("}}"), line.isAtEnd, (try? report.validate()) != nil else { return false }
    memo.volume = (
      memo.services.lastNumber, Int32(clamping: from.dayNumber), Int32(clamping: to.dayNumber)
    )
    slot.initialize(
      to: RecordedEvent(
        id: id, at: at, by: ActorID(unchecked: by), event: .volumeReported(report),
        location: location))
    return true
  }

  /// A cursor that matches a line against a fixed layout.
  private struct Layout {
    let base: UnsafeRawPointer
    let count: Int
    var index = 0

    var isAtEnd: Bool { index == count }

    /// Whether free text is plain: printable ASCII without `\`, as the general path requires.
    static func isPlain(_ text: UnsafeRawBufferPointer) -> Bool {
      guard let start = text.baseAddress else { return true }
      return FastLineDecoder.isPlain(start, text.count)
    }

    /// Moves past `literal` when the line goes on with exactly it.
    mutating func skip(_ literal: StaticString) -> Bool {
      let length = literal.utf8CodeUnitCount
      guard index + length <= count, memcmp(base + index, literal.utf8Start, length) == 0 else {
        return false
      }
      index += length
      return true
    }

    /// The next `length` bytes.
    mutating func take(_ length: Int) -> UnsafeRawBufferPointer? {
      guard index + length <= count else { return nil }
      defer { index += length }
      return UnsafeRawBufferPointer(start: base + index, count: length)
    }

    /// The bytes up to the next quote, which is left for the layout to match.
    mutating func text() -> UnsafeRawBufferPointer? {
      guard let end = FastLineDecoder.quote(in: base, from: index, to: count) else { return nil }
      defer { index = end }
      return UnsafeRawBufferPointer(start: base + index, count: end - index)
    }

    /// Reads `key` and the count after it into `value` when the line goes on with `key`;
    /// false when the count is not one.
    mutating func count(after key: StaticString, into value: inout Int?) -> Bool {
      guard skip(key) else { return true }
      guard let number = number() else { return false }
      value = number
      return true
    }

    /// A whole number ≥ 0 of at most 15 digits, without leading zeros, followed by `,` or `}`.
    mutating func number() -> Int? {
      var value = 0
      let start = index
      while index < count {
        let digit = base.load(fromByteOffset: index, as: UInt8.self) &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        guard index - start < 15 else { return nil }
        value = value * 10 + Int(digit)
        index += 1
      }
      let digits = index - start
      guard digits > 0, index < count,
        digits == 1 || base.load(fromByteOffset: start, as: UInt8.self) != UInt8(ascii: "0")
      else { return nil }
      let next = base.load(fromByteOffset: index, as: UInt8.self)
      return next == UInt8(ascii: ",") || next == UInt8(ascii: "}") ? value : nil
    }
  }
}
