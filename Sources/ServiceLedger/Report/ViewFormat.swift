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

  /// Notes are wrapped at this width when the output is not a terminal.
  public static let noteWidth = 80

  /// The view in `format`.
  /// - Parameters:
  ///   - format: the output format.
  ///   - width: for the table format, the terminal's width in columns, which the table and its
  ///     notes keep within (see `TableData.renderTable(width:into:)`); nil when the output is
  ///     not a terminal: the table is printed full width and notes wrapped at `noteWidth`.
  ///   - out: where the view goes.
  public func render(
    _ format: ViewFormat, width: Int? = nil, into out: inout some TextOutputStream
  ) {
    let noteWidth = width ?? Self.noteWidth
    switch format {
    case .json:
      out.write(json.serialized() + "\n")
    case .table:
      if table.rows.isEmpty, let emptyNote {
        out.write(Self.wrapped(Format.terminalSafe(emptyNote), width: noteWidth))
      } else {
        table.renderTable(width: width, into: &out)
        for note in notes {
          out.write("\n" + Self.wrapped(Format.terminalSafe(note), width: noteWidth))
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

  /// `text` broken into lines of at most `width` terminal columns at spaces (a longer word
  /// keeps its own line), each ending in a newline.
  static func wrapped(_ text: String, width: Int) -> String {
    guard !text.isEmpty else { return "" }
    return TableLayout.wrap(text, width: width, breaksWords: false).map { $0 + "\n" }.joined()
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
