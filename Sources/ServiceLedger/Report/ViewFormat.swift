/// The output formats of the views.
public enum ViewFormat: String, Sendable, CaseIterable {
  case table, json, csv, markdown

  /// The formats' names, default first.
  public static var names: [String] { allCases.map(\.rawValue) }
}

/// A view ready to print: its rows as a table, its JSON, and a note for when it is empty.
public struct ViewOutput: Sendable {
  public var table: TableData
  public var json: JSONValue
  /// Said instead of an empty table (for example "no services registered as of 2010-01-01").
  public var emptyNote: String?
  /// Sentences said after the table in the table and Markdown formats (totals, lists); the
  /// JSON carries the same facts, CSV only the rows.
  public var notes: [String]

  public init(
    table: TableData, json: JSONValue, emptyNote: String? = nil, notes: [String] = []
  ) {
    self.table = table
    self.json = json
    self.emptyNote = emptyNote
    self.notes = notes
  }

  /// The view in `format`.
  public func render(_ format: ViewFormat, into out: inout some TextOutputStream) {
    switch format {
    case .json:
      out.write(json.serialized() + "\n")
    case .table:
      if table.rows.isEmpty, let emptyNote {
        out.write(Self.wrapped(Format.terminalSafe(emptyNote), width: table.lineWidth))
      } else {
        table.renderTable(into: &out)
        for note in notes {
          out.write("\n" + Self.wrapped(Format.terminalSafe(note), width: table.lineWidth))
        }
      }
    case .csv:
      table.renderCSV(into: &out)
    case .markdown:
      if table.rows.isEmpty, let emptyNote {
        out.write("_" + TableData.markdownEscaped(emptyNote) + "_\n")
      } else {
        table.renderMarkdown(into: &out)
        for note in notes { out.write("\n" + TableData.markdownEscaped(note) + "\n") }
      }
    }
  }

  /// `text` broken into lines of at most `width` characters at spaces (a longer word keeps
  /// its own line), each ending in a newline.
  static func wrapped(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.map { $0 + "\n" }.joined()
  }
}

extension JSONValue {
  /// A JSON string or null.
  public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  /// A JSON integer or null.
  public static func integer(_ value: Int?) -> JSONValue {
    value.map { .number(JSONNumber($0)) } ?? .null
  }
  /// A JSON number or null.
  public static func decimal(_ value: Double?) -> JSONValue {
    value.map { .number(JSONNumber($0)) } ?? .null
  }
  /// A JSON date string or null.
  public static func date(_ value: CivilDate?) -> JSONValue { string(value?.description) }
  /// An object from key-value pairs in order.
  public static func members(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(pairs.map { JSONMember(key: $0.key, value: $0.value) })
  }
}
