import Foundation
import Testing

@testable import ServiceLedger

/// Long names in the charts' legends stay inside the chart: wrapped onto further rows, or cut
/// with `…` and kept whole in a tooltip, never cut silently, and the chart grows to hold them.
@Suite("SVG charts: long names stay inside the chart")
struct SVGLegendTests {
  static let long =
    "Applications for a very long-named service that goes on and on about its purpose in some "
    + "detail for the board"
  static let unbroken =
    "Another_service_whose_name_has_no_space_and_is_far_too_long_for_any_row_"
    + "of_the_legend_at_all_even_when_the_chart_is_printed_on_A4"
  static let capitals = "WWW MMM CAPITALS SERVICE NAME WITH WIDE LETTERS THAT STRETCH WELL PAST"

  /// Every text of `svg` (from baseline `top` down) ends inside the chart and lies above its
  /// bottom edge.
  static func expectInside(
    _ svg: String, from top: Double = 0, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let check = SVGTextCheck(svg)
    #expect(check.isWellFormed, sourceLocation: sourceLocation)
    #expect(!check.texts(below: top).isEmpty, sourceLocation: sourceLocation)
    for text in check.texts(below: top) {
      #expect(text.end <= SVGChart.width, "\(text.shown)", sourceLocation: sourceLocation)
      #expect(text.x >= 0, "\(text.shown)", sourceLocation: sourceLocation)
      #expect(text.y + 4 <= check.height, "\(text.shown)", sourceLocation: sourceLocation)
    }
  }

  @Test("text widths: capitals and wide letters count more than the average, CJK a full em")
  func widths() {
    #expect(SVGChart.textWidth("claims", size: 10) == 6 * 5.5)
    #expect(SVGChart.textWidth("WWWW", size: 10) > 4 * 5.5)
    #expect(SVGChart.textWidth("MMMM", size: 10) == 4 * 8.33)
    #expect(SVGChart.textWidth("法院", size: 10) == 20)
    #expect(SVGChart.fitted("claims", width: 100, size: 10) == "claims")
    let cut = SVGChart.fitted("Money claims: enforcement", width: 72, size: 10)
    #expect(cut == "Money claims…")
    #expect(SVGChart.textWidth(cut, size: 10) <= 72)
    #expect(SVGChart.fitted("Money claims: enforcement", width: 70, size: 10) == "Money claim…")
    #expect(SVGChart.fitted("Money", width: 1, size: 10) == "…")
  }

  @Test("a line chart's legend wraps long names onto further rows, and the chart grows")
  func lineChartWraps() {
    let names = [Self.long, Self.capitals, Self.unbroken, "Court fines"]
    let chart = SVGLineChart(
      title: "Take-up", description: "Take-up of four services.",
      series: names.enumerated().map { index, name in
        SVGLineChart.Series(
          name: name, points: [(date("2014-03-31"), 0.2 * Double(index + 1))],
          note: "12.5% (quarter to 2014-03-31)")
      }, end: date("2014-03-31"), target: nil)
    let svg = chart.svg()
    Self.expectInside(svg)
    let legend = SVGTextCheck(svg).texts(below: SVGLineChart.top + SVGLineChart.plotHeight + 30)
    // The long name and the capitals take two rows each, the unbroken name a row of its own
    // and its note a second one; the short name one: seven rows, each 17 apart.
    #expect(legend.count == 7)
    #expect(legend.map(\.y) == (0..<7).map { 210 + 17 * Double($0) })
    #expect(SVGTextCheck(svg).height == 210 + 7 * 17 + 2)
    // Words are never lost: the rows of an entry put together give it whole.
    #expect(legend[0].shown + " " + legend[1].shown == Self.long + " 12.5% (quarter to 2014-03-31)")
    #expect(legend[0].tooltip == nil)
    // The unbroken name is cut with `…`, and its tooltip carries the whole entry.
    #expect(legend[4].shown.hasSuffix("…"))
    #expect(legend[4].tooltip == Self.unbroken + " 12.5% (quarter to 2014-03-31)")
    #expect(legend[6].shown == "Court fines 12.5% (quarter to 2014-03-31)")
  }

  @Test("a short legend is drawn as before: one row per series, no tooltip")
  func lineChartShort() {
    let chart = SVGLineChart(
      title: "Take-up", description: "Take-up.",
      series: [
        SVGLineChart.Series(name: "Court fines", points: [(date("2014-03-31"), 0.1)], note: "")
      ], end: date("2014-03-31"), target: 0.82)
    let check = SVGTextCheck(chart.svg())
    #expect(check.texts.contains { $0.shown == "Court fines" })
    #expect(check.texts.allSatisfy { $0.tooltip == nil })
    #expect(check.height == 210 + 17 + 2)
  }

  @Test("stacked bars: the categories' legend wraps onto rows, bar labels are cut with a tooltip")
  func stackedWraps() {
    let categories = [Self.long, Self.capitals, "Phone", Self.unbroken]
    let svg = SVGBarChart.stacked(
      [
        SVGBarChart.Stack(
          label: "Transactions of a service with a long label", amounts: [1, 2, 3, 4],
          total: "10 a year")
      ], categories: categories, title: "Mix", description: "Shares.")
    Self.expectInside(svg)
    let check = SVGTextCheck(svg)
    let label = check.texts.first { $0.tooltip == "Transactions of a service with a long label" }
    #expect(label?.shown.hasSuffix("…") == true)
    let legend = check.texts.filter { $0.y > SVGBarChart.barHeight + SVGBarChart.rowGap }
    // The long name cut on a row of its own, the capitals and "Phone" on the next, apart.
    #expect(legend.map(\.y) == [40, 57, 57, 74])
    #expect(legend[1].end + 18 + 14 <= legend[2].x + 0.05)  // coordinates are to 0.1
    #expect(legend.contains { $0.shown == "Phone" && $0.tooltip == nil })
    #expect(legend.contains { $0.tooltip == Self.unbroken && $0.shown.hasSuffix("…") })
  }

  @Test("progress bars: a label too long for its column is cut, with the whole in a tooltip")
  func progressLabel() {
    let svg = SVGBarChart.progress(
      [
        SVGBarChart.Progress(label: Self.long, value: 0.5, text: "1 of 2", target: nil),
        SVGBarChart.Progress(label: "Milestones met", value: nil, text: "", target: nil),
      ], title: "Progress", description: "Progress.")
    Self.expectInside(svg)
    let texts = SVGTextCheck(svg).texts
    #expect(texts.contains { $0.tooltip == Self.long && $0.shown.hasSuffix("…") })
    #expect(texts.contains { $0.shown == "Milestones met" && $0.tooltip == nil })
  }

  @Test("the site's volume chart: long channel names wrap or are cut, and the chart grows")
  func volumeChartWraps() {
    let reports = ["2014-03-31", "2014-06-30"].map { end in
      VolumeReported(
        service: service("a"), from: date(end).adding(days: -89), to: date(end), total: 100,
        digital: 10, assisted: 10, phone: 10, post: 10, faceToFace: 10, other: 10)
    }
    let channels = [Self.long, Self.capitals, Self.unbroken, "Post", "Face to face", "Other"]
    let svg = SiteVolumeChart(title: "Transactions", reports: reports, channels: channels).svg()
    Self.expectInside(svg)
    let check = SVGTextCheck(svg)
    let legend = check.texts(below: SiteVolumeChart.top + SiteVolumeChart.plotHeight + 38)
    // The first row holds the first item, not an empty row before it.
    #expect(legend.first?.y == SiteVolumeChart.top + SiteVolumeChart.plotHeight + 38)
    #expect(legend.contains { $0.tooltip == Self.long && $0.shown.hasSuffix("…") })
    #expect(legend.contains { $0.tooltip == Self.unbroken })
    #expect(legend.contains { $0.shown == "Channel not reported" })
    #expect(check.height == (legend.map(\.y).max() ?? 0) + 8)
  }

  @Test("the shipped 2015-Q1 report: the legends and bar charts keep every text inside")
  func shipped() throws {
    let report = BoardReport(
      try shippedLedger.get(), period: ReportPeriod(quarter: try #require(Quarter("2015-Q1"))))
    let lines = [report.exemplarChart, report.topServicesChart].compactMap { $0 }
    #expect(lines.count == 2)
    for svg in lines {
      Self.expectInside(svg, from: SVGLineChart.top + SVGLineChart.plotHeight + 30)
    }
    Self.expectInside(try #require(report.channelMixChart))
    Self.expectInside(report.scorecardChart)
  }
}
