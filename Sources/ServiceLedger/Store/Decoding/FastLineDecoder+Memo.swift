/// What the fast decoder remembers from line to line.
extension FastLineDecoder {
  /// The strings of earlier lines, which later lines mostly repeat (the same few services,
  /// actors and sources): a repeated one is neither checked nor copied into a new `String`
  /// again.
  struct Memo {
    var services = RecentStrings(slots: 4096)
    var actors = RecentStrings(slots: 64)
    var texts = RecentStrings(slots: 64)
    /// The dates of the last line's `from`, `to` and `at`: the next line mostly repeats them.
    var dates = RecentDates()
    /// Where a replay's decoding numbers services (see `ServiceNumbers`).
    var numbering: ServiceNumbers?
    /// The line just decoded, when it was a volume report in the writer's layout: the number
    /// of its service and its period (`from`, `to` as day numbers), which the replay cache
    /// notes (`EventNote`) without reading the event again; else nil.
    var volume: (service: Int32, from: Int32, to: Int32)?

    /// A memo that remembers nothing, for decoding a single line.
    static var none: Memo {
      Memo(
        services: RecentStrings(slots: 0), actors: RecentStrings(slots: 0),
        texts: RecentStrings(slots: 0))
    }
  }

  /// The last few dates parsed, by field: reports of one period come together, and so do
  /// events recorded on one day.
  struct RecentDates {
    /// Each field starts as if it had read 1970-01-01 (day 0), so that what it answers from
    /// memory was parsed: keys of zeros matched ten NUL bytes, and answered 1970-01-01.
    private var keys = [(UInt64, UInt16)](repeating: epoch, count: 3)
    private var values = [CivilDate](repeating: CivilDate(dayNumber: 0), count: 3)
    private static let epoch = Array("1970-01-01".utf8).withUnsafeBytes {
      ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
    }

    /// The date `YYYY-MM-DD` that the first 10 of `bytes` spell, for field number `field`
    /// (0, 1 or 2), or nil.
    mutating func date(_ bytes: UnsafeRawBufferPointer, field: Int) -> CivilDate? {
      guard bytes.count >= 10, let base = bytes.baseAddress, keys.indices.contains(field) else {
        return nil
      }
      let key = (
        base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
      )
      if keys[field] == key { return values[field] }
      guard let date = CivilDate.parse(UnsafeRawBufferPointer(rebasing: bytes[0..<10])) else {
        return nil
      }
      keys[field] = key
      values[field] = date
      return date
    }
  }

  /// A direct-mapped table of strings of at most 16 bytes that passed a check.
  struct RecentStrings {
    private var keys: [Key]
    private var values: [String]
    /// Per string, the number `value(_:_:numbering:)` gave for it, or -1; and the number of
    /// the string found last.
    private var numbers: [Int32]
    private(set) var lastNumber: Int32 = -1
    /// The last string found, tried first: an actor or a source mostly repeats line after line.
    private var lastKey = Key()
    private var lastValue = ""

    /// A table of `slots` strings: a power of two, or 0 to remember nothing.
    init(slots: Int) {
      keys = [Key](repeating: Key(), count: slots)
      values = [String](repeating: "", count: slots)
      numbers = [Int32](repeating: -1, count: slots)
    }

    private struct Key: Equatable {
      var words: (UInt64, UInt64) = (0, 0)
      var count = -1

      init() {}

      /// The key of at most 16 bytes: their bytes in order, zero after them. Read with loads
      /// of whole words that may overlap, never past the bytes: copying them into the words
      /// instead made the loads that follow wait for the copy's stores (about a third of the
      /// time in `value`, some 3% of a decoding thread's).
      @inline(__always)
      init(_ bytes: UnsafeRawBufferPointer) {
        count = bytes.count
        guard let base = bytes.baseAddress else { return }
        switch count {
        case 8...16:
          let tail = UInt64(
            littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
          words = (
            UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)), tail >> ((16 - count) * 8)
          )
        case 4..<8:
          let tail = UInt32(
            littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
          let head = UInt32(littleEndian: base.loadUnaligned(as: UInt32.self))
          words = (UInt64(head) | UInt64(tail >> ((8 - count) * 8)) << 32, 0)
        default:
          var word: UInt64 = 0
          for index in 0..<count { word |= UInt64(bytes[index]) << (index * 8) }
          words = (word, 0)
        }
      }

      static func == (a: Key, b: Key) -> Bool {
        a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1
      }
    }

    /// The string of `bytes` when `isValid` accepts it, else nil; `numbering`, when given, is
    /// asked once for the number of each new string, which `lastNumber` then gives.
    mutating func value(
      _ bytes: UnsafeRawBufferPointer, _ isValid: (String) -> Bool,
      numbering: ServiceNumbers? = nil
    ) -> String? {
      guard bytes.count <= 16, !keys.isEmpty else {
        let text = String(decoding: bytes, as: UTF8.self)
        guard isValid(text) else { return nil }
        lastNumber = numbering?.number(of: text) ?? -1
        return text
      }
      let key = Key(bytes)
      if lastKey == key, lastNumber >= 0 || numbering == nil { return lastValue }
      // Every byte counts (names differ mostly in their last ones): a full-width product,
      // folded, then its top bits.
      let product = (key.words.0 ^ (key.words.1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bytes.count))
        .multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
      let mixed = (product.high ^ product.low) &* 0x94D0_49BB_1331_11EB
      let slot = Int(truncatingIfNeeded: mixed >> (64 - keys.count.trailingZeroBitCount))
      if keys[slot] == key, numbers[slot] >= 0 || numbering == nil {
        (lastKey, lastValue, lastNumber) = (key, values[slot], numbers[slot])
        return values[slot]
      }
      let text = String(decoding: bytes, as: UTF8.self)
      guard isValid(text) else { return nil }
      keys[slot] = key
      values[slot] = text
      numbers[slot] = numbering?.number(of: text) ?? -1
      (lastKey, lastValue, lastNumber) = (key, text, numbers[slot])
      return text
    }
  }
}
