/// A column chart of a service's reports: one column per report, its transactions stacked by
/// channel, each channel in a colour and a pattern of its own so the chart reads without
/// colour, with a legend of the channels that appear. Drawn with the board report's
/// `SVGChart` helpers.
struct SiteVolumeChart {
  var title: String
  /// Oldest first.
  var reports: [VolumeReported]
  /// The six channels' names, in `VolumeReported.channelNames` order.
  var channels: [String]

  static let left = 78.0
  static let right = 10.0
  static let top = 10.0
  static let plotHeight = 180.0

  /// Colours: the GOV.UK palette; patterns: solid, stripes, dots, lines, checks, bars, grey.
  static let fills: [(color: String, shape: String)] = [
    ("#1d70b8", ""),
    ("#28a197", "<path d=\"M0 6L6 0\" stroke=\"#ffffff\" stroke-width=\"2\"/>"),
    ("#f47738", "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#0b0c0c\"/>"),
    ("#4c2c92", "<path d=\"M0 3H6\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"),
    ("#d4351c", "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>"),
    ("#b58840", "<path d=\"M3 0V6\" stroke=\"#0b0c0c\" stroke-width=\"1.2\"/>"),
    ("#b1b4b6", ""),
  ]

  /// The amounts of a report: the six channels, then what no channel accounts for.
  static func amounts(_ report: VolumeReported) -> [Int] {
    let given = report.channels.map { $0 ?? 0 }
    return given + [max(report.total - given.reduce(0, +), 0)]
  }

  /// The channels some report has transactions in: indexes into `fills` (the six channels,
  /// then what no channel accounts for), in that order.
  var shownChannels: [Int] {
    var used: Set<Int> = []
    for report in reports {
      for (index, amount) in Self.amounts(report).enumerated() where amount > 0 {
        used.insert(index)
      }
    }
    return used.sorted()
  }

  /// How the columns read, for the chart's caption: split by channel, told apart without
  /// colour by patterns and shades, or by shades alone when no channel shown has a pattern.
  var reading: String {
    let shown = shownChannels
    guard shown.count > 1 else { return "all of it in the one channel the legend names" }
    let patterned = shown.contains { !Self.fills[$0 % Self.fills.count].shape.isEmpty }
    return "split by channel; the "
      + (patterned ? "patterns and shades" : "dark and light shades")
      + " tell channels apart without colour"
  }

  /// The chart's SVG.
  func svg() -> String {
    let names = channels + ["Channel not reported"]
    let plotWidth = SVGChart.width - Self.left - Self.right
    let largest = max(reports.map(\.total).max() ?? 0, 1)
    let scale = Self.niceCeiling(largest)
    let y = { (value: Double) in Self.top + Self.plotHeight * (1 - value / Double(scale)) }
    var body = "<defs>"
    for (index, fill) in Self.fills.enumerated() where !fill.shape.isEmpty {
      body +=
        "<pattern id=\"vc-\(index)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        + "<rect width=\"6\" height=\"6\" fill=\"\(fill.color)\"/>\(fill.shape)</pattern>"
    }
    body += "</defs>\n"
    for step in 0...4 {
      let value = Double(scale) * Double(step) / 4
      body += SVGChart.line(
        Self.left, y(value), Self.left + plotWidth, y(value),
        stroke: step == 0 ? "#0b0c0c" : "#dcdcdc")
      body += SVGChart.text(
        Format.integer(Int(value)), x: Self.left - 6, y: y(value) + 4, size: 10, anchor: "end",
        fill: "#505a5f")
    }
    let slot = plotWidth / Double(max(reports.count, 1))
    let barWidth = max(slot * 0.7, 1)
    var lastYear: Int?
    for (column, report) in reports.enumerated() {
      let x = Self.left + slot * Double(column) + (slot - barWidth) / 2
      var base = 0.0
      for (index, amount) in Self.amounts(report).enumerated() where amount > 0 {
        let top = y(base + Double(amount))
        body += SVGChart.rect(
          x: x, y: top, width: barWidth, height: y(base) - top, fill: Self.paint(index))
        base += Double(amount)
      }
      let year = report.to.components.year
      if year != lastYear {
        body += SVGChart.line(x, y(0), x, y(0) + 4, stroke: "#0b0c0c")
        body += SVGChart.text(String(year), x: x, y: y(0) + 16, size: 10, fill: "#505a5f")
        lastYear = year
      }
    }
    let shown = shownChannels
    let legend = SVGChart.flowLegend(
      shown.map { names[$0] }, left: Self.left, baseline: Self.top + Self.plotHeight + 38,
      rowHeight: 18, indent: 18, gap: 16
    ) { item, x, y in
      SVGChart.rect(
        x: x, y: y - 10, width: 12, height: 12, fill: Self.paint(shown[item]), stroke: "#0b0c0c")
    }
    body += legend.body
    let description =
      "Transactions of \(reports.count) reports from \(reports.first?.from.description ?? "") "
      + "to \(reports.last?.to.description ?? ""), by channel; the largest is "
      + "\(Format.integer(largest)). The table beside the chart gives every figure."
    return SVGChart.frame(
      height: legend.baseline + 8, title: title, description: description, body: body)
  }

  /// The fill of channel `index`: its colour, or its pattern.
  static func paint(_ index: Int) -> String {
    let fill = fills[index % fills.count]
    return fill.shape.isEmpty ? fill.color : "url(#vc-\(index))"
  }

  /// The smallest of 1, 2, 2.5, 5 or 10 × a power of ten that is at least `value`.
  static func niceCeiling(_ value: Int) -> Int {
    var power = 1
    while power * 10 < value { power *= 10 }
    for tenths in [10, 20, 25, 50] where power * tenths / 10 >= value { return power * tenths / 10 }
    return power * 10
  }
}
