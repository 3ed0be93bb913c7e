import Testing

@testable import ServiceLedger

/// Hostile lines for the reader: mutations of valid lines and hand-made nasty cases.
enum Hostile {
  /// One named hostile line and, when known, a fragment its problem must contain.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var message: String?
    var testDescription: String { name }
  }

  static let event =
    #"{"id":"00000000-0000-4000-8000-0000000000e1","at":"2014-01-01T09:30:00Z","by":"p-1","type":"service.registered","data":{"service":"a","name":"#

  /// A service registration whose `name` is `value` (raw bytes, quotes included).
  static func named(_ value: [UInt8]) -> [UInt8] {
    Array(event.utf8) + value + Array(#","organisation":"OPG"}}"#.utf8)
  }

  static let cases: [Case] = [
    Case(
      name: "10 MB line", bytes: Array(repeating: UInt8(ascii: "a"), count: 10_000_000),
      message: "longer than the 1 MiB limit"),
    Case(name: "blank line", bytes: [], message: "blank line"),
    Case(name: "spaces only", bytes: Array("   ".utf8)),
    Case(name: "random binary", bytes: [0x00, 0xFF, 0x13, 0x7B, 0x22, 0xC3]),
    Case(name: "truncated object", bytes: Array(event.utf8)),
    Case(name: "invalid UTF-8 byte", bytes: named([0x22, 0x41, 0xFF, 0x22]), message: "UTF-8"),
    Case(name: "overlong UTF-8", bytes: named([0x22, 0xC0, 0xAF, 0x22]), message: "UTF-8"),
    Case(
      name: "UTF-8 encoded surrogate", bytes: named([0x22, 0xED, 0xA0, 0x80, 0x22]),
      message: "UTF-8"),
    Case(
      name: "truncated UTF-8 sequence", bytes: named([0x22, 0xE2, 0x82, 0x22]),
      message: "UTF-8"),
    Case(name: "lone high surrogate escape", bytes: named(Array(#""\ud800""#.utf8))),
    Case(name: "lone low surrogate escape", bytes: named(Array(#""x\udc00y""#.utf8))),
    Case(name: "high surrogate then letter", bytes: named(Array(#""\ud800\u0041""#.utf8))),
    Case(name: "raw NUL in a string", bytes: named([0x22, 0x41, 0x00, 0x42, 0x22])),
    Case(name: "raw NUL outside strings", bytes: [0x00] + named(Array(#""A""#.utf8))),
    Case(name: "raw control character in a string", bytes: named([0x22, 0x1B, 0x5B, 0x22])),
    Case(name: "100,000 nested arrays", bytes: nested(100_000, "[", "]")),
    Case(name: "100,000 nested objects", bytes: nested(100_000, #"{"a":"#, "}")),
    Case(
      name: "100,000 unclosed arrays", bytes: Array(repeating: UInt8(ascii: "["), count: 100_000)),
    Case(name: "nesting inside data", bytes: named(nested(5_000, "[", "]"))),
    Case(name: "number 1e999999", bytes: named(Array("1e999999".utf8))),
    Case(
      name: "10,000-digit integer", bytes: named(Array(repeating: UInt8(ascii: "9"), count: 10_000))
    ),
    Case(name: "huge exponent in a count", bytes: volume("1E+2147483648")),
    Case(name: "negative zero count", bytes: volume("-0.0")),
    Case(name: "fractional count", bytes: volume("12.5")),
    Case(name: "count past Int64", bytes: volume("99999999999999999999999")),
    Case(
      name: "a JSON array, not an object", bytes: Array("[1,2,3]".utf8),
      message: "must be a JSON object"),
    Case(name: "a bare string", bytes: Array(#""hello""#.utf8)),
    Case(name: "trailing garbage", bytes: named(Array(#""A""#.utf8)) + Array("}}".utf8)),
    Case(
      name: "two objects on one line",
      bytes: named(Array(#""A""#.utf8)) + named(Array(#""B""#.utf8))),
    Case(
      name: "duplicate envelope key",
      bytes: Array(
        #"{"id":"00000000-0000-4000-8000-0000000000e1","id":"x","at":"2014-01-01T09:30:00Z","by":"p-1","type":"barrier.removed","data":{}}"#
          .utf8)),
  ]

  static func nested(_ depth: Int, _ open: String, _ close: String) -> [UInt8] {
    Array(String(repeating: open, count: depth).utf8) + Array("1".utf8)
      + Array(String(repeating: close, count: depth).utf8)
  }

  static func volume(_ total: String) -> [UInt8] {
    Array(
      (#"{"id":"00000000-0000-4000-8000-0000000000e2","at":"2014-01-01T09:30:00Z","by":"p-1","type":"volume.reported","data":{"service":"a","from":"2013-01-01","to":"2013-12-31","total":"#
        + total + "}}").utf8)
  }

  /// Bytes that break UTF-8 in different ways.
  static let badUTF8: [[UInt8]] = [
    [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
    [0xE2, 0x82],
  ]

  /// Pieces of text that are hostile inside a JSON string or number.
  static let nasty: [String] = [
    #"\ud800"#, #"\udfff"#, #"\ud800\u0041"#, #"\u0000"#, "1e999999", "-0", "1E+2147483648",
    String(repeating: "9", count: 400), "0." + String(repeating: "0", count: 1000) + "1",
    String(repeating: "[", count: 2000), #"\"#, #"\u12"#, "\u{1B}[31m", "\u{202E}",
  ]

  /// `base` changed in one random way; never contains a newline.
  static func mutated(_ base: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    var line = base
    let position = random.index(line.count + 1)
    switch random.index(11) {
    case 0:
      line = (0..<random.index(300)).map { _ in random.byte() }
    case 1:
      line = Array(line.prefix(random.index(line.count)))
    case 2:
      for _ in 0...random.index(4) where !line.isEmpty {
        line[random.index(line.count)] = random.byte()
      }
    case 3:
      line.insert(contentsOf: (0...random.index(8)).map { _ in random.byte() }, at: position)
    case 4:
      let end = min(line.count, position + 1 + random.index(20))
      line.removeSubrange(min(position, end)..<end)
    case 5:
      line.insert(contentsOf: badUTF8[random.index(badUTF8.count)], at: position)
    case 6:
      line.insert(contentsOf: Array(nasty[random.index(nasty.count)].utf8), at: position)
    case 7:
      line.insert(0, at: position)
    case 8:
      let depth = [10, 600, 20_000][random.index(3)]
      line.insert(contentsOf: nested(depth, "[", random.index(2) == 0 ? "]" : ""), at: position)
    case 9:
      // A number replaced by a hostile one: after the first ':' followed by a digit.
      if let colon = line.indices.dropLast().first(where: {
        line[$0] == UInt8(ascii: ":") && (48...57).contains(line[$0 + 1])
      }) {
        var end = colon + 1
        while end < line.count, (48...57).contains(line[end]) { end += 1 }
        line.replaceSubrange((colon + 1)..<end, with: Array(nasty[4 + random.index(5)].utf8))
      }
    default:
      line.insert(UInt8(random.index(0x20)), at: position)
    }
    return line.map { $0 == 10 ? 32 : $0 }
  }
}
