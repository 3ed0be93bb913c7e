#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes the usual shape of a log line straight from its bytes, without building a JSON tree
/// for the envelope: the replay's hot path.
///
/// It handles a strict subset of JSON: printable ASCII text without escapes, the envelope keys
/// once each (`v` only as 1), and a `data` object whose values are strings, integers or
/// decimals of at most 15 digits, booleans or null. Anything else, and every line that is not a
/// valid event, returns nil, and the caller decodes the line with the full parser and
/// `EnvelopeDecoder`, which are the reference: this path may only ever agree with them or step
/// aside.
enum FastLineDecoder {
  /// The event on `line` (without its `\n`), or nil to use the full decoder.
  static func decode(_ line: UnsafeRawBufferPointer, location: EventLocation) -> RecordedEvent? {
    var memo = Memo.none
    return decode(line, location: location, memo: &memo)
  }

  /// `decode(_:location:)` remembering, in `memo`, the strings of earlier lines of the same
  /// run, which later lines mostly repeat.
  static func decode(
    _ line: UnsafeRawBufferPointer, location: EventLocation, memo: inout Memo
  ) -> RecordedEvent? {
    memo.volume = nil
    guard let base = line.baseAddress else { return nil }
    if let event = canonicalVolumeReport(base, line.count, location: location, memo: &memo) {
      return event
    }
    return decodeGeneral(base, line.count, location: location, memo: &memo)
  }

  /// `decode(_:location:memo:)` for a line not in the writer's layout of a volume report
  /// (`canonicalVolumeReport`): the subset above, parsed.
  static func decodeGeneral(
    _ base: UnsafeRawPointer, _ count: Int, location: EventLocation, memo: inout Memo
  ) -> RecordedEvent? {
    let line = UnsafeRawBufferPointer(start: base, count: count)
    // Printable ASCII without `\`: no escapes to decode, no UTF-8 to validate or normalise,
    // and no control characters inside strings.
    guard isPlain(base, line.count) else { return nil }
    var scanner = Scanner(base: base, count: line.count)
    var id: EventID?
    var at: Timestamp?
    var by: ActorID?
    var type: EventType?
    var data: [JSONMember]?
    var version = false
    guard scanner.take(UInt8(ascii: "{")) else { return nil }
    repeat {
      guard let key = scanner.string(), scanner.take(UInt8(ascii: ":")) else { return nil }
      switch Envelope(key) {
      case .id:
        guard id == nil, let text = scanner.string(), let value = EventID.parse(text) else {
          return nil
        }
        id = value
      case .at:
        guard at == nil, let text = scanner.string(), let value = Timestamp.parse(text) else {
          return nil
        }
        at = value
      case .by:
        guard by == nil, let text = scanner.string(),
          let actor = memo.actors.value(text, ActorID.isValid)
        else { return nil }
        by = ActorID(unchecked: actor)
      case .type:
        guard type == nil, let text = scanner.string(), let value = EventType.named(text) else {
          return nil
        }
        type = value
      case .version:
        // Once only, as the strict decoder requires of every key.
        guard !version, scanner.take(UInt8(ascii: "1")), scanner.atValueEnd else { return nil }
        version = true
      case .data:
        guard data == nil, let members = scanner.flatObject() else { return nil }
        data = members
      case nil:
        return nil
      }
    } while scanner.take(UInt8(ascii: ","))
    guard scanner.take(UInt8(ascii: "}")), scanner.isAtEnd, let id, let at, let by, let type,
      let data
    else { return nil }
    guard let current = try? Upcaster.upcast(type: type, version: 1, data: data),
      let event = try? Event.decode(type: type, data: current, normalising: false)
    else {
      return nil
    }
    return RecordedEvent(id: id, at: at, by: by, event: event, location: location)
  }

  /// Whether all `count` bytes at `base` are printable ASCII (0x20...0x7E) other than `\`:
  /// eight bytes at a time.
  static func isPlain(_ base: UnsafeRawPointer, _ count: Int) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var flagged: UInt64 = 0
    var offset = 0
    while offset + 8 <= count {
      let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      // A byte below 0x20; a byte of 0x7F or more; a byte equal to `\` (0x5C).
      flagged |= (word &- 0x20 &* ones) & ~word & high
      flagged |= (((word & 0x7F7F_7F7F_7F7F_7F7F) &+ ones) | word) & high
      let backslashes = word ^ (0x5C &* ones)
      flagged |= (backslashes &- ones) & ~backslashes & high
      offset += 8
    }
    guard flagged == 0 else { return false }
    while offset < count {
      let byte = base.load(fromByteOffset: offset, as: UInt8.self)
      if byte &- 0x20 >= 0x5F || byte == UInt8(ascii: "\\") { return false }
      offset += 1
    }
    return true
  }

  /// The offset of the first `"` in `base[start..<end]`, or nil: eight bytes at a time.
  static func quote(in base: UnsafeRawPointer, from start: Int, to end: Int) -> Int? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    var offset = start
    while offset + 8 <= end {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let quotes = word ^ (UInt64(UInt8(ascii: "\"")) &* ones)
      let found = (quotes &- ones) & ~quotes & 0x8080_8080_8080_8080
      if found != 0 { return offset + found.trailingZeroBitCount / 8 }
      offset += 8
    }
    while offset < end {
      if base.load(fromByteOffset: offset, as: UInt8.self) == UInt8(ascii: "\"") { return offset }
      offset += 1
    }
    return nil
  }

  /// The envelope's keys.
  private enum Envelope {
    case id, at, by, type, version, data

    init?(_ key: UnsafeRawBufferPointer) {
      if key.equals("id") {
        self = .id
      } else if key.equals("at") {
        self = .at
      } else if key.equals("by") {
        self = .by
      } else if key.equals("type") {
        self = .type
      } else if key.equals("data") {
        self = .data
      } else if key.equals("v") {
        self = .version
      } else {
        return nil
      }
    }
  }

  /// A cursor over a plain line's bytes for the subset above.
  private struct Scanner {
    let base: UnsafeRawPointer
    let count: Int
    var index = 0

    init(base: UnsafeRawPointer, count: Int) {
      self.base = base
      self.count = count
    }

    subscript(offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

    var isAtEnd: Bool {
      mutating get {
        skipSpace()
        return index == count
      }
    }

    /// Whether the next token ends a value: `,` or `}` after optional space.
    var atValueEnd: Bool {
      mutating get {
        skipSpace()
        guard index < count else { return false }
        return self[index] == UInt8(ascii: ",") || self[index] == UInt8(ascii: "}")
      }
    }

    /// Skips spaces: a plain line has no other whitespace.
    mutating func skipSpace() {
      while index < count, self[index] == UInt8(ascii: " ") { index += 1 }
    }

    /// Consumes `byte` after optional space.
    mutating func take(_ byte: UInt8) -> Bool {
      if index < count, self[index] == byte {
        index += 1
        return true
      }
      skipSpace()
      guard index < count, self[index] == byte else { return false }
      index += 1
      return true
    }

    /// A string (a plain line has no escapes, so the next quote ends it): its bytes without
    /// the quotes. The quote is looked for eight bytes at a time.
    mutating func string() -> UnsafeRawBufferPointer? {
      guard take(UInt8(ascii: "\"")),
        let end = FastLineDecoder.quote(in: base, from: index, to: count)
      else { return nil }
      return taking(to: end)
    }

    /// The bytes from `index` to the closing quote at `end`, moving past the quote.
    private mutating func taking(to end: Int) -> UnsafeRawBufferPointer {
      let text = UnsafeRawBufferPointer(start: base + index, count: end - index)
      index = end + 1
      return text
    }

    /// An object whose members are all scalars, as JSON members.
    mutating func flatObject() -> [JSONMember]? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var members: [JSONMember] = []
      members.reserveCapacity(12)
      if take(UInt8(ascii: "}")) { return members }
      repeat {
        guard let key = string(), take(UInt8(ascii: ":")), let value = scalar() else { return nil }
        members.append(JSONMember(key: String(decoding: key, as: UTF8.self), value: value))
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "}")) ? members : nil
    }

    /// A string, a short number, `true`, `false` or `null`.
    mutating func scalar() -> JSONValue? {
      skipSpace()
      guard index < count else { return nil }
      switch self[index] {
      case UInt8(ascii: "\""):
        return string().map { .string(String(decoding: $0, as: UTF8.self)) }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return decimal()
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return nil
      }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits in all (exactly representable, so
    /// never out of range); exponents go to the full parser.
    mutating func decimal() -> JSONValue? {
      let start = index
      if self[index] == UInt8(ascii: "-") { index += 1 }
      var digits = 0
      guard index < count, self[index] &- UInt8(ascii: "0") < 10 else { return nil }
      let leadingZero = self[index] == UInt8(ascii: "0")
      while index < count, self[index] &- UInt8(ascii: "0") < 10 {
        index += 1
        digits += 1
      }
      if leadingZero && digits > 1 { return nil }
      if index < count, self[index] == UInt8(ascii: ".") {
        index += 1
        let before = digits
        while index < count, self[index] &- UInt8(ascii: "0") < 10 {
          index += 1
          digits += 1
        }
        if digits == before { return nil }
      }
      guard digits <= 15, index < count else { return nil }
      let next = self[index]
      guard next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
      let text = String(
        decoding: UnsafeRawBufferPointer(start: base + start, count: index - start),
        as: UTF8.self)
      return .number(JSONNumber(text: text))
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
      let length = word.utf8CodeUnitCount
      guard index + length <= count, memcmp(base + index, word.utf8Start, length) == 0 else {
        return nil
      }
      index += length
      return value
    }
  }
}
