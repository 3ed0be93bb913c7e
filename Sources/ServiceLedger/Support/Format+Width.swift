extension Format {
  /// The columns `text` takes on a terminal: 2 for each wide character (CJK, Hangul, full-width
  /// forms, emoji shown as pictures), 0 for a character made only of marks or joiners, 1 for
  /// every other character. Accented letters count once however they are encoded (`ệ` as one
  /// scalar or as `e` and two combining marks), so Danish, Vietnamese and Russian text lines up.
  public static func displayWidth(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + displayWidth(of: $1) }
  }

  /// The columns one character takes: 0, 1 or 2.
  static func displayWidth(of character: Character) -> Int {
    if character.isASCII { return 1 }
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.allSatisfy(isZeroWidth) { return 0 }
    if isWide(first) { return 2 }
    // An emoji made a picture by a variation selector or joined with others (`❤️`, `👩‍💻`).
    if first.properties.isEmoji,
      character.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D })
    {
      return 2
    }
    return 1
  }

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return scalar.value == 0x200B || (0xFE00...0xFE0F).contains(scalar.value)
    }
  }

  /// East Asian Wide and Fullwidth characters, and emoji presented as pictures by default.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isEmojiPresentation { return true }
    let value = scalar.value
    return wideRanges.contains { $0.contains(value) }
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
    0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
