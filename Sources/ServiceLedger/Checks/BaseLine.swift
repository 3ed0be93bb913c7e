/// One line of a log file, read as far as the `append-only` rule needs: its text, and the
/// event id, type and service when it is a JSON object.
struct BaseLine {
  let text: ArraySlice<UInt8>
  let value: JSONValue?
  let id: String?
  let type: String?

  init(_ text: ArraySlice<UInt8>) {
    self.text = text
    let value = try? JSONParser.parse(String(decoding: text, as: UTF8.self))
    self.value = value
    id = value.flatMap { BaseLine.string($0, "id") }
    type = value.flatMap { BaseLine.string($0, "type") }
  }

  /// What matches it to its counterpart: its event id, else its whole text.
  var key: String {
    id.map { "id " + $0 } ?? "text " + String(decoding: text, as: UTF8.self)
  }

  /// The service the line is about, if it says.
  var service: ServiceID? { value?.serviceHint }

  /// `event 3f2b8c1e-… (phase.entered)`, or what it is when it is not an event.
  var summary: String {
    guard let id else { return "a line that is not a JSON event" }
    return "event \(Format.userText(id))" + (type.map { " (\(Format.userText($0)))" } ?? "")
  }

  /// The lines of a file without their `\n`; a last line without one is a line too.
  static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty ?? false { lines.removeLast() }
    return lines
  }

  /// What differs between two versions of a line: `data.total was 1900000, now 1950000`, up to
  /// three keys, or that the text differs when either is not a JSON object.
  static func differences(_ was: BaseLine, _ now: BaseLine) -> String {
    guard case .object(let old)? = was.value, case .object(let new)? = now.value else {
      return "its text differs"
    }
    var changes: [String] = []
    compare(old, new, prefix: "", into: &changes)
    guard !changes.isEmpty else { return layout(was.text, now.text) }
    let shown = changes.prefix(3).joined(separator: "; ")
    return shown + (changes.count > 3 ? "; and \(changes.count - 3) more" : "")
  }

  /// What differs between two texts of the same JSON object: a line ending or byte-order mark
  /// (which no terminal shows, and a checkout or an editor may add), else spacing or key order.
  private static func layout(_ was: ArraySlice<UInt8>, _ now: ArraySlice<UInt8>) -> String {
    let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    let cr = UInt8(ascii: "\r")
    func bare(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
      let start = text.starts(with: mark) ? text.dropFirst(mark.count) : text
      return start.last == cr ? start.dropLast() : start
    }
    guard bare(was).elementsEqual(bare(now)) else { return "its spacing or key order differs" }
    var notes: [String] = []
    if (was.last == cr) != (now.last == cr) {
      notes.append(now.last == cr ? "its line ends in \\r\\n, not \\n" : "its line lost its \\r")
    }
    if was.starts(with: mark) != now.starts(with: mark) {
      notes.append(
        now.starts(with: mark)
          ? "it begins with a byte-order mark (U+FEFF)" : "it lost its byte-order mark (U+FEFF)")
    }
    guard !notes.isEmpty else { return "its spacing or key order differs" }
    return notes.joined(separator: "; ") + " (a checkout or an editor converted it)"
  }

  private static func compare(
    _ old: [JSONMember], _ new: [JSONMember], prefix: String, into changes: inout [String]
  ) {
    var keys = old.map(\.key)
    keys += new.map(\.key).filter { !keys.contains($0) }
    for key in keys {
      let before = old.first { $0.key == key }?.value
      let after = new.first { $0.key == key }?.value
      guard before != after else { continue }
      if prefix.isEmpty, case .object(let inner)? = before, case .object(let outer)? = after {
        compare(inner, outer, prefix: key + ".", into: &changes)
        continue
      }
      changes.append(
        Format.userText(prefix + key) + " was " + shown(before) + ", now " + shown(after))
    }
  }

  /// The string member `key` of an object, if it has one.
  private static func string(_ value: JSONValue, _ key: String) -> String? {
    guard case .object(let members) = value,
      case .string(let text)? = members.first(where: { $0.key == key })?.value
    else { return nil }
    return text
  }

  private static func shown(_ value: JSONValue?) -> String {
    guard let value else { return "absent" }
    let text = value.serialized()
    return Format.userText(text.count > 40 ? String(text.prefix(39)) + "…" : text)
  }
}
