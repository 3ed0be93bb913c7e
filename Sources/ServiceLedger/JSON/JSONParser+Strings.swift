extension JSONParser.Scanner {
  /// Reads a string whose opening quote is at `pos`, leaving `pos` after the closing quote.
  ///
  /// Strings without escapes become a `String` straight from the input bytes. Bytes below 0x80
  /// need no UTF-8 check, so validation runs only when some byte had its high bit set.
  mutating func scanString() throws(JSONSyntaxError) -> String {
    let open = pos
    let start = pos + 1
    var index = start
    var highBits: UInt8 = 0
    while true {
      // Skip to the next byte that is '"', '\\', a control character or >= 0x80, eight bytes
      // at a time while eight remain.
      while index + 8 <= end {
        let mask = Self.specialBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if mask != 0 {
          index += mask.trailingZeroBitCount >> 3
          break
        }
        index += 8
      }
      guard index < end else { throw error("unterminated string", at: open) }
      let byte = base[index]
      if byte == UInt8(ascii: "\"") {
        pos = index + 1
        if highBits >= 0x80 { try validateUTF8(from: start, to: index) }
        return makeString(start, count: index - start)
      }
      if byte == UInt8(ascii: "\\") {
        return try scanEscapedString(open: open, backslash: index, highBits: highBits)
      }
      if byte < 0x20 {
        throw controlCharacter(at: index, stringStart: start, checkUTF8: highBits >= 0x80)
      }
      highBits |= byte
      index += 1
    }
  }

  /// A `String` from the `count` bytes at `start`, known to be valid UTF-8.
  @inline(__always) func makeString(_ start: Int, count: Int) -> String {
    // Short strings are the common case. Handing them over as one 8-byte store, rather than
    // the byte-sized stores of a copy, lets the small-string code read them back without a
    // store-forwarding stall; bytes past `count` are ignored by `String`.
    if count <= 8, start + 8 <= end {
      let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
      return String(unsafeUninitializedCapacity: 8) { buffer in
        UnsafeMutableRawBufferPointer(buffer).storeBytes(of: word, as: UInt64.self)
        return count
      }
    }
    return String(unsafeUninitializedCapacity: count) { buffer in
      guard let target = buffer.baseAddress else { return 0 }
      target.initialize(from: base + start, count: count)
      return count
    }
  }

  /// Eight bytes (little-endian) with the high bit of the first byte that is `"`, `\`, below
  /// 0x20 or at least 0x80 set, and no bit set below it; zero when there is no such byte.
  ///
  /// `(x - 0x01…) & ~x & 0x80…` flags zero bytes; a borrow can only wrongly flag bytes above a
  /// correctly flagged one, so the lowest flag is exact. The same holds for `x - 0x20…`, which
  /// flags bytes below 0x20.
  @inline(__always) static func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quotes = word ^ 0x2222_2222_2222_2222
    let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
    let control = (word &- 0x2020_2020_2020_2020) & ~word
    let quote = (quotes &- ones) & ~quotes
    let backslash = (backslashes &- ones) & ~backslashes
    return (word | control | quote | backslash) & 0x8080_8080_8080_8080
  }

  /// The slow path of `scanString` once a backslash shows up: decodes into `decoded`.
  private mutating func scanEscapedString(
    open: Int, backslash: Int, highBits: UInt8
  ) throws(JSONSyntaxError) -> String {
    let start = open + 1
    var highBits = highBits
    decoded.removeAll(keepingCapacity: true)
    var segment = start
    var index = backslash
    while index < end {
      let byte = base[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        decoded.append(
          contentsOf: UnsafeBufferPointer(start: base + segment, count: index - segment))
        if byte == UInt8(ascii: "\\") {
          index = try decodeEscape(at: index, open: open)
          segment = index
          continue
        }
        pos = index + 1
        // Escapes are ASCII, so the raw bytes are valid UTF-8 exactly when the unescaped
        // segments are; escapes themselves only ever append well-formed UTF-8.
        if highBits >= 0x80 { try validateUTF8(from: start, to: index) }
        return String(decoding: decoded, as: UTF8.self)
      }
      if byte < 0x20 {
        throw controlCharacter(at: index, stringStart: start, checkUTF8: highBits >= 0x80)
      }
      highBits |= byte
      index += 1
    }
    throw error("unterminated string", at: open)
  }

  /// Decodes the escape whose backslash is at `index` into `decoded`.
  /// - Returns: the index just after the escape.
  private mutating func decodeEscape(at index: Int, open: Int) throws(JSONSyntaxError) -> Int {
    guard index + 1 < end else { throw error("unterminated string", at: open) }
    let byte: UInt8
    switch base[index + 1] {
    case UInt8(ascii: "\""): byte = 0x22
    case UInt8(ascii: "\\"): byte = 0x5C
    case UInt8(ascii: "/"): byte = 0x2F
    case UInt8(ascii: "b"): byte = 0x08
    case UInt8(ascii: "f"): byte = 0x0C
    case UInt8(ascii: "n"): byte = 0x0A
    case UInt8(ascii: "r"): byte = 0x0D
    case UInt8(ascii: "t"): byte = 0x09
    case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: index)
    case let other:
      guard (0x21...0x7E).contains(other) else {
        let found = describe(at: index + 1)
        throw error("invalid escape: backslash followed by \(found)", at: index)
      }
      throw error("invalid escape \\\(Character(Unicode.Scalar(other)))", at: index)
    }
    decoded.append(byte)
    return index + 2
  }

  /// Decodes `\uXXXX`, or a `\uXXXX\uXXXX` surrogate pair, starting at the backslash `index`.
  private mutating func decodeUnicodeEscape(at index: Int) throws(JSONSyntaxError) -> Int {
    let unit = try hexQuad(escapeAt: index)
    var scalar = UInt32(unit)
    var next = index + 6
    if unit & 0xF800 == 0xD800 {
      // A high surrogate must be followed at once by an escaped low surrogate; anything else
      // (including a low surrogate first) cannot be represented in a String.
      guard unit < 0xDC00, next + 1 < end, base[next] == UInt8(ascii: "\\"),
        base[next + 1] == UInt8(ascii: "u")
      else { throw loneSurrogate(at: index) }
      let low = try hexQuad(escapeAt: next)
      guard low & 0xFC00 == 0xDC00 else { throw loneSurrogate(at: index) }
      scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
      next += 6
    }
    switch scalar {
    case 0..<0x80:
      decoded.append(UInt8(scalar))
    case 0x80..<0x800:
      decoded.append(0xC0 | UInt8(scalar >> 6))
      decoded.append(0x80 | UInt8(scalar & 0x3F))
    case 0x800..<0x10000:
      decoded.append(0xE0 | UInt8(scalar >> 12))
      decoded.append(0x80 | UInt8((scalar >> 6) & 0x3F))
      decoded.append(0x80 | UInt8(scalar & 0x3F))
    default:
      decoded.append(0xF0 | UInt8(scalar >> 18))
      decoded.append(0x80 | UInt8((scalar >> 12) & 0x3F))
      decoded.append(0x80 | UInt8((scalar >> 6) & 0x3F))
      decoded.append(0x80 | UInt8(scalar & 0x3F))
    }
    return next
  }

  /// The four hex digits after the `\u` whose backslash is at `index`.
  private func hexQuad(escapeAt index: Int) throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for offset in 2..<6 {
      let digit: UInt8
      let byte = index + offset < end ? base[index + offset] : 0
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid escape \\u: expected 4 hex digits", at: index)
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  private func loneSurrogate(at index: Int) -> JSONSyntaxError {
    let lexeme = String(decoding: UnsafeBufferPointer(start: base + index, count: 6), as: UTF8.self)
    return error("lone surrogate \(lexeme)", at: index)
  }

  /// The error for a raw control character at `index`, unless invalid UTF-8 comes first.
  private func controlCharacter(
    at index: Int, stringStart: Int, checkUTF8: Bool
  ) -> JSONSyntaxError {
    if checkUTF8 {
      do throws(JSONSyntaxError) {
        try validateUTF8(from: stringStart, to: index)
      } catch {
        return error
      }
    }
    return error("control character \(describe(at: index)) in string", at: index)
  }
}
