/// A view's rows as a table, rendered as an aligned text table, CSV or Markdown.
public struct TableData: Sendable, Equatable {
  /// One cell: text (left-aligned, neutralised in CSV) or a formatted number (right-aligned).
  public enum Cell: Sendable, Equatable {
    case text(String)
    case number(String)
    /// No value: `-` in tables and Markdown, an empty field in CSV.
    case missing

    var text: String {
      switch self {
      case .text(let text), .number(let text): return text
      case .missing: return "-"
      }
    }

    /// Text, or `.missing` when there is none.
    public static func optional(_ text: String?) -> Cell { text.map { .text($0) } ?? .missing }
  }

  /// Column titles.
  public var columns: [String]
  /// Rows of cells, one per column.
  public var rows: [[Cell]]
  /// For the aligned table only: the columns (by title) that may be cut, with `…`, to keep
  /// lines within `lineWidth`. Other columns, numbers included, are never cut; CSV and
  /// Markdown always keep the whole text.
  public var shrinkable: [String: Shrink]
  /// Columns (by title) the aligned table leaves out to stay readable; CSV and Markdown have
  /// them.
  public var wideOnly: Set<String>
  /// The width in characters the aligned table keeps within when `shrinkable` columns allow:
  /// 80, a standard terminal.
  public var lineWidth = 80

  public init(
    columns: [String], rows: [[Cell]] = [], shrinkable: [String: Shrink] = [:],
    wideOnly: Set<String> = []
  ) {
    self.columns = columns
    self.rows = rows
    self.shrinkable = shrinkable
    self.wideOnly = wideOnly
  }

  /// An aligned plain-text table: two spaces between columns, a dashed rule under the titles,
  /// numbers right-aligned, control characters escaped, `shrinkable` columns cut to fit and
  /// `wideOnly` ones left out.
  public func renderTable(into out: inout some TextOutputStream) {
    let shown = columns.indices.filter { !wideOnly.contains(columns[$0]) }
    let header = shown.map { Format.terminalSafe(columns[$0]) }
    let body = rows.map { row in
      shown.map { $0 < row.count ? Format.terminalSafe(row[$0].text.replacingNewlines()) : "" }
    }
    let numeric = shown.map { index in
      rows.contains { row in index < row.count && row[index].isNumber }
    }
    let fit = fitted(header: header, body: body, shrinks: shown.map { shrinkable[columns[$0]] })
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() where index < fit.widths.count {
        let pad = String(repeating: " ", count: max(fit.widths[index] - cell.count, 0))
        parts.append(numeric[index] ? pad + cell : cell + pad)
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    out.write(line(fit.header))
    out.write(line(fit.widths.map { String(repeating: "-", count: $0) }))
    for row in fit.body { out.write(line(row)) }
  }

  /// RFC 4180 CSV with a header row. Text cells that a spreadsheet would run as a formula
  /// (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`.
  public func renderCSV(into out: inout some TextOutputStream) {
    out.write(columns.map { csvField($0, isText: true) }.joined(separator: ",") + "\r\n")
    for row in rows {
      let fields = row.map { cell -> String in
        switch cell {
        case .text(let text): return csvField(text, isText: true)
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
  public static func markdownEscaped(_ text: String) -> String {
    var out = ""
    for character in Format.terminalSafe(text.replacingNewlines()) {
      if "\\`*_[]<>|#&".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  private func csvField(_ text: String, isText: Bool) -> String {
    var value = text
    if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return value
    }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension TableData.Cell {
  var isNumber: Bool {
    if case .number = self { return true }
    return false
  }
}

extension String {
  func replacingNewlines() -> String {
    contains(where: \.isNewline) ? String(map { $0.isNewline ? " " : $0 }) : self
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
