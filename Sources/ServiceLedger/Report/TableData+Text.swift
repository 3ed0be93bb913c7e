extension TableData {
  /// An aligned plain-text table: two spaces between columns, a dashed rule under the titles,
  /// figures right-aligned, control characters escaped, aligned by display width (a wide
  /// character takes two columns, a combining accent none).
  ///
  /// With a `width` (a terminal's), the table keeps within it as `TableLayout` describes: text
  /// wraps onto continuation lines (a long URL after its slashes), `leftOutFirst` columns may be left out (a line after the
  /// table names them), and ids and figures are never cut, even if a line must run past the
  /// width. Without one (output to a pipe or a file), every column is shown on one line a row.
  /// - Parameters:
  ///   - width: the terminal's width in columns, or nil for full width.
  ///   - out: where the table goes.
  public func renderTable(width: Int? = nil, into out: inout some TextOutputStream) {
    let header = columns.map { Format.terminalSafe($0.replacingNewlines()) }
    let body = rows.map { row in
      columns.indices.map {
        $0 < row.count ? Format.terminalSafe(row[$0].text.replacingNewlines()) : ""
      }
    }
    let numeric = columns.indices.map { index in
      rows.contains { row in index < row.count && row[index].isNumber }
    }
    let layout = TableLayout(
      header: header, body: body, figures: numeric,
      leftOutFirst: leftOutFirst.compactMap { columns.firstIndex(of: $0) }, width: width)
    func write(_ cells: [[String]], bottomAligned: Bool) {
      let height = cells.map(\.count).max() ?? 1
      for line in 0..<height {
        var text = ""
        for (position, column) in layout.shown.enumerated() {
          let lines = cells[position]
          let index = bottomAligned ? line - (height - lines.count) : line
          let cell = index >= 0 && index < lines.count ? lines[index] : ""
          let pad = String(
            repeating: " ", count: max(layout.widths[position] - Format.displayWidth(cell), 0))
          if position > 0 { text += String(repeating: " ", count: TableLayout.gap) }
          text += numeric[column] ? pad + cell : cell + pad
        }
        while text.hasSuffix(" ") { text.removeLast() }
        out.write(text + "\n")
      }
    }
    func wrapped(_ cells: [String], isHeader: Bool) -> [[String]] {
      layout.shown.enumerated().map { position, column in
        TableLayout.wrap(
          cells[column], width: layout.widths[position], breaksWords: isHeader || !numeric[column])
      }
    }
    write(wrapped(header, isHeader: true), bottomAligned: true)
    write(layout.widths.map { [String(repeating: "-", count: $0)] }, bottomAligned: false)
    for row in body { write(wrapped(row, isHeader: false), bottomAligned: false) }
    if let width, !layout.leftOut.isEmpty {
      let names = layout.leftOut.map { header[$0] }.joined(separator: ", ")
      out.write(
        "\n"
          + ViewOutput.wrapped(
            "Not shown, to fit \(width) columns: \(names). A wider terminal shows more; "
              + "`--format csv` or output to a pipe has every column.", width: width))
    }
  }
}
