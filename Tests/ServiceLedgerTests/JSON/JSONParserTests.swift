import Foundation
import Testing

@testable import ServiceLedger

// MARK: - Helpers

private func num(_ text: String) -> JSONValue { .number(JSONNumber(text: text)) }
private func obj(_ members: (String, JSONValue)...) -> JSONValue {
  .object(members.map { JSONMember(key: $0.0, value: $0.1) })
}
private func nested(_ depth: Int) -> [UInt8] {
  Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
}

/// An input given as text or raw bytes, shown readably in test names.
struct JSONTestInput: Sendable, CustomTestStringConvertible {
  var bytes: [UInt8]
  init(_ text: String) { bytes = Array(text.utf8) }
  init(bytes: [UInt8]) { self.bytes = bytes }
  var testDescription: String {
    String(decoding: bytes.prefix(40), as: UTF8.self).debugDescription
      + (bytes.contains { $0 >= 0x80 } ? " \(bytes.prefix(12))" : "")
  }
}

// MARK: - Accepted inputs

@Test(arguments: [
  (JSONTestInput("null"), JSONValue.null), (JSONTestInput(" true "), .bool(true)),
  (JSONTestInput("\r\n\tfalse\r\n\t"), .bool(false)), (JSONTestInput("0"), num("0")),
  (JSONTestInput("-0"), num("-0")), (JSONTestInput("-0.0e-0"), num("-0.0e-0")),
  (JSONTestInput("1E5"), num("1E5")), (JSONTestInput("1e+05"), num("1e+05")),
  (JSONTestInput("12.5e-3"), num("12.5e-3")), (JSONTestInput("1e-400"), num("1e-400")),
  (JSONTestInput("1.7976931348623157e308"), num("1.7976931348623157e308")),
  (JSONTestInput("123456789012345678901234567890"), num("123456789012345678901234567890")),
  (
    JSONTestInput("1" + String(repeating: "0", count: 308)),
    num("1" + String(repeating: "0", count: 308))
  ),
  (JSONTestInput(#""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{8}\u{c}\n\r\t")),
  (JSONTestInput(#""\u0000\u001f\u00e9\u20AC\uffff""#), .string("\u{0}\u{1f}é€\u{ffff}")),
  (JSONTestInput(#""\ud83d\ude00\uD800\uDC00\uDBFF\uDFFF""#), .string("😀\u{10000}\u{10FFFF}")),
  (JSONTestInput("\"é😀\u{2028}\u{7f}/\""), .string("é😀\u{2028}\u{7f}/")),
  (JSONTestInput("\u{feff}[1]"), .array([num("1")])), (JSONTestInput("\u{feff} 1"), num("1")),
  (JSONTestInput("\"\u{feff}a\""), .string("\u{feff}a")),
  (JSONTestInput("[]"), .array([])), (JSONTestInput("{ }"), .object([])),
  (JSONTestInput(" [ 1 , [ 2 , [ ] ] ] "), .array([num("1"), .array([num("2"), .array([])])])),
  (
    JSONTestInput(#"{"b":1,"a":{"c":null},"b":true}"#),
    obj(("b", num("1")), ("a", obj(("c", .null))), ("b", .bool(true)))
  ),
  (
    JSONTestInput(#"{"":"", "k\"\u00e9" : [false]}"#),
    obj(("", .string("")), ("k\"é", .array([.bool(false)])))
  ),
])
func acceptsValidJSON(input: JSONTestInput, expected: JSONValue) throws {
  #expect(try JSONParser.parse(input.bytes) == expected)
  let theirs = try #require(FoundationJSON.value(input.bytes))
  // JSONSerialization drops a U+FEFF that starts a string (a bug); we keep it.
  if input.bytes.dropFirst().starts(with: [0xEF, 0xBB, 0xBF]) { return }
  #expect(FoundationJSON.agree(expected, theirs))
}

@Test func acceptsNestingUpTo512LikeFoundation() throws {
  var value = try JSONParser.parse(nested(512))
  var depth = 0
  while case .array(let elements) = value {
    depth += 1
    value = elements.first ?? .null
  }
  #expect(depth == 512)
  #expect(FoundationJSON.value(nested(512)) != nil)
  #expect(FoundationJSON.value(nested(513)) == nil)
}

// MARK: - Rejected inputs

struct JSONRejectCase: Sendable, CustomTestStringConvertible {
  var input: JSONTestInput
  var line: Int
  var column: Int
  var reason: String
  init(_ text: String, _ column: Int, _ reason: String, line: Int = 1) {
    (input, self.line, self.column, self.reason) = (JSONTestInput(text), line, column, reason)
  }
  init(bytes: [UInt8], _ column: Int, _ reason: String) {
    (input, line, self.column, self.reason) = (JSONTestInput(bytes: bytes), 1, column, reason)
  }
  var testDescription: String { input.testDescription }
}

@Test(arguments: [
  JSONRejectCase("", 1, "empty input"),
  JSONRejectCase(" \n", 1, "unexpected end of input", line: 2),
  JSONRejectCase("01", 2, "leading zero"), JSONRejectCase("-01", 3, "leading zero"),
  JSONRejectCase("-", 2, "expected a digit after '-', found end of input"),
  JSONRejectCase("1.", 3, "expected a digit after '.'"), JSONRejectCase("1.e5", 3, "after '.'"),
  JSONRejectCase(".5", 1, "expected a value, found '.'"), JSONRejectCase("+1", 1, "found '+'"),
  JSONRejectCase("1e", 3, "expected a digit in the exponent"), JSONRejectCase("1e+", 4, "exponent"),
  JSONRejectCase("0x10", 2, "trailing characters"),
  JSONRejectCase("1e400", 1, "number out of range"),
  JSONRejectCase("[-1E400]", 2, "number out of range"),
  JSONRejectCase("1.7976931348623159e308", 1, "out of range"),
  JSONRejectCase("1" + String(repeating: "0", count: 309), 1, "out of range"),
  JSONRejectCase("0.0000000001e319", 1, "out of range"),
  JSONRejectCase("NaN", 1, "found 'N'"), JSONRejectCase("Infinity", 1, "expected a value"),
  JSONRejectCase("-Infinity", 2, "expected a digit after '-'"),
  JSONRejectCase("[1,]", 3, "trailing comma before ']'"),
  JSONRejectCase("{\"a\":1 , }", 8, "trailing comma before '}'"),
  JSONRejectCase("[1,,]", 4, "expected a value, found ','"), JSONRejectCase("[,]", 2, "found ','"),
  JSONRejectCase("/*c*/1", 1, "found '/'"), JSONRejectCase("1//c", 2, "trailing characters"),
  JSONRejectCase("'a'", 1, "found '''"),
  JSONRejectCase("[1 2]", 4, "',' or ']' after an array element"),
  JSONRejectCase("{\"a\" 1}", 6, "expected ':' after an object key"),
  JSONRejectCase("{\"a\":1 \"b\":2}", 8, "expected ',' or '}' after an object member"),
  JSONRejectCase("{1:2}", 2, "expected a string key"), JSONRejectCase("{\"a\"}", 5, "found '}'"),
  JSONRejectCase("[1]x", 4, "trailing characters after the value"),
  JSONRejectCase("1 2", 3, "trailing"),
  JSONRejectCase("tru", 1, "invalid literal, expected 'true'"),
  JSONRejectCase("truex", 5, "trailing"),
  JSONRejectCase("nul", 1, "expected 'null'"), JSONRejectCase("[fals]", 2, "expected 'false'"),
  JSONRejectCase("\u{feff}\u{feff}1", 1, "found U+FEFF"), JSONRejectCase(" \u{feff}1", 2, "U+FEFF"),
  JSONRejectCase("\u{a0}1", 1, "found U+00A0"), JSONRejectCase("\u{0b}1", 1, "found U+000B"),
  JSONRejectCase("1\u{0c}", 2, "trailing"), JSONRejectCase("[1,\u{2028}2]", 4, "U+2028"),
  JSONRejectCase("\"abc", 1, "unterminated string"), JSONRejectCase("[\"a\\\"]", 2, "unterminated"),
  JSONRejectCase(#""\x""#, 2, #"invalid escape \x"#),
  JSONRejectCase(#""\U0041""#, 2, #"escape \U"#),
  JSONRejectCase(#""ab\u12""#, 4, #"invalid escape \u: expected 4 hex digits"#),
  JSONRejectCase(#""\u12g4""#, 2, "4 hex digits"),
  JSONRejectCase(#""\ud800""#, 2, #"lone surrogate \ud800"#),
  JSONRejectCase(#""\uDC00""#, 2, #"lone surrogate \uDC00"#),
  JSONRejectCase(#""\ude00\ud83d""#, 2, #"lone surrogate \ude00"#),
  JSONRejectCase(#""a\ud800\u0041""#, 3, #"lone surrogate \ud800"#),
  JSONRejectCase(#""\ud800x""#, 2, "lone surrogate"), JSONRejectCase(#""\ud800\ud800""#, 2, "lone"),
  JSONRejectCase("\"a\tb\"", 3, "control character U+0009 in string"),
  JSONRejectCase("\"\u{1}\"", 2, "control character U+0001"),
  JSONRejectCase("[\n\"a\nb\"]", 3, "control character U+000A", line: 2),
  JSONRejectCase("{\n  \"é\": 1,\n  \"b\" 2\n}", 7, "expected ':'", line: 3),
  JSONRejectCase("[\"é\", x]", 7, "found 'x'"), JSONRejectCase("[1,\r\n]", 3, "trailing comma"),
  JSONRejectCase(bytes: [0x22, 0xFF, 0x22], 2, "invalid UTF-8 byte 0xff"),
  JSONRejectCase(bytes: [0x22, 0x61, 0xC0, 0xAF, 0x22], 3, "invalid UTF-8 byte 0xc0"),
  JSONRejectCase(bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22], 2, "invalid UTF-8 sequence 0xe0 0x80"),
  JSONRejectCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 2, "invalid UTF-8 sequence 0xed 0xa0"),
  JSONRejectCase(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2, "invalid UTF-8 sequence"),
  JSONRejectCase(bytes: [0x22, 0xC3, 0x22], 2, "truncated UTF-8 sequence 0xc3"),
  JSONRejectCase(bytes: [0x22, 0x80, 0x22], 2, "invalid UTF-8 byte 0x80"),
  JSONRejectCase(bytes: [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 2, "invalid UTF-8 byte 0xf5"),
  JSONRejectCase(bytes: [0x22, 0xFF, 0x01, 0x22], 2, "invalid UTF-8 byte 0xff"),
  JSONRejectCase(bytes: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], 3, "invalid UTF-8 byte"),
  JSONRejectCase(bytes: [0x22, 0x5C, 0xFF, 0x22], 2, "invalid escape: backslash followed by"),
  JSONRejectCase(bytes: [0xFF], 1, "invalid UTF-8 byte 0xff"),
  JSONRejectCase(bytes: [0x5B, 0xC3, 0x28, 0x5D], 2, "truncated UTF-8 sequence 0xc3 0x28"),
  JSONRejectCase(bytes: [0x5B, 0x31, 0x5D, 0x00, 0x00], 4, "trailing characters"),
  JSONRejectCase(bytes: [0x22, 0x61, 0x00, 0x22, 0x20], 3, "control character U+0000"),
])
func rejectsInvalidJSON(reject: JSONRejectCase) throws {
  let error = try #require(throws: JSONSyntaxError.self) {
    try JSONParser.parse(reject.input.bytes)
  }
  #expect(error.line == reject.line)
  #expect(error.column == reject.column)
  #expect(error.reason.contains(reject.reason), "\(error.reason)")
  #expect(error.description == "\(error.line):\(error.column): \(error.reason)")
  // Foundation rejects all of these too, except trailing commas (see `JSONParser`).
  if !FoundationJSON.seesOtherEncoding(reject.input.bytes) {
    #expect(
      (FoundationJSON.value(reject.input.bytes) == nil) != reject.reason.hasPrefix("trailing comma")
    )
  }
}

@Test func rejectsNestingDeeperThan512() throws {
  let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(nested(513)) }
  #expect(error.offset == 512)
  #expect(error.reason == "nesting deeper than 512")
  let deep = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(nested(100_000)) }
  #expect(deep.offset == 512)
}

@Test func trailingCommasAreAcceptedOnlyInFoundationMode() throws {
  let value = try "{\"a\":[1,],}".utf8.withContiguousStorageIfAvailable { buffer in
    try JSONParser.parse(UnsafeRawBufferPointer(buffer), allowsTrailingCommas: true)
  }
  #expect(value == obj(("a", .array([num("1")]))))
}

// MARK: - Writer

@Test func writerIsCompactAndEscapesMinimally() throws {
  let value = obj(
    ("a", .array([num("1"), .bool(true), .null, num("-0.5e3")])),
    ("a", .string("x\"y\\z/é😀\u{7f}\u{0}\u{1f}\u{8}\u{c}\n\r\t")), ("", .object([])))
  #expect(
    value.serialized()
      == #"{"a":[1,true,null,-0.5e3],"a":"x\"y\\z/é😀\#u{7f}\u0000\u001f\b\f\n\r\t","":{}}"#)
  #expect(JSONValue.quoted("</script>") == "\"</script>\"")
  #expect(JSONValue.quoted("") == "\"\"")
  #expect(try JSONParser.parse(value.serialized()) == value)
}

// MARK: - Numbers and entry points

@Test(arguments: [
  ("12", 12 as Int?), ("-0", 0), ("0", 0), ("9223372036854775807", Int.max),
  ("-9223372036854775808", Int.min), ("9223372036854775808", nil), ("-9223372036854775809", nil),
  ("1e3", nil), ("1.0", nil), ("-", nil), ("", nil), ("1a", nil),
])
func numberIntIsExactForIntegerLexemes(text: String, expected: Int?) {
  #expect(JSONNumber(text: text).int == expected)
}

@Test func numberDoubleAndIsInteger() {
  #expect(JSONNumber(text: "-0.5e3").double == -500)
  #expect(JSONNumber(text: "1e-400").double == 0)
  #expect(JSONNumber(text: "1e400").double == nil)
  #expect(JSONNumber(text: "12").isInteger && JSONNumber(text: "-7").isInteger)
  #expect(!JSONNumber(text: "1E2").isInteger && !JSONNumber(text: "1.0").isInteger)
}

@Test func everyEntryPointParsesTheSame() throws {
  let text = #"{"id":"é","n":[1,2.5]}"#
  let expected = obj(("id", .string("é")), ("n", .array([num("1"), num("2.5")])))
  #expect(try JSONParser.parse(text) == expected)
  #expect(try JSONParser.parse(Array(text.utf8)) == expected)
  #expect(try JSONParser.parse(Data(text.utf8)) == expected)
  #expect(try JSONParser.parse(("x" + text).dropFirst().utf8) == expected)
  #expect(try JSONParser.parse(Array(text.utf8).reversed().reversed()) == expected)
  #expect(try JSONParser.parse(Array(text.utf8.reversed()).reversed()) == expected)
  let empty = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse([UInt8]()) }
  #expect(empty.description == "1:1: empty input, expected a value")
}
