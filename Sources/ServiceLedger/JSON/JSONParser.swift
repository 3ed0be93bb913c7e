/// Why and where a JSON text failed to parse.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 0-based byte offset of the offending byte in the input (the input's length at its end).
  public var offset: Int
  /// 1-based line: one plus the number of line feeds before `offset`.
  public var line: Int
  /// 1-based column in Unicode scalars: one plus the number of UTF-8 sequences on the line
  /// before `offset` (bytes that are not continuation bytes `0x80...0xBF`, so each byte of an
  /// invalid sequence counts as one).
  public var column: Int
  /// What is wrong, in lower case without a trailing period, e.g. `unterminated string`.
  public var reason: String

  /// Creates an error; `JSONParser` computes `line` and `column` from the input.
  public init(offset: Int, line: Int, column: Int, reason: String) {
    self.offset = offset
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// `line:column: reason`, for example `1:17: expected ',' or '}' after an object member`.
  public var description: String { "\(line):\(column): \(reason)" }
}

/// A strict, allocation-light RFC 8259 JSON parser over UTF-8 bytes.
///
/// On UTF-8 input it accepts and rejects what Foundation's `JSONSerialization` (with
/// `.fragmentsAllowed`, swift-corelibs-foundation) does, except where Foundation strays from
/// RFC 8259:
/// - a comma before `]` or `}` (`[1,]`) is an error here; Foundation ignores it;
/// - a number too large for a `Double` is always an error here; Foundation misses it in an
///   object member that a later duplicate key replaces (`{"a":1e400,"a":1}`);
/// - a U+FEFF at the start of a string, or just after an escape in one, is kept here;
///   Foundation silently drops it;
/// - input is always UTF-8 here (RFC 8259 §8.1), so NUL bytes are errors; Foundation reads
///   input with a NUL among its first four bytes, or a UTF-16/32 byte order mark, as UTF-16
///   or UTF-32.
///
/// Like Foundation: only space, tab, line feed and carriage return are whitespace; one UTF-8
/// byte order mark at the very start is skipped (RFC 8259 §8.1 allows that); invalid UTF-8
/// and escaped surrogates that do not pair up (which the RFC grammar allows) are errors; a
/// number that overflows `Double` (`1e400`) is an error while underflow (`1e-400`) is not;
/// containers nest at most 512 deep. Parsing is iterative, so no input exhausts the stack.
public enum JSONParser {
  /// How deep arrays and objects may nest: `JSONSerialization` allows 512 and so do we.
  static let maximumDepth = 512

  /// Parses exactly one JSON value filling the whole input, which may have JSON whitespace
  /// around it.
  /// - Parameter bytes: UTF-8 text; it is only read during the call.
  /// - Returns: the value, with object members in document order.
  /// - Throws: `JSONSyntaxError` locating the first problem.
  public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
    try parse(bytes, allowsTrailingCommas: false)
  }

  /// Parses exactly one JSON value from a collection of UTF-8 bytes (`[UInt8]`, `Data`,
  /// `Substring.UTF8View`, …); non-contiguous collections are copied first.
  /// - Throws: `JSONSyntaxError` locating the first problem.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(JSONSyntaxError) in try parse(UnsafeRawBufferPointer(buffer)) }
    }
    if let contiguous { return try contiguous.get() }
    let copy = Array(bytes)
    let result = copy.withUnsafeBytes { buffer in
      Result { () throws(JSONSyntaxError) in try parse(buffer) }
    }
    return try result.get()
  }

  /// Parses exactly one JSON value from a string's UTF-8 form.
  /// - Throws: `JSONSyntaxError` locating the first problem.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(JSONSyntaxError) in try parse(UnsafeRawBufferPointer(buffer)) }
    }
    return try result.get()
  }

  /// The parser behind the public entry points. With `allowsTrailingCommas` it accepts
  /// `[1,]` and `{"a":1,}` like `JSONSerialization`, which the differential tests use.
  static func parse(
    _ bytes: UnsafeRawBufferPointer, allowsTrailingCommas: Bool
  ) throws(JSONSyntaxError) -> JSONValue {
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      throw JSONSyntaxError(offset: 0, line: 1, column: 1, reason: "empty input, expected a value")
    }
    var scanner = Scanner(
      base: base.assumingMemoryBound(to: UInt8.self), end: bytes.count,
      allowsTrailingCommas: allowsTrailingCommas)
    return try scanner.parseDocument()
  }
}

extension JSONParser {
  /// A cursor over the input bytes; `pos` only moves forward.
  struct Scanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    let allowsTrailingCommas: Bool
    var pos = 0
    /// Reused buffer for strings that contain escapes.
    var decoded: [UInt8] = []

    init(base: UnsafePointer<UInt8>, end: Int, allowsTrailingCommas: Bool) {
      self.base = base
      self.end = end
      self.allowsTrailingCommas = allowsTrailingCommas
    }

    /// An open array or object whose elements are being collected.
    private struct Frame {
      var isObject: Bool
      var key = ""
      var members: [JSONMember] = []
      var elements: [JSONValue] = []
    }

    /// The byte at `pos`, or 0 past the end (0 is never valid where a byte is peeked).
    @inline(__always) var current: UInt8 { pos < end ? base[pos] : 0 }

    @inline(__always) mutating func skipWhitespace() {
      while pos < end {
        let byte = base[pos]
        guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else {
          return
        }
        pos += 1
      }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
      if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { pos = 3 }
      // The innermost open container lives in these locals; `parents` keeps the ones around
      // it, so appending never goes through the stack.
      var parents: [Frame] = []
      var depth = 0
      var inObject = false
      var key = ""
      var members: [JSONMember] = []
      var elements: [JSONValue] = []
      while true {
        // Read the start of a value: a scalar completes it, a bracket opens a container.
        skipWhitespace()
        var value: JSONValue
        switch current {
        case UInt8(ascii: "\""): value = .string(try scanString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          value = .number(try scanNumber())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          let opensObject = current == UInt8(ascii: "{")
          guard depth < JSONParser.maximumDepth else {
            throw error("nesting deeper than \(JSONParser.maximumDepth)", at: pos)
          }
          pos += 1
          skipWhitespace()
          if current == (opensObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
            pos += 1
            value = opensObject ? .object([]) : .array([])
          } else {
            if depth > 0 {
              if parents.isEmpty { parents.reserveCapacity(4) }
              parents.append(
                Frame(
                  isObject: inObject, key: consume key, members: consume members,
                  elements: consume elements))
            }
            depth += 1
            inObject = opensObject
            members = []
            elements = []
            if opensObject {
              members.reserveCapacity(16)
              key = try scanKey()
            } else {
              key = ""
              elements.reserveCapacity(8)
            }
            continue
          }
        case UInt8(ascii: "t"): value = try scanLiteral("true", .bool(true))
        case UInt8(ascii: "f"): value = try scanLiteral("false", .bool(false))
        case UInt8(ascii: "n"): value = try scanLiteral("null", .null)
        default: throw unexpected(expecting: "a value")
        }
        // Hand the finished value to the innermost container, closing containers as far as
        // that goes.
        closing: while true {
          guard depth > 0 else {
            skipWhitespace()
            guard pos == end else { throw error("trailing characters after the value", at: pos) }
            return value
          }
          if inObject {
            var memberKey = ""
            swap(&memberKey, &key)
            members.append(JSONMember(key: memberKey, value: consume value))
          } else {
            elements.append(consume value)
          }
          skipWhitespace()
          let close = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
          let byte = current
          if byte == UInt8(ascii: ",") {
            let comma = pos
            pos += 1
            skipWhitespace()
            if current != close {
              if inObject { key = try scanKey() }
              break closing
            }
            guard allowsTrailingCommas else {
              throw error("trailing comma before '\(inObject ? "}" : "]")'", at: comma)
            }
          } else if byte != close {
            throw unexpected(
              expecting: inObject
                ? "',' or '}' after an object member" : "',' or ']' after an array element")
          }
          pos += 1
          value = inObject ? .object(consume members) : .array(consume elements)
          depth -= 1
          if depth > 0 {
            let parent = parents.removeLast()
            inObject = parent.isObject
            key = parent.key
            members = parent.members
            elements = parent.elements
          } else {
            members = []
            elements = []
          }
        }
      }
    }

    /// Reads an object key and the `:` after it, leaving `pos` before the value.
    @inline(__always)
    private mutating func scanKey() throws(JSONSyntaxError) -> String {
      guard current == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string key") }
      let key = try scanString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw unexpected(expecting: "':' after an object key")
      }
      pos += 1
      return key
    }

    private mutating func scanLiteral(
      _ word: StaticString, _ value: JSONValue
    ) throws(JSONSyntaxError) -> JSONValue {
      let count = word.utf8CodeUnitCount
      let literal = word.utf8Start
      var index = 0
      while index < count, pos + index < end, base[pos + index] == literal[index] { index += 1 }
      guard index == count else { throw error("invalid literal, expected '\(word)'", at: pos) }
      pos += count
      return value
    }
  }
}
