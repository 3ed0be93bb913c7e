/// A line chart of rates (0–100%) over time, with a legend under the plot.
struct SVGLineChart {
  /// One line.
  struct Series {
    var name: String
    /// Dates (x) and rates 0...1 (y), oldest first.
    var points: [(date: CivilDate, value: Double)]
    /// Said after the name in the legend, e.g. `36.3% to 2015-03-31`.
    var note: String
  }

  var title: String
  var description: String
  var series: [Series]
  /// The last date of the x axis.
  var end: CivilDate
  /// A horizontal reference line (a target rate), if any.
  var target: Double?

  static let left = 44.0
  static let right = 56.0
  static let top = 10.0
  static let plotHeight = 170.0
  static let legendRow = 17.0

  /// The chart's SVG.
  func svg() -> String {
    let dates = series.flatMap { $0.points.map(\.date) }
    let first = dates.min() ?? end
    let startYear = first.components.year
    let start = CivilDate(year: startYear, month: 1, day: 1) ?? first
    let span = Double(max(start.days(to: end), 1))
    let plotWidth = SVGChart.width - Self.left - Self.right
    let x = { (date: CivilDate) in Self.left + plotWidth * Double(start.days(to: date)) / span }
    let y = { (value: Double) in Self.top + Self.plotHeight * (1 - min(max(value, 0), 1)) }
    var body = ""
    for step in 0...4 {
      let value = Double(step) / 4
      body += SVGChart.line(
        Self.left, y(value), Self.left + plotWidth, y(value),
        stroke: step == 0 ? "#0b0c0c" : "#dcdcdc")
      body += SVGChart.text(
        "\(step * 25)%", x: Self.left - 6, y: y(value) + 4, size: 10, anchor: "end",
        fill: "#505a5f")
    }
    for year in startYear...end.components.year {
      guard let tick = CivilDate(year: year, month: 1, day: 1), tick <= end else { continue }
      let at = x(tick)
      body += SVGChart.line(at, y(0), at, y(0) + 4, stroke: "#0b0c0c")
      body += SVGChart.text(
        String(year), x: at, y: y(0) + 16, size: 10, anchor: "middle", fill: "#505a5f")
    }
    if let target {
      body += SVGChart.line(
        Self.left, y(target), Self.left + plotWidth, y(target), stroke: "#505a5f",
        dash: " stroke-dasharray=\"3 3\"")
      body += SVGChart.text(
        "target \(Format.percent(target, digits: 0))", x: Self.left + plotWidth + 4,
        y: y(target) + 4, size: 10, fill: "#505a5f")
    }
    let drawn = series.map { line in line.points.map { (x: x($0.date), y: y($0.value)) } }
    let overlaps = Overlaps(drawn, closeness: Self.closeness * Self.plotHeight)
    for (index, line) in drawn.enumerated() {
      let color = SVGChart.color(index)
      // Beneath later lines on the same segment, or close to it: a solid band of this colour,
      // wider for each line above it and for how far off they run, so that all stay visible.
      for (segment, cover) in overlaps.segments[index].enumerated() where cover.count > 0 {
        let (start, end) = (line[segment], line[segment + 1])
        body += SVGChart.line(
          start.x, start.y, end.x, end.y, stroke: color,
          width: 2 + 3 * Double(cover.count) + 2 * cover.reach)
      }
      if line.count > 1 {
        let points = line.map { "\(SVGChart.n($0.x)),\(SVGChart.n($0.y))" }
        body +=
          "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
          + "stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\""
          + SVGChart.dash(index) + "/>"
      }
      // A point beneath others is a ring around theirs, hollow where they only come close so
      // that it hides none of the lines drawn before it.
      for (point, cover) in zip(line, overlaps.points[index]) {
        body +=
          "<circle cx=\"\(SVGChart.n(point.x))\" cy=\"\(SVGChart.n(point.y))\" "
          + "r=\"\(SVGChart.n(2.2 + 1.8 * Double(cover.count) + cover.reach))\" "
          + "fill=\"\(cover.reach > 0 ? "none" : "#ffffff")\" stroke=\"\(color)\" "
          + "stroke-width=\"1.5\"/>"
      }
    }
    let legend = self.legend(top: Self.top + Self.plotHeight + 30)
    body += legend.body
    let notes = overlapNotes(overlaps, size: 10)
    for (row, note) in notes.enumerated() {
      body += SVGChart.label(
        note, width: SVGChart.width - Self.left, x: Self.left,
        y: legend.next + Double(row) * Self.legendRow, size: 10, fill: "#505a5f")
    }
    let height = legend.next + Double(notes.count) * Self.legendRow + 2
    let description =
      notes.isEmpty ? description : description + " " + notes.joined(separator: " ")
    return SVGChart.frame(height: height, title: title, description: description, body: body)
  }

  /// One legend entry per series: a swatch in the series' colour and dash, then its name and
  /// note, wrapped at spaces onto further rows under the first when wider than the chart
  /// (a printed report has no tooltips, so a name is never cut unless a single word is wider
  /// than a row, and then it keeps its full text in a tooltip).
  /// - Returns: The legend's SVG and the baseline of the row after it.
  func legend(top: Double) -> (body: String, next: Double) {
    let indent = 34.0
    let room = SVGChart.width - Self.left - indent
    var body = ""
    var rowY = top
    for (index, line) in series.enumerated() {
      body += SVGChart.line(
        Self.left, rowY - 4, Self.left + 26, rowY - 4, stroke: SVGChart.color(index), width: 2.5,
        dash: SVGChart.dash(index))
      let entry = line.note.isEmpty ? line.name : line.name + " " + line.note
      for row in SVGChart.wrapped(entry, width: room, size: 11) {
        body += SVGChart.label(
          row, full: row == entry ? nil : entry, width: room, x: Self.left + indent, y: rowY)
        rowY += Self.legendRow
      }
    }
    return (body, rowY)
  }
}
