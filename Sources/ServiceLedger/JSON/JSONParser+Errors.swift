extension JSONParser.Scanner {
  /// An error at byte `offset`, with its line and column worked out from the input.
  @inline(never)
  func error(_ reason: String, at offset: Int) -> JSONSyntaxError {
    var line = 1
    var column = 1
    // A leading byte order mark is invisible in editors, so it takes no column.
    var index = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
    let limit = min(offset, end)
    while index < limit {
      let byte = base[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return JSONSyntaxError(offset: offset, line: line, column: column, reason: reason)
  }

  /// The error for an unsuitable byte at `pos`, where `what` was expected.
  @inline(never)
  func unexpected(expecting what: String) -> JSONSyntaxError {
    guard pos < end else { return error("unexpected end of input, expected \(what)", at: pos) }
    if base[pos] >= 0x80, case .invalid(let reason) = decodeUTF8(at: pos, limit: end) {
      return error(reason, at: pos)
    }
    return error("expected \(what), found \(describe(at: pos))", at: pos)
  }

  /// A short description of the character at `index` for messages: `'x'`, `U+000B`, or
  /// `end of input`; a backquote is `U+0060`, so that it pairs with none around a command the
  /// message suggests (`Format.userText`).
  func describe(at index: Int) -> String {
    guard index < end else { return "end of input" }
    let byte = base[index]
    switch byte {
    case 0x20...0x7E where byte != UInt8(ascii: "`"):
      return "'\(Character(Unicode.Scalar(byte)))'"
    case 0..<0x80:
      return Self.codePoint(UInt32(byte))
    default:
      switch decodeUTF8(at: index, limit: end) {
      case .scalar(let scalar, _): return Self.codePoint(scalar)
      case .invalid: return "invalid UTF-8 byte \(Self.hex(byte))"
      }
    }
  }

  /// `U+` and at least four upper-case hex digits.
  static func codePoint(_ scalar: UInt32) -> String {
    "U+" + Format.hex(scalar, width: 4, uppercase: true)
  }
}
