/// Number and text formatting shared by every view, so figures read the same everywhere.
public enum Format {
  /// `value` in hexadecimal, zero-padded to at least `width` digits: `hex(0x1B, width: 2)` is
  /// `1b` (`1B` with `uppercase`).
  static func hex(_ value: some BinaryInteger, width: Int, uppercase: Bool = false) -> String {
    let digits = String(value, radix: 16, uppercase: uppercase)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// A whole number with thousands separators: `1,320,121`.
  public static func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// A rate 0...1 as a percentage with `digits` decimals, rounded half away from zero: `0.2%`.
  public static func percent(_ rate: Double, digits: Int = 1) -> String {
    decimal(rate * 100, digits: digits) + "%"
  }

  /// A change in percentage points with its sign: `+1.5 pp`, `-0.3 pp`, `0.0 pp`.
  public static func points(_ change: Double, digits: Int = 1) -> String {
    let text = decimal(change * 100, digits: digits)
    return (text.hasPrefix("-") || Double(text) == 0 ? "" : "+") + text + " pp"
  }

  /// Pounds, whole, with separators: `£1,234,567`.
  public static func pounds(_ value: Double) -> String {
    let rounded = Int(roundingSaturated: value)
    return (rounded < 0 ? "-£" : "£") + integer(abs(rounded))
  }

  /// A decimal number with exactly `digits` decimals, rounded half away from zero.
  public static func decimal(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int(roundingSaturated: value * scale)
    let whole = scaled.magnitude / UInt(scale)
    let fraction = scaled.magnitude % UInt(scale)
    var text = (scaled < 0 ? "-" : "") + integer(Int(whole))
    if digits > 0 {
      let fractionText = String(fraction)
      text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return text
  }

  /// A rate rounded to 4 decimals for JSON output (take-up 0.0021), so outputs are stable.
  public static func rate(_ value: Double) -> Double {
    (value * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
  }

  /// Text safe to print on a terminal: control characters are shown as `\u{1B}` escapes,
  /// never sent.
  public static func terminalSafe(_ text: String) -> String {
    // Printable ASCII, most text, is safe as it is.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    // No ASCII character is of the format category: only other scalars are looked up.
    if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
    return (0x80...0x9F).contains(scalar.value)
      || scalar.properties.generalCategory == .format && scalar.value != 0x200D
  }
}
