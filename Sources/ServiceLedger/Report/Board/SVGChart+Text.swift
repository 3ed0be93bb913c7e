extension SVGChart {
  /// Helvetica's advance widths of the printable ASCII characters, space to `~`, in
  /// thousandths of an em (Arial and Liberation Sans, next in the pages' font list, match).
  static let helveticaWidths: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ␠ to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p to ~
  ]

  /// The width `text` takes at `size`, estimated: the larger of 0.55 em a character (a
  /// sans-serif's average, with room for fonts a little wider than Helvetica) and the sum of
  /// Helvetica's widths, which is more for capitals and wide letters (`WWW`); a character
  /// beyond ASCII counts 0.6 em, one from the CJK blocks on a full em.
  static func textWidth(_ text: String, size: Double) -> Double {
    var thousandths = 0
    var count = 0
    for scalar in text.unicodeScalars {
      count += 1
      switch scalar.value {
      case 32..<127: thousandths += helveticaWidths[Int(scalar.value) - 32]
      case 0x2E80...: thousandths += 1000
      default: thousandths += 600
      }
    }
    return max(Double(count) * 0.55, Double(thousandths) / 1000) * size
  }

  /// `text` cut with `…` to fit `width` at `size` (at least the `…`), or whole when it fits.
  static func fitted(_ text: String, width: Double, size: Double) -> String {
    guard textWidth(text, size: size) > width else { return text }
    var kept = text.dropLast()
    while !kept.isEmpty, textWidth(kept + "…", size: size) > width { kept = kept.dropLast() }
    while kept.last?.isWhitespace == true { kept = kept.dropLast() }
    return kept + "…"
  }

  /// A `<text>` element showing `content` cut with `…` to fit `width`; when cut, the whole of
  /// `full` (by default `content`) goes in a `<title>`, which browsers show as a tooltip and
  /// screen readers read, so no name is cut without a trace.
  static func label(
    _ content: String, full: String? = nil, width: Double, x: Double, y: Double,
    size: Double = 11, fill: String = "#0b0c0c"
  ) -> String {
    let shown = fitted(content, width: width, size: size)
    let title = shown == content ? nil : full ?? content
    return text(shown, x: x, y: y, size: size, fill: fill, title: title)
  }

  /// `text` in lines of at most `width` user units at `size`, broken at spaces (a word wider
  /// than that keeps a line of its own, for `label` to cut); `text` as it is when it fits.
  static func wrapped(_ text: String, width: Double, size: Double) -> [String] {
    guard textWidth(text, size: size) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if !line.isEmpty, textWidth(candidate, size: size) > width {
        lines.append(line)
        line = String(word)
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
