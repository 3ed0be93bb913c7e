/// How an aligned table fits a width without cutting a cell.
///
/// Every column has a natural width (its widest cell or title on one line) and a narrowest
/// width: its longest word, since text wraps only at spaces, and an id or a figure has none,
/// so it is never broken. Prose wraps no narrower than `proseWidth`. To fit a width, columns
/// named in `leftOutFirst` are left out in that order while the narrowest widths of those shown
/// do not fit; any left out that would fit again are put back, most needed first; the room
/// left over widens the columns furthest from their natural width. When even the columns that
/// are always shown do not fit at their narrowest, the lines run past the width: an id is never
/// cut to make it fit.
struct TableLayout: Equatable {
  /// The columns shown, as indices into the table's columns, in order.
  var shown: [Int]
  /// The width of each shown column, in terminal columns.
  var widths: [Int]
  /// The columns left out, as indices, in order.
  var leftOut: [Int]

  /// Two spaces between columns.
  static let gap = 2
  /// Text wraps no narrower than this (unless the column's words are wider).
  static let proseWidth = 24

  /// The layout of `header` and `body` (cells already made safe to print) within `width`
  /// terminal columns, or at natural width when `width` is nil (output to a pipe or a file).
  init(header: [String], body: [[String]], leftOutFirst: [Int], width: Int?) {
    let count = header.count
    var natural = header.map { Format.displayWidth($0) }
    var longestWord = header.map(Self.longestWord)
    var cellsNatural = Array(repeating: 0, count: count)
    for row in body {
      for (index, cell) in row.enumerated() where index < count {
        let cellWidth = Format.displayWidth(cell)
        natural[index] = max(natural[index], cellWidth)
        cellsNatural[index] = max(cellsNatural[index], cellWidth)
        longestWord[index] = max(longestWord[index], Self.longestWord(cell))
      }
    }
    let narrowest = (0..<count).map { index in
      max(longestWord[index], min(cellsNatural[index], Self.proseWidth))
    }
    func total(_ columns: [Int], _ widths: [Int]) -> Int {
      columns.reduce(0) { $0 + widths[$1] } + Self.gap * max(columns.count - 1, 0)
    }
    var shown = Array(0..<count)
    guard let width, total(shown, natural) > width else {
      self.init(shown: shown, widths: natural, leftOut: [])
      return
    }
    var leftOut: [Int] = []
    for index in leftOutFirst where total(shown, narrowest) > width {
      shown.removeAll { $0 == index }
      leftOut.append(index)
    }
    for index in leftOut.reversed() {
      let wider = (shown + [index]).sorted()
      if total(wider, narrowest) <= width {
        shown = wider
        leftOut.removeAll { $0 == index }
      }
    }
    var widths = shown.map { narrowest[$0] }
    var room = width - total(shown, narrowest)
    while room > 0 {
      let deficits = shown.indices.map { natural[shown[$0]] - widths[$0] }
      guard let widest = deficits.indices.max(by: { deficits[$0] < deficits[$1] }),
        deficits[widest] > 0
      else { break }
      widths[widest] += 1
      room -= 1
    }
    self.init(shown: shown, widths: widths, leftOut: leftOut.sorted())
  }

  init(shown: [Int], widths: [Int], leftOut: [Int]) {
    self.shown = shown
    self.widths = widths
    self.leftOut = leftOut
  }

  /// The width of the longest space-separated word of `text`.
  static func longestWord(_ text: String) -> Int {
    text.split(separator: " ").reduce(0) { max($0, Format.displayWidth($1)) }
  }

  /// `text` as lines of at most `width` terminal columns, broken at spaces only: a word wider
  /// than `width` keeps a line of its own. Text that fits is returned as it is.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard Format.displayWidth(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ") {
      let wordWidth = Format.displayWidth(word)
      if !line.isEmpty, lineWidth + 1 + wordWidth > width {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      if !line.isEmpty {
        line += " "
        lineWidth += 1
      }
      line += word
      lineWidth += wordWidth
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
