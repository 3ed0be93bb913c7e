extension JSONValue {
  /// The value as indented JSON for people and diffs: two spaces a level, one object member or
  /// array element a line, except that empty containers, and arrays of scalars that fit in
  /// 80 characters, stay on one line. Members keep their order; scalars are written as
  /// `serialized()` writes them.
  public func prettyPrinted() -> String {
    var out = ""
    writePretty(into: &out, indent: "")
    return out
  }

  private func writePretty(into out: inout String, indent: String) {
    switch self {
    case .array(let elements) where !elements.isEmpty && !JSONValue.fitsOnOneLine(elements):
      let inner = indent + "  "
      out += "[\n"
      for (index, element) in elements.enumerated() {
        out += inner
        element.writePretty(into: &out, indent: inner)
        out += index < elements.count - 1 ? ",\n" : "\n"
      }
      out += indent + "]"
    case .object(let members) where !members.isEmpty:
      let inner = indent + "  "
      out += "{\n"
      for (index, member) in members.enumerated() {
        out += inner + JSONValue.quoted(member.key) + ": "
        member.value.writePretty(into: &out, indent: inner)
        out += index < members.count - 1 ? ",\n" : "\n"
      }
      out += indent + "}"
    case .array(let elements) where !elements.isEmpty:
      out += "[" + elements.map { $0.serialized() }.joined(separator: ", ") + "]"
    default:
      out += serialized()
    }
  }

  /// Whether `elements` are scalars whose one-line form is at most 80 characters.
  static func fitsOnOneLine(_ elements: [JSONValue]) -> Bool {
    guard elements.allSatisfy(\.isScalar) else { return false }
    return elements.map { $0.serialized().count + 2 }.reduce(0, +) <= 80
  }

  /// Whether the value is neither an array nor an object.
  var isScalar: Bool {
    switch self {
    case .array, .object: return false
    case .null, .bool, .number, .string: return true
    }
  }
}
