extension JSONParser.Scanner {
  /// Throws at the first ill-formed UTF-8 sequence in `start..<limit`.
  func validateUTF8(from start: Int, to limit: Int) throws(JSONSyntaxError) {
    var index = start
    while index < limit {
      if base[index] < 0x80 {
        index += 1
        continue
      }
      switch decodeUTF8(at: index, limit: limit) {
      case .scalar(_, let length): index += length
      case .invalid(let reason): throw error(reason, at: index)
      }
    }
  }

  /// What `decodeUTF8(at:limit:)` found.
  enum UTF8Decoding {
    case scalar(UInt32, length: Int)
    case invalid(String)
  }

  /// Decodes the multi-byte sequence at `index` (`base[index] >= 0x80`) by the table of
  /// well-formed sequences in Unicode §3.9, which excludes overlong forms, surrogates and
  /// values above U+10FFFF.
  func decodeUTF8(at index: Int, limit: Int) -> UTF8Decoding {
    let lead = base[index]
    let count: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 2
    case 0xE0: (count, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE, 0xEF: count = 3
    case 0xED: (count, high) = (3, 0x9F)
    case 0xF0: (count, low) = (4, 0x90)
    case 0xF1...0xF3: count = 4
    case 0xF4: (count, high) = (4, 0x8F)
    default: return .invalid("invalid UTF-8 byte \(Self.hex(lead))")
    }
    var scalar = UInt32(lead) & (0x7F >> count)
    for offset in 1..<count {
      let byte: UInt8? = index + offset < limit ? base[index + offset] : nil
      guard let byte, byte >= low, byte <= high else {
        let seen = (0..<min(offset + 1, limit - index)).map { Self.hex(base[index + $0]) }
        let kind = (byte ?? 0) & 0xC0 == 0x80 ? "invalid" : "truncated"
        return .invalid("\(kind) UTF-8 sequence \(seen.joined(separator: " "))")
      }
      scalar = scalar << 6 | UInt32(byte & 0x3F)
      (low, high) = (0x80, 0xBF)
    }
    return .scalar(scalar, length: count)
  }

  /// `0x` and two lower-case hex digits.
  static func hex(_ byte: UInt8) -> String {
    (byte < 0x10 ? "0x0" : "0x") + String(byte, radix: 16)
  }
}
