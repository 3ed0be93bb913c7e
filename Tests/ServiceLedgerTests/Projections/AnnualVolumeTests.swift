import Foundation
import Testing

@testable import ServiceLedger

@Suite("Annual volume: the five-step rule")
struct AnnualVolumeTests {
  static let s = service("s")

  static func report(_ from: String, _ to: String, _ total: Int, digital: Int? = nil)
    -> VolumeReported
  {
    VolumeReported(service: s, from: date(from), to: date(to), total: total, digital: digital)
  }

  static func history(_ events: [Event], asOf: String = "2099-12-31", knownAt: Timestamp? = nil)
    -> (VolumeHistory, [RecordedEvent])
  {
    var factory = EventFactory()
    let registered = factory.make(
      .serviceRegistered(ServiceRegistered(service: s, name: "S", organisation: "OPG")))
    let recorded = [registered] + events.map { factory.make($0) }
    return (VolumeHistory(Timeline(recorded, asOf: date(asOf), knownAt: knownAt)), recorded)
  }

  @Test("1. a 12-month report ending at the latest date is taken as it is")
  func twelveMonth() {
    let volume = AnnualVolume([Self.report("2013-04-01", "2014-03-31", 1_320_121, digital: 2756)])
    #expect(volume.volume == 1_320_121)
    #expect(volume.basis == .twelveMonth)
    #expect(volume.from == date("2013-04-01"))
    #expect(volume.to == date("2014-03-31"))
    #expect(Format.percent(volume.digitalTakeUp ?? -1) == "0.2%")
  }

  @Test("1. a 366-day report ending on 29 February counts as 12 months")
  func leapYear() {
    let volume = AnnualVolume([Self.report("2015-03-01", "2016-02-29", 366)])
    #expect(volume.basis == .twelveMonth)
    #expect(volume.volume == 366)
  }

  @Test("2. quarters covering the whole 12 months are summed, even past a 12-month report")
  func summed() {
    let volume = AnnualVolume([
      Self.report("2013-01-01", "2013-12-31", 999),
      Self.report("2013-04-01", "2013-06-30", 10, digital: 1),
      Self.report("2013-07-01", "2013-09-30", 20, digital: 2),
      Self.report("2013-10-01", "2013-12-31", 30, digital: 3),
      Self.report("2014-01-01", "2014-03-31", 40, digital: 4),
    ])
    #expect(volume.volume == 100)
    #expect(volume.basis == .summed)
    #expect(volume.from == date("2013-04-01"))
    #expect(volume.to == date("2014-03-31"))
    #expect(volume.digitalTakeUp == 0.1)
  }

  @Test("2. a window ending on 29 February starts on 1 March: quarters from March sum")
  func summedLeap() {
    let volume = AnnualVolume([
      Self.report("2015-03-01", "2015-05-31", 1), Self.report("2015-06-01", "2015-08-31", 1),
      Self.report("2015-09-01", "2015-11-30", 1), Self.report("2015-12-01", "2016-02-29", 1),
    ])
    #expect(volume.basis == .summed)
    #expect(volume.volume == 4)
  }

  @Test("3. with a gap in the quarters, the latest earlier 12-month report is used")
  func earlierTwelveMonth() {
    let volume = AnnualVolume([
      Self.report("2012-04-01", "2013-03-31", 500, digital: 50),
      Self.report("2013-01-01", "2013-12-31", 400),
      Self.report("2014-01-01", "2014-03-31", 40),
    ])
    #expect(volume.volume == 400)
    #expect(volume.basis == .twelveMonth)
    #expect(volume.to == date("2013-12-31"))
    #expect(volume.digitalTakeUp == nil)
  }

  @Test("4. without a 12-month report, partial cover is annualised, rounded half up")
  func annualised() {
    // 2 quarters of 90 and 91 days: 181 days, 1000 transactions → 1000 × 365 / 181 = 2016.57
    let volume = AnnualVolume([
      Self.report("2014-01-01", "2014-03-31", 500), Self.report("2014-04-01", "2014-06-30", 500),
    ])
    #expect(volume.basis == .annualised)
    #expect(volume.volume == 2017)
    // 73 days × 5 = 365: exactly half rounds up
    #expect(AnnualVolume([Self.report("2014-01-01", "2014-01-02", 1)]).volume == 183)
  }

  @Test("5. no report: no volume and no basis")
  func none() {
    #expect(AnnualVolume([]) == .none)
  }

  @Test("a restated report replaces the earlier figure and is counted as restated")
  func restated() {
    let (history, _) = Self.history([
      .volumeReported(Self.report("2012-04-01", "2013-03-31", 4_600_000)),
      .volumeReported(Self.report("2012-04-01", "2013-03-31", 1_500_000)),
    ])
    #expect(history.annualVolume(of: Self.s).volume == 1_500_000)
    #expect(history.reports[Self.s]?.first?.restatements == 1)
    #expect(history.reports[Self.s]?.first?.previousTotal == 4_600_000)
  }

  @Test("a retracted restatement brings the earlier figure back; known-at ignores it before")
  func retracted() {
    let (history, recorded) = Self.history([
      .volumeReported(Self.report("2012-04-01", "2013-03-31", 100)),
      .volumeReported(Self.report("2012-04-01", "2013-03-31", 200)),
    ])
    #expect(history.annualVolume(of: Self.s).volume == 200)
    var factory = EventFactory()
    factory.start = Timestamp(seconds: 1_500_000_000)
    let retraction = factory.make(
      .eventRetracted(EventRetracted(event: recorded[2].id, reason: "typo")))
    let after = VolumeHistory(Timeline(recorded + [retraction], asOf: date("2099-01-01")))
    #expect(after.annualVolume(of: Self.s).volume == 100)
    let before = VolumeHistory(
      Timeline(recorded + [retraction], asOf: date("2099-01-01"), knownAt: recorded[2].at))
    #expect(before.annualVolume(of: Self.s).volume == 200)
  }

  @Test("a report straddling the as-of date does not count until its period has ended")
  func straddling() {
    let (history, _) = Self.history(
      [
        .volumeReported(Self.report("2012-04-01", "2013-03-31", 100)),
        .volumeReported(Self.report("2013-01-01", "2013-12-31", 300)),
      ], asOf: "2013-06-30")
    #expect(history.annualVolume(of: Self.s).volume == 100)
  }

  @Test("real MoJ figures: prison visits to 2014-03-31, employment tribunals after fees")
  func realCases() throws {
    let ledger = try LedgerFolder(path: packageRoot + "/events").readValid()
    let visits = VolumeHistory(Timeline(ledger, asOf: date("2014-03-31")))
      .annualVolume(of: service("moj-prison-visit-booking"))
    #expect(visits.volume == 1_320_121)
    #expect(visits.basis == .twelveMonth)
    #expect(visits.from == date("2013-04-01"))
    #expect(visits.digitalTakeUp.map { Format.percent($0) } == "0.2%")
    let tribunals = service("moj-employment-tribunal-claims")
    let beforeFees = VolumeHistory(Timeline(ledger, asOf: date("2013-06-30"))).annualVolume(
      of: tribunals)
    let afterFees = VolumeHistory(Timeline(ledger, asOf: date("2015-03-31"))).annualVolume(
      of: tribunals)
    #expect((beforeFees.volume ?? 0) > 100_000)
    #expect((afterFees.volume ?? .max) < 100_000)
  }

  @Test("monthly reports for 80 years keep a pruned history within room for 32")
  func prunedRoom() {
    var factory = EventFactory()
    var history = VolumeHistory(retention: .annualVolume)
    var from = date("1940-01-01")
    for _ in 0..<960 {
      let to = from.adding(months: 1).adding(days: -1)
      history.apply(
        factory.make(.volumeReported(VolumeReported(service: Self.s, from: from, to: to, total: 5)))
      )
      // Pruned when it reaches 32, before a 33rd would double its room.
      #expect((history.reports[Self.s]?.capacity ?? 0) <= 32)
      from = to.adding(days: 1)
    }
    #expect(history.annualVolume(of: Self.s).volume == 60)
  }
}
