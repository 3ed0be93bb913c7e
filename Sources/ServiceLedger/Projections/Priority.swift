/// How urgently a service is to be redesigned (docs/ledger-format.md, "Priority classes").
public enum Priority: String, Sendable, CaseIterable, Comparable {
  case exemplar
  case highVolume = "high-volume"
  case standard
  case noData = "no-data"

  /// The threshold above which a service is high-volume: the strategy's 100,000 a year.
  public static let defaultThreshold = 100_000

  /// `exemplar` when designated; else `no-data` without an annual volume; else `high-volume`
  /// when the volume is over `threshold`; else `standard`.
  public init(_ record: ServiceRecord, volume: AnnualVolume, threshold: Int = defaultThreshold) {
    if record.exemplar != nil {
      self = .exemplar
    } else if let annual = volume.volume {
      self = annual > threshold ? .highVolume : .standard
    } else {
      self = .noData
    }
  }

  /// Whether the strategy commits to redesigning it first (exemplar or high-volume).
  public var isPriority: Bool { self == .exemplar || self == .highVolume }

  /// The contract's order: exemplar, high-volume, standard, no-data.
  public static func < (lhs: Priority, rhs: Priority) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}
