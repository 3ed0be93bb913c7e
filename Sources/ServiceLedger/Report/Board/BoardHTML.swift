/// Small helpers for the board report's HTML: escaping and element building.
///
/// The markup is XHTML-compatible (every element closed, attributes quoted, only the five
/// XML entities), so an XML parser can check it. Escaping is the shared `HTML.escaped`.
enum BoardHTML {
  /// `text` safe as element content or a double- or single-quoted attribute value: `&`, `<`,
  /// `>`, `"` and `'` become entities; control characters and the non-characters XML forbids
  /// are shown as text (`\u{1}`), never sent.
  static func escaped(_ text: String) -> String { HTML.escaped(text) }

  /// `<name attributes>escaped text</name>`.
  static func element(_ name: String, _ text: String, class style: String? = nil) -> String {
    "<\(name)\(attribute("class", style))>\(escaped(text))</\(name)>"
  }

  /// ` name="value"` escaped, or nothing for nil.
  static func attribute(_ name: String, _ value: String?) -> String {
    value.map { " \(name)=\"\(escaped($0))\"" } ?? ""
  }

  /// A table: numeric columns (those with a number in any row) right-aligned, header repeated
  /// on each printed page; short cells (dates, statuses, up to 13 characters) are not broken
  /// at their hyphens or spaces. A table of up to `keptRows` rows is kept on one page.
  static func table(_ data: TableData, class style: String? = nil) -> String {
    let classes = [style, data.rows.count <= keptRows ? "keep" : nil].compactMap { $0 }
    let numeric = data.columns.indices.map { index in
      data.rows.contains { row in index < row.count && row[index].isNumber }
    }
    var out =
      "<table\(attribute("class", classes.isEmpty ? nil : classes.joined(separator: " ")))>"
      + "<thead><tr>"
    for (index, column) in data.columns.enumerated() {
      out += element("th", column, class: numeric[index] ? "num" : nil)
    }
    out += "</tr></thead><tbody>\n"
    for row in data.rows {
      out += "<tr>"
      for (index, cell) in row.enumerated() {
        let isNumeric = index < numeric.count && numeric[index]
        let isWord = cell.text.count <= 13
        out += element("td", cell.text, class: isNumeric ? "num" : isWord ? "nowrap" : nil)
      }
      out += "</tr>\n"
    }
    return out + "</tbody></table>\n"
  }

  /// The most rows of a table that page breaks may not split.
  static let keptRows = 12

  /// A bulleted list of escaped items.
  static func list(_ items: [String], class style: String? = nil) -> String {
    "<ul\(attribute("class", style))>"
      + items.map { element("li", $0) }.joined(separator: "\n") + "</ul>\n"
  }
}
