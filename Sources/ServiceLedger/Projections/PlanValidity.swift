/// Whether a plan's document is in force at a date, from its period (`from`, `to`) or, when it
/// gives no start, the date it was approved; a plan whose recorded status ended it (expired,
/// superseded, withdrawn) is expired whatever its period says.
public enum PlanValidity: String, Sendable, CaseIterable, Comparable {
  /// Within a period with an end.
  case inForce = "in-force"
  /// Started (or approved) with no end given ("Fra 2017", "2018-", "Godkendt 2019").
  case openEnded = "open-ended"
  /// Its period ended before the date.
  case expired
  /// Its period starts after the date.
  case notYet = "not-yet"
  /// Neither a period nor an approval is known.
  case unknown
  /// No document (form `none`): nothing to be in force.
  case noDocument = "no-document"

  /// The validity of `plan` at `date`.
  public init(_ plan: PlanRegistry.Plan, at date: CivilDate) {
    let registration = plan.registration
    if registration.form == .none {
      self = .noDocument
      return
    }
    if plan.history.last?.status.isEnded == true {
      self = .expired
      return
    }
    let start = registration.from ?? plan.approval
    if let start, date < start {
      self = .notYet
    } else if let end = registration.to {
      self = date > end ? .expired : .inForce
    } else {
      self = start == nil ? .unknown : .openEnded
    }
  }

  /// Catalogue order.
  public static func < (lhs: PlanValidity, rhs: PlanValidity) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}
