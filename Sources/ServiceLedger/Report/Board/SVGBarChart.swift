/// Horizontal bar charts: 100% stacked bars (shares of a whole) and progress bars (a rate
/// against 100%, with an optional target mark).
enum SVGBarChart {
  /// One stacked bar.
  struct Stack {
    var label: String
    /// Non-negative amounts, one per category.
    var amounts: [Double]
    /// Said after the bar (the total).
    var total: String
  }

  /// One progress bar.
  struct Progress {
    var label: String
    /// 0...1; nil draws an empty track and says "no data".
    var value: Double?
    /// Said after the bar, e.g. `0 of 5`.
    var text: String
    var target: Double?
    /// 0...1: the share of the whole whose progress is not recorded at all, drawn in grey
    /// after `value`, so that an empty bar is not read as failure.
    var unrecorded: Double? = nil
  }

  /// The fill of the unrecorded part of a progress bar.
  static let unrecordedFill = "#b1b4b6"

  static let labelWidth = 110.0
  static let totalWidth = 130.0
  static let barHeight = 22.0
  static let rowGap = 12.0

  /// Bars of shares: each segment labelled with its percentage when there is room, and a
  /// legend of the categories that appear.
  static func stacked(
    _ stacks: [Stack], categories: [String], title: String, description: String
  ) -> String {
    let barWidth = SVGChart.width - labelWidth - totalWidth
    var body = ""
    for (row, stack) in stacks.enumerated() {
      let top = Double(row) * (barHeight + rowGap)
      body += SVGChart.label(stack.label, width: labelWidth - 6, x: 0, y: top + barHeight / 2 + 4)
      let sum = stack.amounts.reduce(0, +)
      var x = labelWidth
      for (index, amount) in stack.amounts.enumerated() where amount > 0 && sum > 0 {
        let width = barWidth * amount / sum
        body += SVGChart.rect(
          x: x, y: top, width: width, height: barHeight, fill: SVGChart.color(index),
          stroke: "#ffffff")
        let share = Format.percent(amount / sum, digits: 0)
        if width >= SVGChart.textWidth(share, size: 10) + 6 {
          body += SVGChart.text(
            share, x: x + width / 2, y: top + barHeight / 2 + 4, size: 10, anchor: "middle",
            fill: "#ffffff", weight: "bold")
        }
        x += width
      }
      if sum == 0 {
        body += SVGChart.rect(
          x: labelWidth, y: top, width: barWidth, height: barHeight, fill: "#f3f2f1")
      }
      body += SVGChart.text(
        stack.total, x: labelWidth + barWidth + 6, y: top + barHeight / 2 + 4, size: 11)
    }
    let used = categories.indices.filter { index in
      stacks.contains { index < $0.amounts.count && $0.amounts[index] > 0 }
    }
    let legend = SVGChart.flowLegend(
      used.map { categories[$0] }, left: labelWidth,
      baseline: Double(stacks.count) * (barHeight + rowGap) + 6, rowHeight: 17, indent: 14,
      gap: 18
    ) { item, x, y in
      SVGChart.rect(x: x, y: y - 9, width: 10, height: 10, fill: SVGChart.color(used[item]))
    }
    body += legend.body
    return SVGChart.frame(
      height: legend.baseline + 6, title: title, description: description, body: body)
  }

  /// Progress bars on a common 0–100% scale.
  static func progress(_ rows: [Progress], title: String, description: String) -> String {
    let labelWidth = 250.0
    let textWidth = 170.0
    let barWidth = SVGChart.width - labelWidth - textWidth - 10
    let height = 16.0
    let step = 26.0
    var body = ""
    for (row, item) in rows.enumerated() {
      let top = Double(row) * step + 4
      body += SVGChart.label(
        item.label, width: labelWidth - 8, x: 0, y: top + height / 2 + 4)
      body += SVGChart.rect(
        x: labelWidth, y: top, width: barWidth, height: height, fill: "#f3f2f1",
        stroke: "#b1b4b6")
      let done = min(max(item.value ?? 0, 0), 1)
      if item.value != nil {
        body += SVGChart.rect(
          x: labelWidth, y: top, width: barWidth * done, height: height,
          fill: SVGChart.color(0))
      }
      if let unrecorded = item.unrecorded, unrecorded > 0 {
        body += SVGChart.rect(
          x: labelWidth + barWidth * done, y: top,
          width: barWidth * min(max(unrecorded, 0), 1 - done), height: height,
          fill: unrecordedFill)
      }
      if let target = item.target {
        let at = labelWidth + barWidth * target
        body += SVGChart.line(at, top - 3, at, top + height + 3, stroke: "#0b0c0c", width: 2)
      }
      body += SVGChart.text(
        item.value == nil ? "no data" : item.text, x: labelWidth + barWidth + 8,
        y: top + height / 2 + 4, size: 11, weight: "bold")
    }
    return SVGChart.frame(
      height: Double(rows.count) * step + 4, title: title, description: description, body: body
    )
  }
}
