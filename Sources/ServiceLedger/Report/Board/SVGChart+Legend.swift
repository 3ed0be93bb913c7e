extension SVGChart {
  /// A legend set like text: each item a swatch then its name, left to right from `left`, on
  /// a new row when the item and the gap after it would pass the chart's right edge. A name
  /// wider than a whole row is cut with `…` and keeps its full text as a tooltip.
  /// - Parameters:
  ///   - names: The items' names, in order.
  ///   - left: Where each row starts, in user units.
  ///   - baseline: The first row's text baseline.
  ///   - rowHeight: From one row's baseline to the next.
  ///   - indent: From an item's start to its name (the swatch and the space after it).
  ///   - gap: After an item's name, before the next item.
  ///   - swatch: The swatch of item `index` whose row has its baseline at `y`, at `x`.
  /// - Returns: The legend's SVG and the baseline of its last row (`baseline` when empty).
  static func flowLegend(
    _ names: [String], left: Double, baseline: Double, rowHeight: Double, indent: Double,
    gap: Double, swatch: (_ index: Int, _ x: Double, _ y: Double) -> String
  ) -> (body: String, baseline: Double) {
    let room = width - left - indent
    var body = ""
    var x = left
    var y = baseline
    for (index, name) in names.enumerated() {
      let advance = indent + min(textWidth(name, size: 11), room) + gap
      if x > left, x + advance > width {
        x = left
        y += rowHeight
      }
      body += swatch(index, x, y)
      body += label(name, width: room, x: x + indent, y: y)
      x += advance
    }
    return (body, y)
  }
}
