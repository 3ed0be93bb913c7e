import Foundation
import Testing

@testable import ServiceLedger

/// Lines that coincide (two services at 0.0% over the same quarters) or come within 3
/// percentage points of each other (0% and 2.5%, 4.25 units apart) stay visible: the one beneath
/// is drawn wider where they meet, and the legend says which lines lie on each other, and
/// whether they are equal there or only close.
@Suite("SVG line chart: coinciding and nearly coinciding lines stay distinguishable")
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
      svg.contains(
        "Service 0, Service 1 and Service 2 (drawn in that order, each wider where a later one "
          + "lies over it)."))
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
    // In the exemplars' chart, money claims (13.1% then 12.9%) runs within 3 points of lasting
    // power of attorney (11.2% then 11.9%) for a quarter in 2014, and three lines lie between
    // 0% and 1.4% in 2012-13.
    let exemplars = try #require(report.exemplarChart)
    #expect(
      exemplars.contains(
        "Lines on top of each other where within 3 percentage points: Money claims (beneath, "
          + "wider) and Applications for Lasting Power of Attorney. Lines on top of each other "
          + "where within 3 percentage points: Mortgage and landlord possession claims, "
          + "Bookings for prison visits and Applications for Lasting Power of Attorney (drawn in "
          + "that order, each wider where a later one lies over it).</desc>"))
  }

  /// The `<name …/>` elements of `svg`, each up to its end.
  static func elements(_ svg: String, _ name: String) -> [Substring] {
    svg.components(separatedBy: "<\(name) ").dropFirst().compactMap { rest in
      rest.range(of: "/>").map { rest[..<$0.lowerBound] }
    }
  }

  /// The `<circle>` elements of `svg` in `color` drawn hollow (a ring around a close point).
  static func rings(_ svg: String, color: String) -> [Substring] {
    elements(svg, "circle").filter { $0.contains("fill=\"none\" stroke=\"\(color)\"") }
  }

  @Test("0% and 2.5%: a band wide enough to frame the other line, and the note says close")
  func close() {
    let svg = Self.chart([[0, 0, 0], [0.025, 0.025, 0.025]]).svg()
    // 2.5 points are 4.25 units: 2 + 3 for the line above, and 2 × 4.25 to reach past it.
    #expect(Self.bands(svg, color: SVGChart.color(0), width: "13.5") == 2)
    // Its points are rings around the other's, 2.2 + 1.8 + 4.25 across.
    #expect(Self.rings(svg, color: SVGChart.color(0)).allSatisfy { $0.contains("r=\"8.3\"") })
    #expect(Self.rings(svg, color: SVGChart.color(0)).count == 3)
    #expect(
      svg.contains(
        "Lines on top of each other where within 3 percentage points: Service 0 (beneath, wider) "
          + "and Service 1."))
    #expect(!svg.contains("where equal"))
  }

  @Test(
    "within 3 points is close, beyond it apart",
    arguments: [(0.029, true), (0.01, true), (0.032, false), (0.1, false)])
  func threshold(difference: Double, isClose: Bool) {
    let svg = Self.chart([[0.5, 0.5, 0.5], [0.5 + difference, 0.5 + difference, 0.5]]).svg()
    // Both segments are close or neither; the last point is equal either way.
    let lines = Self.elements(svg, "line").filter {
      $0.contains("stroke=\"\(SVGChart.color(0))\"") && !$0.contains("stroke-width=\"2.5\"")
    }
    #expect(lines.count == (isClose ? 2 : 0))
    #expect(svg.contains("where within 3 percentage points") == isClose)
    #expect(svg.contains("Lines on top of each other where equal") == !isClose)
    #expect(svg.contains("r=\"4\" fill=\"#ffffff\" stroke=\"\(SVGChart.color(0))\""))
  }

  @Test("a chain 0%, 2.5%, 5%: each pair that is close is named, the two apart are not paired")
  func chain() {
    let svg = Self.chart([[0, 0, 0], [0.025, 0.025, 0.025], [0.05, 0.05, 0.05]]).svg()
    #expect(svg.contains("points: Service 0 (beneath, wider) and Service 1."))
    #expect(svg.contains("points: Service 1 (beneath, wider) and Service 2."))
    #expect(!svg.contains("widest"))
  }

  @Test("three lines each close to the others at different dates: the legend gives their order")
  func closeInTurn() {
    let svg = Self.chart([[0, 0.5, 0.9], [0.02, 0.9, 0.3], [0.5, 0.52, 0.31]]).svg()
    #expect(
      svg.contains(
        "points: Service 0, Service 1 and Service 2 (drawn in that order, each wider where a "
          + "later one lies over it)."))
    // The second lies under the third at the last date: its point there is a ring.
    #expect(!Self.rings(svg, color: SVGChart.color(1)).isEmpty)
  }

  @Test("two lines equal and a third close: one group, said to be close, not equal")
  func equalAndClose() {
    let svg = Self.chart([[0, 0, 0], [0, 0, 0], [0.02, 0.02, 0.02]]).svg()
    #expect(
      svg.contains(
        "where within 3 percentage points: Service 0, Service 1 and Service 2 (drawn in that "
          + "order, each wider where a later one lies over it)."))
    // Beneath both, the first line's points are rings 2.2 + 2 × 1.8 + 3.4 across, hollow so
    // as to hide nothing of the third.
    #expect(Self.rings(svg, color: SVGChart.color(0)).allSatisfy { $0.contains("r=\"9.2\"") })
    #expect(Self.rings(svg, color: SVGChart.color(0)).count == 3)
  }

  @Test("lines with points on different dates are compared between them")
  func differentDates() {
    typealias Overlaps = SVGLineChart.Overlaps
    let quarterly: [Overlaps.Point] = [(0, 0), (10, 0), (20, 0)]
    // A line through the first and last points only, 2 then 3 units off: close all along.
    let overlaps = Overlaps([quarterly, [(0, 2), (20, 4)]], closeness: 5.1)
    #expect(overlaps.segments[0].map(\.count) == [1, 1])
    #expect(overlaps.segments[0].map(\.reach) == [3, 4])
    #expect(overlaps.points[0].map(\.count) == [1, 0, 1])
    #expect(overlaps.pairs == [Overlaps.Pair(beneath: 0, above: 1): false])
    // A line that starts halfway along the first segment does not cover it, and one that
    // bends away between two points is measured at its bend.
    let later = Overlaps([quarterly, [(5, 0), (20, 0)]], closeness: 5.1)
    #expect(later.segments[0].map(\.count) == [0, 1])
    let bent = Overlaps([quarterly, [(0, 0), (5, 9), (20, 0)]], closeness: 5.1)
    #expect(bent.segments[0].map(\.count) == [0, 0])
    #expect(Overlaps.gap((0, 0), (10, 0), [(0, 0), (5, 9), (20, 0)]) == 9)
  }
}
