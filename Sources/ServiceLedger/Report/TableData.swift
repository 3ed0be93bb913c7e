/// A view's rows as a table, rendered as an aligned text table, CSV or Markdown.
///
/// The aligned table never cuts a cell: it fits a width by wrapping text at spaces onto
/// continuation lines and by leaving out the columns named in `leftOutFirst` (see
/// `TableLayout`). CSV is data for a spreadsheet: every column, every character, figures as
/// plain numbers under headers that name their unit.
public struct TableData: Sendable, Equatable {
  /// One cell.
  public enum Cell: Sendable, Equatable {
    /// Text, left-aligned; the aligned table may wrap it at spaces, never inside a word, so an
    /// id is never broken. Neutralised in CSV when a spreadsheet would run it as a formula.
    case text(String)
    /// A figure, right-aligned: shown formatted, plain in CSV.
    case measure(Measure)
    /// A figure given only as text (`1,234`), right-aligned, written as it is in CSV: for tables
    /// that are only read (the board report's), never for a view's CSV.
    case number(String)
    /// No value: `-` in tables and Markdown, an empty field in CSV.
    case missing

    /// The cell as the aligned table and Markdown show it.
    var text: String {
      switch self {
      case .text(let text), .number(let text): return text
      case .measure(let measure): return measure.shown
      case .missing: return "-"
      }
    }

    /// Text, or `.missing` when there is none.
    public static func optional(_ text: String?) -> Cell { text.map { .text($0) } ?? .missing }
  }

  /// Column titles, as the aligned table, Markdown and HTML show them (`TAKE-UP`).
  public var columns: [String]
  /// The CSV header, one name per column: lower-case snake_case; a figure's name ends with its
  /// unit (`digital_take_up_percent`, `change_from_previous_pp`, `annual_cost_gbp`), a count's
  /// says what it counts (`annual_volume`, `days_to_due`). Derived from the titles when not
  /// given.
  public var fields: [String]
  /// Rows of cells, one per column.
  public var rows: [[Cell]]
  /// The columns (by title) an aligned table too wide for its terminal may leave out, the
  /// least needed first. Columns not named here are always shown.
  public var leftOutFirst: [String]

  /// A table titled `columns`, with CSV names derived from the titles.
  public init(columns: [String], rows: [[Cell]] = [], leftOutFirst: [String] = []) {
    self.columns = columns
    self.fields = columns.map(Self.fieldName)
    self.rows = rows
    self.leftOutFirst = leftOutFirst
  }

  /// A table whose columns are given as title and CSV name pairs, in order.
  public init(
    fields: KeyValuePairs<String, String>, rows: [[Cell]] = [], leftOutFirst: [String] = []
  ) {
    self.columns = fields.map(\.key)
    self.fields = fields.map(\.value)
    self.rows = rows
    self.leftOutFirst = leftOutFirst
  }

  /// `title` as a CSV name: lower case, runs of other characters as one `_`.
  static func fieldName(_ title: String) -> String {
    var name = ""
    for character in title.lowercased() {
      if character.isLetter || character.isNumber {
        name.append(character)
      } else if !name.isEmpty, !name.hasSuffix("_") {
        name.append("_")
      }
    }
    while name.hasSuffix("_") { name.removeLast() }
    return name
  }

  /// RFC 4180 CSV with a header row of `fields`: figures plain, missing values empty, nothing
  /// shortened. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`,
  /// `-`, `@`, tab or carriage return) get a leading `'`; figures never start that way except
  /// with the `-` of a negative number, which stays a number.
  public func renderCSV(into out: inout some TextOutputStream) {
    out.write(fields.map { csvField($0, isText: true) }.joined(separator: ",") + "\r\n")
    for row in rows {
      let fields = row.map { cell -> String in
        switch cell {
        case .text(let text): return csvField(text, isText: true)
        case .measure(let measure): return measure.plain
        case .number(let text): return csvField(text, isText: false)
        case .missing: return ""
        }
      }
      out.write(fields.joined(separator: ",") + "\r\n")
    }
  }

  /// A GitHub-flavoured Markdown table with Markdown characters in cells escaped.
  public func renderMarkdown(into out: inout some TextOutputStream) {
    out.write("| " + columns.map(Self.markdownEscaped).joined(separator: " | ") + " |\n")
    let numeric = columns.indices.map { index in
      rows.contains { row in index < row.count && row[index].isNumber }
    }
    out.write("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n")
    for row in rows {
      out.write("| " + row.map { Self.markdownEscaped($0.text) }.joined(separator: " | ") + " |\n")
    }
  }

  /// `text` with the characters Markdown would interpret escaped (`&` too, so that no entity
  /// such as `&lt;` is decoded) and line breaks removed.
  ///
  /// Every character Markdown would interpret is ASCII, so the text is escaped scalar by
  /// scalar, and most text, which holds none of them, is returned after one look at its bytes
  /// (by character, the board report spent 0.1 s escaping its tables).
  public static func markdownEscaped(_ text: String) -> String {
    let safe = Format.terminalSafe(text.replacingNewlines())
    guard safe.utf8.contains(where: isMarkdownSpecial) else { return safe }
    var out = ""
    out.reserveCapacity(safe.utf8.count + 8)
    for scalar in safe.unicodeScalars {
      if scalar.isASCII, isMarkdownSpecial(UInt8(scalar.value)) { out.unicodeScalars.append("\\") }
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  /// Whether `byte` is one of the characters `markdownEscaped` escapes: `\` `` ` `` `*` `_`
  /// `[` `]` `<` `>` `|` `#` `&`.
  private static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "&"):
      return true
    default:
      return false
    }
  }

  private func csvField(_ text: String, isText: Bool) -> String {
    var value = text
    if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    // Control characters (ESC, CR, line breaks) from user text never reach a terminal raw: a
    // CSV piped to one must not drive it. They are written as `\u{1B}`, like everywhere else.
    value = Format.terminalSafe(value)
    // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard
      value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else {
      return value
    }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension TableData.Cell {
  var isNumber: Bool {
    switch self {
    case .measure, .number: return true
    case .text, .missing: return false
    }
  }
}

extension String {
  func replacingNewlines() -> String {
    // ASCII text without a byte 0x0A to 0x0D has no line break; only other text is looked at
    // character by character.
    let plain = utf8.allSatisfy { $0 < 0x80 && !(0x0A...0x0D).contains($0) }
    return !plain && contains(where: \.isNewline)
      ? String(map { $0.isNewline ? " " : $0 }) : self
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
