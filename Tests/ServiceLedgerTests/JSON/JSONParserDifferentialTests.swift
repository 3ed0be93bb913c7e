import Foundation
import Testing

@testable import ServiceLedger

/// How `JSONSerialization` reads the same bytes, to compare `JSONParser` with.
enum FoundationJSON {
  /// What `JSONSerialization` makes of `bytes`: nil when it throws.
  static func value(_ bytes: [UInt8]) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
  }

  /// Whether `JSONSerialization` would read `bytes` as UTF-16 or UTF-32 rather than UTF-8.
  static func seesOtherEncoding(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
      || bytes.prefix(bytes.count >= 4 ? 4 : 2).contains(0)
  }

  /// Where our value and a `JSONSerialization` value differ, or nil when they agree: strings
  /// exactly, numbers numerically, objects with the last duplicate winning as in a dictionary.
  static func difference(_ ours: JSONValue, _ theirs: Any, at path: String = "$") -> String? {
    let mismatch = "\(path): \(ours) vs \(theirs)"
    switch ours {
    case .null: return theirs is NSNull ? nil : mismatch
    case .bool(let value): return (theirs as? NSNumber)?.boolValue == value ? nil : mismatch
    case .number(let number):
      guard let theirs = (theirs as? NSNumber)?.doubleValue, let ours = number.double else {
        return mismatch
      }
      let close = ours == theirs || abs(ours - theirs) <= 1e-12 * max(abs(ours), abs(theirs))
      return close ? nil : mismatch
    case .string(let value): return (theirs as? String) == value ? nil : mismatch
    case .array(let elements):
      guard let theirs = theirs as? [Any], theirs.count == elements.count else { return mismatch }
      return zip(elements, theirs).enumerated().lazy
        .compactMap { difference($1.0, $1.1, at: "\(path)[\($0)]") }.first
    case .object(let members):
      guard let theirs = theirs as? [String: Any] else { return mismatch }
      var lastWins: [String: JSONValue] = [:]
      for member in members { lastWins[member.key] = member.value }
      guard lastWins.count == theirs.count else { return mismatch }
      return lastWins.lazy.compactMap { key, value in
        theirs[key].map { difference(value, $0, at: "\(path).\(key.debugDescription)") }
          ?? "\(path): no key \(key.debugDescription)"
      }.first
    }
  }

  static func agree(_ ours: JSONValue, _ theirs: Any) -> Bool { difference(ours, theirs) == nil }

  /// `bytes` with each number that only we reject replaced by `0`, where that is because
  /// `JSONSerialization` checks a number's range only when building its dictionaries, so a
  /// member shadowed by a later duplicate key escapes the check (`{"a":1e400,"a":1}`).
  static func withShadowedHugeNumbersZeroed(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    while value(bytes) != nil {
      let failure = bytes.withUnsafeBytes { buffer -> JSONSyntaxError? in
        do throws(JSONSyntaxError) {
          _ = try JSONParser.parse(buffer, allowsTrailingCommas: true)
          return nil
        } catch { return error }
      }
      guard let failure, failure.reason.hasPrefix("number out of range") else { break }
      let lexeme = bytes[failure.offset...].prefix { Array("+-.0123456789eE".utf8).contains($0) }
      guard value([0x5B] + lexeme + [0x5D]) == nil else { break }
      bytes.replaceSubrange(lexeme.indices, with: [UInt8(ascii: "0")])
    }
    return bytes
  }
}

// MARK: - Differential and round-trip tests

/// Random JSON text written by hand rather than by our writer, to vary spacing, escapes and
/// number forms.
private struct JSONTextGenerator {
  var rng: SplitMix64

  mutating func value(depth: Int = 0) -> String {
    switch rng.below(depth >= 4 ? 4 : 7) {
    case 0: return rng.pick(["null", "true", "false"])
    case 1, 2: return number()
    case 3: return string()
    case 4, 5:
      let members = (0..<rng.below(5)).map { _ in
        space() + string() + space() + ":" + space() + value(depth: depth + 1) + space()
      }
      return "{" + space() + members.joined(separator: ",") + "}"
    default:
      let elements = (0..<rng.below(5)).map { _ in space() + value(depth: depth + 1) + space() }
      return "[" + space() + elements.joined(separator: ",") + "]"
    }
  }

  mutating func space() -> String {
    rng.below(4) == 0 ? rng.pick([" ", "\n", "\t", "\r\n", "  "]) : ""
  }

  mutating func digits(_ count: Int) -> String {
    String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(48 + rng.below(10)))) })
  }

  mutating func number() -> String {
    var text = rng.below(3) == 0 ? "-" : ""
    text +=
      rng.below(4) == 0 ? "0" : String(1 + rng.below(9)) + digits(rng.pick([0, 2, 5, 18, 40]))
    if rng.below(3) == 0 { text += "." + digits(1 + rng.below(6)) }
    if rng.below(3) == 0 {
      text += rng.pick(["e", "E"]) + rng.pick(["", "+", "-"])
      text += rng.pick([digits(1), digits(2), "00" + digits(1), String(280 + rng.below(50))])
    }
    return text
  }

  mutating func string() -> String {
    var text = "\""
    for _ in 0..<rng.below(12) {
      switch rng.below(10) {
      case 0: text += rng.pick([#"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#])
      case 1:
        let unit = rng.pick([rng.below(0x80), rng.below(0xD800), 0xE000 + rng.below(0x1EFF)])
        let hex = String(unit, radix: 16, uppercase: rng.below(2) == 0)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      case 2: text += rng.pick([#"\ud83d\ude00"#, #"\uD834\uDD1E"#, #"\udbff\udfff"#])
      case 3: text += rng.pick(["é", "😀", "\u{2028}", "漢", "\u{7f}", "ß", "\u{10FFFF}"])
      default: text += rng.pick(Array("abcxyz019 ,:{}[]/'#-.AZ").map(String.init))
      }
    }
    return text + "\""
  }
}

/// One random edit of `bytes`: a replaced, inserted or deleted byte, or a cut.
private func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
  let interesting =
    Array(" \t\n\r\"\\/,:[]{}019-+.eEtfnulx".utf8)
    + [0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
  var bytes = bytes
  let index = rng.below(bytes.count + 1)
  switch rng.below(4) {
  case 0 where index < bytes.count: bytes[index] = rng.pick(interesting)
  case 1: bytes.insert(rng.pick(interesting), at: index)
  case 2 where index < bytes.count: bytes.remove(at: index)
  default: bytes.removeLast(bytes.count - index)
  }
  return bytes
}

/// How `JSONParser` and `JSONSerialization` disagree on `input`, or nil when they agree.
///
/// They are compared with trailing commas allowed, as Foundation does; the strict parser must
/// then give the same result, or reject only for a trailing comma.
private func disagreement(on input: [UInt8]) -> String? {
  let lenient = input.withUnsafeBytes { buffer in
    Result { () throws(JSONSyntaxError) in
      try JSONParser.parse(buffer, allowsTrailingCommas: true)
    }
  }
  let strict = Result { () throws(JSONSyntaxError) in try JSONParser.parse(input) }
  switch (lenient, FoundationJSON.value(input)) {
  case (.failure, nil): break
  case (.success(let ours), let theirs?):
    if let difference = FoundationJSON.difference(ours, theirs) { return difference }
  case (.failure(let error), _): return "only JSONSerialization accepts (ours: \(error))"
  case (.success, nil): return "only JSONParser accepts"
  }
  switch (strict, lenient) {
  case (.success(let value), .success(let lenientValue)) where value == lenientValue: return nil
  case (.failure, .failure): return nil
  case (.failure(let error), .success) where error.reason.hasPrefix("trailing comma"): return nil
  default: return "the strict parser differs: \(strict)"
  }
}

@Test func agreesWithJSONSerializationOnRandomAndMutatedDocuments() throws {
  var generator = JSONTextGenerator(rng: SplitMix64(seed: 20_130_402))
  var rng = SplitMix64(seed: 42)
  var compared = 0
  var accepted = 0
  var disagreements: [String] = []
  for _ in 0..<1500 {
    let document = Array(generator.value().utf8)
    var inputs = [document]
    for _ in 0..<4 { inputs.append(mutate(rng.below(2) == 0 ? document : inputs.last ?? [], &rng)) }
    for input in inputs where !FoundationJSON.seesOtherEncoding(input) {
      let input = FoundationJSON.withShadowedHugeNumbersZeroed(input)
      compared += 1
      if FoundationJSON.value(input) != nil { accepted += 1 }
      if let problem = disagreement(on: input), disagreements.count < 5 {
        let text = String(decoding: input.prefix(200), as: UTF8.self).debugDescription
        disagreements.append("\(problem) in \(text)")
      }
    }
  }
  #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
  #expect(compared > 7000)
  #expect(accepted > 2000 && compared - accepted > 2000)
}

@Test func serializedValuesParseBackToThemselves() throws {
  var generator = JSONTextGenerator(rng: SplitMix64(seed: 7))
  var checked = 0
  for _ in 0..<1000 {
    guard let value = try? JSONParser.parse(generator.value()) else { continue }
    let text = value.serialized()
    #expect(try JSONParser.parse(text) == value)
    #expect(FoundationJSON.value(Array(text.utf8)).map { FoundationJSON.agree(value, $0) } ?? false)
    checked += 1
  }
  #expect(checked > 800)
}
