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
  /// at their hyphens or spaces, nor the dates in longer cells and titles. A table of up to
  /// `keptRows` rows is kept on one page.
  static func table(_ data: TableData, class style: String? = nil) -> String {
    let classes = [style, data.rows.count <= keptRows ? "keep" : nil].compactMap { $0 }
    let numeric = data.columns.indices.map { index in
      data.rows.contains { row in index < row.count && row[index].isNumber }
    }
    var out =
      "<table\(attribute("class", classes.isEmpty ? nil : classes.joined(separator: " ")))>"
      + "<thead><tr>"
    for (index, column) in data.columns.enumerated() {
      out +=
        "<th\(attribute("class", numeric[index] ? "num" : nil))>"
        + keepingDatesWhole(escaped(column)) + "</th>"
    }
    out += "</tr></thead><tbody>\n"
    for row in data.rows {
      out += "<tr>"
      for (index, cell) in row.enumerated() {
        let isNumeric = index < numeric.count && numeric[index]
        let isWord = cell.text.count <= 13
        out +=
          isNumeric || isWord
          ? element("td", cell.text, class: isNumeric ? "num" : "nowrap")
          : "<td>" + keepingDatesWhole(escaped(cell.text)) + "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody></table>\n"
  }

  /// Escaped `html` with each date (`2014-12-31`) and quarter (`2014-Q4`) in a nowrap span:
  /// a browser breaks a line after a hyphen, and "quarter to 2014-" over "12-31" is misread.
  /// A date is ASCII digits and hyphens with no ASCII digit just before or after it, found in
  /// the UTF-8 bytes (a table's every cell passes here: as characters, this was a fifth of the
  /// rendering of a report).
  static func keepingDatesWhole(_ html: String) -> String {
    let bytes = Array(html.utf8)
    func isDigit(_ index: Int) -> Bool {
      bytes.indices.contains(index) && bytes[index] &- UInt8(ascii: "0") < 10
    }
    func byte(_ index: Int, is ascii: Unicode.Scalar) -> Bool {
      bytes.indices.contains(index) && bytes[index] == UInt8(ascii: ascii)
    }
    /// The length of the date or quarter starting at `start`, if one does.
    func match(at start: Int) -> Int? {
      guard (0..<4).allSatisfy({ isDigit(start + $0) }), byte(start + 4, is: "-") else {
        return nil
      }
      if byte(start + 5, is: "Q"), isDigit(start + 6) { return 7 }
      let rest = [5, 6, 8, 9].allSatisfy { isDigit(start + $0) }
      return rest && byte(start + 7, is: "-") ? 10 : nil
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if !isDigit(index - 1), let length = match(at: index), !isDigit(index + length) {
        out += Array(#"<span class="nowrap">"#.utf8)
        out += bytes[index..<index + length]
        out += Array("</span>".utf8)
        index += length
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The most rows of a table that page breaks may not split.
  static let keptRows = 12

  /// A bulleted list of escaped items.
  static func list(_ items: [String], class style: String? = nil) -> String {
    "<ul\(attribute("class", style))>"
      + items.map { element("li", $0) }.joined(separator: "\n") + "</ul>\n"
  }
}
