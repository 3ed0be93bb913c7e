/// Assisted-digital coverage at a date (`ledger assisted-digital`).
///
/// In scope: services that reported digital transactions (over 0) in their latest 12 months of
/// figures (any report ending in the 12 months up to their latest report, or their annual
/// basis), or in phase `beta` or `live`. A service with quarterly digital figures but no
/// 12-month one is in scope, though take-up, cost and saving over 12 months leave it out.
/// Covered: assisted-digital provision in force. Expected need: 18% of the annual
/// volume, the 2012 Digital Landscape Research's share of adults rarely or never online.
public struct AssistedDigitalCoverage: Sendable, Equatable {
  /// One service in scope.
  public struct Row: Sendable, Equatable {
    public var service: ServiceRecord
    public var annual: AnnualVolume
    /// 18% of the annual volume, rounded half up; nil without a volume.
    public var expectedNeed: Int?
    /// Assisted-digital transactions of the annual basis (scaled to a year when annualised);
    /// nil when a report of it leaves `assisted` out.
    public var reportedAssisted: Int?
    /// The end of the latest report in its latest 12 months of figures with digital
    /// transactions; nil when it is in scope only by its phase.
    public var digitalTo: CivilDate?

    /// Whether assisted-digital provision is in force.
    public var isCovered: Bool { service.assistedDigital != nil }
  }

  /// The share of adults rarely or never online (Digital Landscape Research, 2012).
  public static let offlineShare = 0.18

  /// The as-of date.
  public var asOf: CivilDate
  /// The services in scope, uncovered first, then by annual volume descending, then id.
  public var rows: [Row]

  /// Builds the view from the projections of one timeline.
  public init(asOf: CivilDate, catalogue: Catalogue, volumes: VolumeHistory) {
    self.asOf = asOf
    rows = catalogue.services.compactMap { record in
      let annual = volumes.annualVolume(of: record.id)
      let digitalTo = AssistedDigitalCoverage.digitalTo(
        annual, volumes.reports[record.id]?.map(\.report) ?? [])
      let phased = record.phase == .beta || record.phase == .live
      guard digitalTo != nil || phased else { return nil }
      return Row(
        service: record, annual: annual,
        expectedNeed: annual.volume.map { Int.scaled($0, by: 18, over: 100) },
        reportedAssisted: AssistedDigitalCoverage.assisted(annual), digitalTo: digitalTo)
    }
    rows.sort { lhs, rhs in
      (lhs.isCovered ? 1 : 0, -(lhs.annual.volume ?? -1), lhs.service.id)
        < (rhs.isCovered ? 1 : 0, -(rhs.annual.volume ?? -1), rhs.service.id)
    }
  }

  /// The services in scope without provision.
  public var uncovered: [Row] { rows.filter { !$0.isCovered } }

  /// Covered ÷ in scope, by count; nil when nothing is in scope.
  public var coverageByCount: Double? {
    rows.isEmpty ? nil : Double(rows.count - uncovered.count) / Double(rows.count)
  }

  /// Covered ÷ in scope, weighted by annual volume (services without one count 0); nil when
  /// no service in scope has a volume.
  public var coverageByVolume: Double? {
    let total = rows.compactMap(\.annual.volume).saturatingSum
    guard total > 0 else { return nil }
    let covered = rows.filter(\.isCovered).compactMap(\.annual.volume).saturatingSum
    return Double(covered) / Double(total)
  }

  /// The latest end of a report with digital transactions among those of `annual` and those
  /// ending in the 12 months up to the latest of `reports` (a service's current reports, sorted
  /// by `to`); nil when none has any.
  static func digitalTo(_ annual: AnnualVolume, _ reports: [VolumeReported]) -> CivilDate? {
    let start = reports.last?.to.startOfTwelveMonthsEnding
    let recent = reports.filter { report in start.map { report.to >= $0 } ?? false }
    return (annual.reports + recent).filter { ($0.digital ?? 0) > 0 }.map(\.to).max()
  }

  /// Σ assisted of the annual basis, scaled to the annual volume; nil when any report lacks it.
  static func assisted(_ annual: AnnualVolume) -> Int? {
    guard let volume = annual.volume, !annual.reports.isEmpty else { return nil }
    let counts = annual.reports.map(\.assisted)
    guard !counts.contains(where: { $0 == nil }) else { return nil }
    let assisted = counts.compactMap { $0 }.saturatingSum
    let total = annual.reports.map(\.total).saturatingSum
    guard total > 0, total != volume else { return assisted }
    // Annualised: the same share of the year's volume, half up.
    return Int.scaled(assisted, by: volume, over: total)
  }
}
