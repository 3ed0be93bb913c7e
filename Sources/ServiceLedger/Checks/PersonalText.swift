/// Recognising text that identifies a person, for `PersonalDataRule`.
enum PersonalText {
  /// The first e-mail address in `text` (`name@example.gov.uk`), or nil.
  static func emailAddress(in text: String) -> String? {
    // A match holds the byte `@`: most text is ruled out without the pattern.
    guard text.utf8.contains(UInt8(ascii: "@")) else { return nil }
    let pattern = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/#
    return text.firstMatch(of: pattern).map { String($0.output.0) }
  }

  /// Whether an actor id reads like `first.last` (letters only on both sides of one dot).
  static func isDottedName(_ text: String) -> Bool {
    guard text.utf8.contains(UInt8(ascii: ".")) else { return false }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { part in
        part.count >= 2 && part.allSatisfy { $0 >= "a" && $0 <= "z" }
      }
  }

  /// A person's name in free text: one of `known` (lowercased), or a title and surname
  /// (`Mrs Smith`, `Dr. Jones`); nil when there is none.
  static func name(in text: String, known: [String]) -> String? {
    if !known.isEmpty {
      let lowered = text.lowercased()
      if let name = known.first(where: { lowered.contains($0) }) { return name }
    }
    guard mayHoldTitle(text) else { return nil }
    let titled = #/\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+/#
    return text.firstMatch(of: titled).map { String($0.output.0) }
  }

  /// Whether `text` holds the bytes a title starts with (`Mr`, `Ms`, `Mi`, `Mx`, `Dr`): a
  /// match of the title pattern needs one, as those letters have no other spelling, so most
  /// text is ruled out in one pass over its bytes without the pattern.
  static func mayHoldTitle(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      switch (previous, byte) {
      case (UInt8(ascii: "M"), UInt8(ascii: "r")), (UInt8(ascii: "M"), UInt8(ascii: "s")),
        (UInt8(ascii: "M"), UInt8(ascii: "i")), (UInt8(ascii: "M"), UInt8(ascii: "x")),
        (UInt8(ascii: "D"), UInt8(ascii: "r")):
        return true
      default: previous = byte
      }
    }
    return false
  }

  /// `text` with all but its first character of each word hidden: `j… s…@j….g….u…`, as a
  /// message shows the user's text (`Format.userText`).
  static func masked(_ text: String) -> String {
    var out = ""
    var atWordStart = true
    for character in text {
      if character.isLetter || character.isNumber {
        if atWordStart { out.append(character) } else if !out.hasSuffix("…") { out.append("…") }
        atWordStart = false
      } else {
        out.append(character)
        atWordStart = true
      }
    }
    return Format.userText(out)
  }
}
