extension JSONParser.Scanner {
  /// Reads a number starting at `pos` (a `-` or a digit), leaving `pos` after it.
  ///
  /// The grammar is RFC 8259's: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  /// A value too large for `Double` is rejected like `JSONSerialization` does ("1e400");
  /// one too small rounds to zero and is accepted ("1e-400").
  mutating func scanNumber() throws(JSONSyntaxError) -> JSONNumber {
    let start = pos
    var index = pos
    if base[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    let first = index < end ? base[index] : 0
    if first == UInt8(ascii: "0") {
      index += 1
      if isDigit(at: index) { throw error("leading zero in number", at: index) }
    } else if Self.isDigit(first) {
      index += 1
      while isDigit(at: index) { index += 1 }
    } else {
      throw expectedDigit(at: index, "after '-'")
    }
    let integerEnd = index
    if index < end, base[index] == UInt8(ascii: ".") {
      index += 1
      guard isDigit(at: index) else { throw expectedDigit(at: index, "after '.'") }
      while isDigit(at: index) { index += 1 }
    }
    var exponent = 0
    var hasExponent = false
    if index < end, base[index] | 0x20 == UInt8(ascii: "e") {
      hasExponent = true
      index += 1
      var negative = false
      if index < end, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") {
        negative = base[index] == UInt8(ascii: "-")
        index += 1
      }
      guard isDigit(at: index) else { throw expectedDigit(at: index, "in the exponent") }
      while isDigit(at: index) {
        // Saturate: beyond 2^40 the exact exponent no longer matters.
        if exponent < 1 << 40 { exponent = exponent * 10 + Int(base[index] - UInt8(ascii: "0")) }
        index += 1
      }
      if negative { exponent = -exponent }
    }
    // Without an exponent, up to 308 integer digits is always below 1e308, hence finite.
    if hasExponent || integerEnd - integerStart > 308 {
      try checkRange(of: start..<index, integer: integerStart..<integerEnd, exponent: exponent)
    }
    pos = index
    return JSONNumber(text: makeString(start, count: index - start))
  }

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  @inline(__always) private func isDigit(at index: Int) -> Bool {
    index < end && Self.isDigit(base[index])
  }

  private func expectedDigit(at index: Int, _ place: String) -> JSONSyntaxError {
    error("expected a digit \(place), found \(describe(at: index))", at: index)
  }

  /// Throws when the number at `lexeme` is too large for a finite `Double`.
  ///
  /// With `e10` the power of ten of the first significant digit, the value lies in
  /// `[10^e10, 10^(e10+1))`: finite when `e10 <= 307`, infinite when `e10 >= 309` (even
  /// after rounding, as `Double.greatestFiniteMagnitude` is about 1.8e308); only `e10 == 308`
  /// needs the real conversion, the one `JSONSerialization` uses.
  private func checkRange(
    of lexeme: Range<Int>, integer: Range<Int>, exponent: Int
  ) throws(JSONSyntaxError) {
    let e10: Int
    if base[integer.lowerBound] != UInt8(ascii: "0") {
      e10 = integer.count - 1 + exponent
    } else {
      // "0.000ddd": find the first non-zero fraction digit; none means the value is zero.
      let point = integer.upperBound
      guard point < lexeme.upperBound, base[point] == UInt8(ascii: ".") else { return }
      var index = point + 1
      while index < lexeme.upperBound, base[index] == UInt8(ascii: "0") { index += 1 }
      guard index < lexeme.upperBound, Self.isDigit(base[index]) else { return }
      e10 = point - index + exponent
    }
    if e10 <= 307 { return }
    if e10 == 308 {
      let text = String(
        decoding: UnsafeBufferPointer(start: base + lexeme.lowerBound, count: lexeme.count),
        as: UTF8.self)
      if let value = Double(text), value.isFinite { return }
    }
    let shown = min(lexeme.count, 24)
    let text =
      String(
        decoding: UnsafeBufferPointer(start: base + lexeme.lowerBound, count: shown),
        as: UTF8.self) + (lexeme.count > shown ? "…" : "")
    let limit = Double.greatestFiniteMagnitude
    let bound =
      base[lexeme.lowerBound] == UInt8(ascii: "-")
      ? "too far below zero: a number can be at least \(-limit)"
      : "too large: a number can be at most \(limit)"
    throw error(
      "number out of range: \(text) is \(bound); check the figure",
      at: lexeme.lowerBound)
  }
}
