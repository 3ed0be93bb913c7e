/// The point of the service standard in force that a rule enforces, as finding messages cite it
/// (REFERENCE.md: 26 points before 2015-06-01, 18 points from then, 14 from 2019-06-30).
enum StandardCitation {
  /// The standard's name: `the 26-point Digital by Default Service Standard`.
  static func name(_ standard: ServiceStandard) -> String {
    switch standard {
    case .digitalByDefault2014: return "the 26-point Digital by Default Service Standard"
    case .digital2015: return "the 18-point Digital Service Standard"
    case .service2019: return "the 14-point Service Standard"
    }
  }

  /// `point 2 of the 26-point Digital by Default Service Standard (what it asks)`, for a
  /// standard rule; the strategy rules (exemplar deadline, overdue) cite the strategy instead.
  static func point(_ rule: CheckRule, _ standard: ServiceStandard) -> String {
    if rule == .govuk && standard == .service2019 {
      // The 14-point standard has no point about GOV.UK; say which earlier point the rule keeps.
      return "point 13 of the 18-point Digital Service Standard (a service consistent with the "
        + "rest of GOV.UK), which \(name(standard)) replaced without a GOV.UK point"
    }
    guard let (points, asks) = table(rule, standard) else { return name(standard) }
    return "\(points) of \(name(standard)) (\(asks))"
  }

  private static func table(_ rule: CheckRule, _ standard: ServiceStandard) -> (String, String)? {
    let manager =
      "a suitably skilled and senior service manager with decision-making responsibility"
    let performance = "report performance data on the Performance Platform"
    switch (rule, standard) {
    case (.serviceManager, .digitalByDefault2014): return ("point 2", manager)
    case (.serviceManager, .digital2015): return ("point 3", manager)
    case (.serviceManager, .service2019): return ("point 6", "have a multidisciplinary team")
    case (.assistedDigital, .digitalByDefault2014):
      return ("point 10", "assisted digital support aimed at those who genuinely need it")
    case (.assistedDigital, .digital2015):
      return (
        "point 14",
        "encourage all users to use the digital service, with assisted "
          + "digital support if required"
      )
    case (.assistedDigital, .service2019):
      return ("point 5", "make sure everyone can use the service")
    case (.kpis, .digitalByDefault2014):
      return ("points 7 and 21 to 24", "benchmark the 4 KPIs and " + performance)
    case (.kpis, .digital2015):
      return ("points 16 and 17", "the 4 mandatory KPIs, benchmarked; " + performance)
    case (.kpis, .service2019), (.staleVolume, .service2019):
      return ("point 10", "define what success looks like and publish performance data")
    case (.staleVolume, .digitalByDefault2014):
      return ("point 24", "a plan for high digital take-up; " + performance)
    case (.staleVolume, .digital2015): return ("point 17", performance)
    case (.govuk, .digitalByDefault2014), (.govuk, .digital2015):
      return ("point 13", "a service consistent with the rest of GOV.UK")
    case (.assessment, _):
      return (
        "the assessment against all points",
        "a service that does not pass is not awarded the standard and does not appear on GOV.UK"
      )
    default: return nil
    }
  }
}
