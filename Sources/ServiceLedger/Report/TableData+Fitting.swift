extension TableData {
  /// How the aligned table may cut a column to keep within its line width.
  public struct Shrink: Sendable, Equatable {
    /// The narrowest the column may become.
    public var narrowest: Int
    /// Whether text is cut in the middle (`moj-legal-a…cases-higher`), for ids whose ends tell
    /// them apart, rather than at the end (`Delivering four exe…`).
    public var cutsMiddle: Bool

    /// Cut at the end, down to `narrowest` characters.
    public static func end(_ narrowest: Int) -> Shrink {
      Shrink(narrowest: narrowest, cutsMiddle: false)
    }

    /// Cut in the middle, down to `narrowest` characters.
    public static func middle(_ narrowest: Int) -> Shrink {
      Shrink(narrowest: narrowest, cutsMiddle: true)
    }

    /// `text` cut to `width` characters with `…` when it is longer.
    func cut(_ text: String, to width: Int) -> String {
      guard text.count > width else { return text }
      let kept = max(width - 1, 0)
      guard cutsMiddle else { return String(text.prefix(kept)) + "…" }
      let head = kept / 2
      return String(text.prefix(head)) + "…" + String(text.suffix(kept - head))
    }
  }

  /// The table's cells and column widths after cutting: the widest shrinkable column loses a
  /// character at a time until the lines fit in `lineWidth` or every one is at its narrowest;
  /// then any column whose cut made two different cells look alike widens until they differ.
  func fitted(header: [String], body: [[String]], shrinks: [Shrink?])
    -> (header: [String], body: [[String]], widths: [Int])
  {
    let natural = header.indices.map { index in
      body.reduce(header[index].count) { max($0, index < $1.count ? $1[index].count : 0) }
    }
    var widths = natural
    var excess = widths.reduce(0, +) + 2 * max(widths.count - 1, 0) - lineWidth
    while excess > 0 {
      let candidates = widths.indices.filter { index in
        shrinks[index].map { widths[index] > max($0.narrowest, 2) } ?? false
      }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
      excess -= 1
    }
    for index in widths.indices {
      guard let shrink = shrinks[index], widths[index] < natural[index] else { continue }
      let column = Set(body.map { index < $0.count ? $0[index] : "" })
      while widths[index] < natural[index],
        Set(column.map { shrink.cut($0, to: widths[index]) }).count < column.count
      {
        widths[index] += 1
      }
    }
    func cut(_ cells: [String]) -> [String] {
      cells.enumerated().map { index, cell in
        guard index < widths.count, let shrink = shrinks[index] else { return cell }
        return shrink.cut(cell, to: widths[index])
      }
    }
    return (cut(header), body.map(cut), widths)
  }
}
