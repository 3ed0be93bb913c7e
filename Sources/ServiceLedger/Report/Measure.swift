/// A figure in a table cell: shown formatted for reading (`1,183,878`, `21.2%`, `+3.7 pp`,
/// `£3,758,014`) and written plain for a spreadsheet in CSV (`1183878`, `21.20`, `3.67`,
/// `3758014`), where the column's CSV header names the unit.
public enum Measure: Sendable, Equatable {
  /// A whole number: transactions, days, an action's number.
  case count(Int)
  /// A rate 0...1, shown as a percentage; plain, it is the percentage with 2 decimals, the
  /// precision of the JSON's 4-decimal rates.
  case rate(Double)
  /// A change in rate, shown in percentage points; plain, the points with 2 decimals.
  case points(Double)
  /// Pounds, whole (rounded half away from zero, as in the JSON).
  case pounds(Double)

  /// The figure for reading, as every view shows it.
  public var shown: String {
    switch self {
    case .count(let value): return Format.integer(value)
    case .rate(let value): return Format.percent(value)
    case .points(let value): return Format.points(value)
    case .pounds(let value): return Format.pounds(value)
    }
  }

  /// The figure for a spreadsheet: digits, an optional `-` and decimal point, nothing else.
  public var plain: String {
    switch self {
    case .count(let value): return String(value)
    case .rate(let value), .points(let value): return Self.percentage(value)
    case .pounds(let value): return String(Int(roundingSaturated: value))
    }
  }

  /// A rate as a percentage with exactly 2 decimals, rounded as `Format.rate` rounds the JSON's
  /// rates (so the two agree to the last digit), without separators.
  static func percentage(_ rate: Double) -> String {
    let scaled = Int(roundingSaturated: rate * 10_000)
    let fraction = String(scaled.magnitude % 100)
    return (scaled < 0 ? "-" : "") + String(scaled.magnitude / 100) + "."
      + (fraction.count < 2 ? "0" : "") + fraction
  }
}
