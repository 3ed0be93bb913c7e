/// How an aligned table fits a width without cutting a cell.
///
/// Every column has a natural width (its widest cell or title on one line) and a narrowest
/// width. Text wraps at spaces; a word too long for its column is broken only after a `/`, `,`
/// or `;` (a URL's path, a list written without spaces), so an id (letters, digits, hyphens,
/// dots) is never broken, and neither is a figure. The narrowest width is the longest such
/// unbreakable piece, and prose wraps no narrower than `proseWidth`. To fit a width, columns
/// named in `leftOutFirst` are left out in that order while the narrowest widths of those shown
/// do not fit; any left out that would fit again are put back, most needed first; the room
/// left over widens the columns furthest from their natural width. When even the columns that
/// are always shown do not fit, prose wraps narrower than `proseWidth`, down to its longest
/// unbreakable piece; past that the lines run past the width: an id is never cut to make it fit.
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
  /// - Parameters:
  ///   - header: the column titles, which may wrap like text.
  ///   - body: the rows' cells.
  ///   - figures: the columns whose cells are figures, never broken at all.
  ///   - leftOutFirst: the columns that may be left out, least needed first.
  ///   - width: the terminal's width, or nil for full width.
  init(header: [String], body: [[String]], figures: [Bool], leftOutFirst: [Int], width: Int?) {
    let count = header.count
    var natural = header.map { Format.displayWidth($0) }
    var longestWord = header.map(Self.longestPiece)
    var cellsNatural = Array(repeating: 0, count: count)
    for row in body {
      for (index, cell) in row.enumerated() where index < count {
        let cellWidth = Format.displayWidth(cell)
        natural[index] = max(natural[index], cellWidth)
        cellsNatural[index] = max(cellsNatural[index], cellWidth)
        let piece = index < figures.count && figures[index] ? cellWidth : Self.longestPiece(cell)
        longestWord[index] = max(longestWord[index], piece)
      }
    }
    var narrowest = (0..<count).map { index in
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
    // When even the columns shown do not fit, prose gives up its usual narrowest width, the
    // widest column first, down to its longest unbreakable piece: a line past the terminal's
    // width wraps there and the whole table loses its alignment.
    var excess = total(shown, narrowest) - width
    while excess > 0,
      let widest = shown.filter({ narrowest[$0] > longestWord[$0] })
        .max(by: { narrowest[$0] < narrowest[$1] })
    {
      narrowest[widest] -= 1
      excess -= 1
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

  /// The width of the longest piece of `text` that `wrap` never breaks.
  static func longestPiece(_ text: String) -> Int {
    text.split(separator: " ").reduce(0) { widest, word in
      pieces(word).reduce(widest) { max($0, Format.displayWidth($1)) }
    }
  }

  /// `word` cut after each `/`, `,` and `;`: the places a word too long for its line may break.
  static func pieces(_ word: Substring) -> [Substring] {
    var pieces: [Substring] = []
    var start = word.startIndex
    for index in word.indices where "/,;".contains(word[index]) {
      let end = word.index(after: index)
      pieces.append(word[start..<end])
      start = end
    }
    if start < word.endIndex { pieces.append(word[start...]) }
    return pieces
  }

  /// `text` as lines of at most `width` terminal columns, broken at spaces, and inside a word
  /// wider than `width` after a `/`, `,` or `;` when `breaksWords`; a piece still wider than
  /// `width` keeps a line of its own. Text that fits is returned as it is.
  static func wrap(_ text: String, width: Int, breaksWords: Bool = true) -> [String] {
    guard Format.displayWidth(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    func place(_ piece: Substring, after separator: String) {
      let pieceWidth = Format.displayWidth(piece)
      if !line.isEmpty, lineWidth + separator.count + pieceWidth > width {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      if !line.isEmpty {
        line += separator
        lineWidth += separator.count
      }
      line += piece
      lineWidth += pieceWidth
    }
    for word in text.split(separator: " ") {
      guard breaksWords, Format.displayWidth(word) > width else {
        place(word, after: " ")
        continue
      }
      for (index, piece) in pieces(word).enumerated() { place(piece, after: index == 0 ? " " : "") }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
