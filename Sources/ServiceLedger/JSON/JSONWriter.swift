extension JSONValue {
  /// The value as compact JSON: no whitespace, object members in stored order, numbers as
  /// their lexeme, strings escaped as `JSONValue.quoted(_:)` does.
  ///
  /// `JSONParser.parse(v.serialized()) == v` for every value the parser produces.
  public func serialized() -> String {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// `s` as a JSON string literal, quotes included.
  ///
  /// Only what RFC 8259 requires is escaped: `"` and `\` get a backslash; control characters
  /// below U+0020 become `\b \t \n \f \r` or `\u00XX`. Everything else, `/` and non-ASCII
  /// included, is written as is in UTF-8.
  public static func quoted(_ s: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(s.utf8.count + 2)
    writeQuoted(s, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private func write(to output: inout [UInt8]) {
    switch self {
    case .null:
      output.append(contentsOf: "null".utf8)
    case .bool(let value):
      output.append(contentsOf: value ? "true".utf8 : "false".utf8)
    case .number(let number):
      output.append(contentsOf: number.text.utf8)
    case .string(let string):
      Self.writeQuoted(string, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        element.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        Self.writeQuoted(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        member.value.write(to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeQuoted(_ string: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
      writeEscaped(bytes, to: &output)
    }
    if done == nil {
      writeEscaped(Array(string.utf8), to: &output)
    }
    output.append(UInt8(ascii: "\""))
  }

  /// Appends `bytes`, copying runs that need no escape in one go.
  private static func writeEscaped(
    _ bytes: some RandomAccessCollection<UInt8>, to output: inout [UInt8]
  ) {
    var run = bytes.startIndex
    var index = run
    while index != bytes.endIndex {
      let byte = bytes[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        index = bytes.index(after: index)
        continue
      }
      output.append(contentsOf: bytes[run..<index])
      output.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
      case 0x08: output.append(UInt8(ascii: "b"))
      case 0x09: output.append(UInt8(ascii: "t"))
      case 0x0A: output.append(UInt8(ascii: "n"))
      case 0x0C: output.append(UInt8(ascii: "f"))
      case 0x0D: output.append(UInt8(ascii: "r"))
      default:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "u00".utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      }
      index = bytes.index(after: index)
      run = index
    }
    output.append(contentsOf: bytes[run..<index])
  }
}
