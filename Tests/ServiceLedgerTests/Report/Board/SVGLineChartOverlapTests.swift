import Foundation
import Testing

@testable import ServiceLedger

/// Lines that coincide (two services at 0.0% over the same quarters) stay visible: the one
/// beneath is drawn wider where they meet, and the legend says which lines lie on each other.
@Suite("SVG line chart: coinciding lines stay distinguishable")
struct SVGLineChartOverlapTests {
  static let quarters = ["2013-09-30", "2013-12-31", "2014-03-31"].map(date)

  static func chart(_ values: [[Double]]) -> SVGLineChart {
    SVGLineChart(
      title: "Take-up", description: "Take-up of three services.",
      series: values.enumerated().map { index, values in
        SVGLineChart.Series(
          name: "Service \(index)", points: Array(zip(quarters, values)).map { ($0, $1) },
          note: "")
      }, end: date("2014-03-31"), target: nil)
  }

  /// The `<line>` elements of `svg` drawn in `color` with `width`.
  static func bands(_ svg: String, color: String, width: String) -> Int {
    svg.components(separatedBy: "<line ").dropFirst().filter {
      $0.contains("stroke=\"\(color)\" stroke-width=\"\(width)\"")
    }.count
  }

  @Test("two lines at 0%: the first is a wider band beneath, and the legend names both")
  func coinciding() {
    let svg = Self.chart([[0, 0, 0], [0.5, 0.6, 0.7], [0, 0, 0]]).svg()
    let first = SVGChart.color(0)
    // Two segments of the first line lie under the third: a band 5 wide under each.
    #expect(Self.bands(svg, color: first, width: "5") == 2)
    let widerMarker = "r=\"4\" fill=\"#ffffff\" stroke=\"\(first)\""
    #expect(svg.components(separatedBy: widerMarker).count == 4)
    #expect(Self.bands(svg, color: SVGChart.color(1), width: "5") == 0)
    #expect(svg.contains("Lines on top of each other where equal: Service 0 (beneath, wider) and"))
    #expect(
      svg.contains("<desc>Take-up of three services. Lines on top of each other where equal:"))
    // Three rows of legend and one of the note.
    let height: Double = 210 + 4 * 17 + 2
    #expect(svg.contains("height=\"\(SVGChart.n(height))\""))
  }

  @Test("three lines on each other: each beneath is wider by the lines above it")
  func threeDeep() {
    let svg = Self.chart([[0, 0, 0], [0, 0, 0], [0, 0, 0]]).svg()
    #expect(Self.bands(svg, color: SVGChart.color(0), width: "8") == 2)
    #expect(Self.bands(svg, color: SVGChart.color(1), width: "5") == 2)
    #expect(
      svg.contains("Service 0 (beneath, widest), Service 1 and Service 2 (on top)."))
  }

  @Test("lines apart: no band, no note, the chart as before")
  func apart() {
    let svg = Self.chart([[0, 0.1, 0.2], [0.5, 0.6, 0.7]]).svg()
    #expect(!svg.contains("Lines on top of each other"))
    #expect(!svg.contains("stroke-width=\"5\""))
    let height: Double = 210 + 2 * 17 + 2
    #expect(svg.contains("height=\"\(SVGChart.n(height))\""))
  }

  @Test("the shipped 2015-Q1 report: jury summons and money-claims enforcement both visible")
  func shipped() throws {
    let report = BoardReport(
      try shippedLedger.get(), period: ReportPeriod(quarter: try #require(Quarter("2015-Q1"))))
    let chart = try #require(report.topServicesChart)
    let description: String =
      "<desc>Take-up per report period (quarterly, else 12-month), 0 to 100%, for Court fines: "
      + "payments, Legal aid in criminal cases: acts of assistance for lower claims, Summons "
      + "to carry out jury service, Legal aid in civil cases: acts of assistance, Money "
      + "claims: enforcement applications. Lines on top of each other where equal: Summons "
      + "to carry out jury service (beneath, wider) and Money claims: enforcement "
      + "applications.</desc>"
    #expect(chart.contains(description))
    // The jury-summons line (third, green) shows as a band under the other's three segments.
    #expect(Self.bands(chart, color: SVGChart.color(2), width: "5") == 3)
  }
}
