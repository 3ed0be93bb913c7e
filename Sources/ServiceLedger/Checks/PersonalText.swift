/// Recognising text that identifies a person, for `PersonalDataRule`.
enum PersonalText {
  /// Every string in `value`, with its path (`data.themes[0].title`) and its own key.
  static func strings(in value: JSONValue, path: String, key: String = "")
    -> [(path: String, key: String, text: String)]
  {
    switch value {
    case .string(let text): return [(path, key, text)]
    case .array(let items):
      return items.enumerated().flatMap { index, item in
        strings(in: item, path: "\(path)[\(index)]", key: key)
      }
    case .object(let members):
      return members.flatMap { member in
        strings(in: member.value, path: "\(path).\(member.key)", key: member.key)
      }
    case .null, .bool, .number: return []
    }
  }

  /// The first e-mail address in `text` (`name@example.gov.uk`), or nil.
  static func emailAddress(in text: String) -> String? {
    guard text.contains("@") else { return nil }
    let pattern = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/#
    return text.firstMatch(of: pattern).map { String($0.output.0) }
  }

  /// Whether an actor id reads like `first.last` (letters only on both sides of one dot).
  static func isDottedName(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { part in
        part.count >= 2 && part.allSatisfy { $0 >= "a" && $0 <= "z" }
      }
  }

  /// A person's name in free text: one of `known` (lowercased), or a title and surname
  /// (`Mrs Smith`, `Dr. Jones`); nil when there is none.
  static func name(in text: String, known: [String]) -> String? {
    let lowered = text.lowercased()
    if let name = known.first(where: { lowered.contains($0) }) { return name }
    let titled = #/\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+/#
    return text.firstMatch(of: titled).map { String($0.output.0) }
  }

  /// `text` with all but its first character of each word hidden: `j… s…@j….g….u…`.
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
    return out
  }
}
