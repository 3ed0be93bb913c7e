import Testing

@testable import ServiceLedger

/// The site's volume chart says how its columns read from what it draws: a caption that
/// promises patterns on a chart that has none would send a reader without colour looking for
/// them.
@Suite("Site: the volume chart's caption matches its fills")
struct SiteVolumeChartTests {
  static let channels = ["Digital", "Assisted digital", "Phone", "Post", "Face to face", "Other"]

  static func chart(digital: Int?, phone: Int?, total: Int = 100) -> SiteVolumeChart {
    let report = VolumeReported(
      service: service("a"), from: date("2014-01-01"), to: date("2014-03-31"), total: total,
      digital: digital, phone: phone)
    return SiteVolumeChart(title: "Transactions", reports: [report], channels: channels)
  }

  @Test("patterned channels: patterns and shades")
  func patterned() {
    let chart = Self.chart(digital: 40, phone: 60)
    #expect(chart.shownChannels == [0, 2])
    #expect(chart.reading.contains("patterns and shades"))
    #expect(chart.svg().contains("url(#vc-2)"))
  }

  @Test("digital and not reported only: solid fills, so shades alone")
  func solidOnly() {
    let chart = Self.chart(digital: 40, phone: nil)
    #expect(chart.shownChannels == [0, 6])
    #expect(!chart.reading.contains("pattern"))
    #expect(chart.reading.contains("dark and light shades"))
    #expect(!chart.svg().contains("url(#vc-"))
  }

  @Test("one channel: nothing to tell apart")
  func oneChannel() {
    let chart = Self.chart(digital: 100, phone: nil)
    #expect(chart.shownChannels == [0])
    #expect(!chart.reading.contains("split by channel"))
    #expect(!chart.reading.contains("apart"))
  }
}
