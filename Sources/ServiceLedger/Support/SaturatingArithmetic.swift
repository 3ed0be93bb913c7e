/// Sums and products of counts that stop at the integer limits instead of trapping.
///
/// Each count in the log is at most `PayloadDecoder.maximumCount`, but a log may hold any
/// number of reports, and views sum them across periods and services and scale them to a
/// year: a hostile or mistaken log must not crash a view. Figures that large are meaningless
/// anyway; a view shows the limit rather than stopping.
extension Int {
  /// `self + other`, or the limit it passes.
  func saturatingAdding(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }

  /// `numerator × multiplier ÷ divisor`, rounded half up, without trapping: exact when the
  /// product fits, else through `Double` (and at most the integer limit).
  static func scaled(_ numerator: Int, by multiplier: Int, over divisor: Int) -> Int {
    guard divisor > 0 else { return 0 }
    let (twice, overflowTwice) = multiplier.multipliedReportingOverflow(by: 2)
    let (product, overflow) = numerator.multipliedReportingOverflow(by: twice)
    if !overflowTwice, !overflow, divisor <= .max / 2, product <= .max - divisor {
      return (product + divisor) / (2 * divisor)
    }
    let value = (Double(numerator) * Double(multiplier) / Double(divisor)).rounded()
    return value >= Double(Int.max) ? .max : value <= Double(Int.min) ? .min : Int(value)
  }
}

extension Int {
  /// `value` rounded half away from zero, or the limit it passes (`Int.max` or `-Int.max`, so
  /// that its magnitude and negation fit too; infinity included), and 0 for not-a-number: a
  /// figure worked out from money or targets in the log (a JSON number of any size) shows as
  /// the limit rather than trapping.
  init(roundingSaturated value: Double) {
    let rounded = value.rounded(.toNearestOrAwayFromZero)
    if rounded.isNaN {
      self = 0
    } else if rounded >= Double(Int.max) {
      self = .max
    } else if rounded <= -Double(Int.max) {
      self = -.max
    } else {
      self = Int(rounded)
    }
  }
}

extension Sequence<Int> {
  /// The sum, stopping at the integer limit instead of trapping.
  var saturatingSum: Int { reduce(0) { $0.saturatingAdding($1) } }
}
