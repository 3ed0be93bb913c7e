/// A field whose value is one word from a fixed set; the raw value is the on-disk word.
public protocol FieldChoice: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
  /// What one value is called in messages ("phase", "status").
  static var noun: String { get }
}

extension FieldChoice {
  /// Every accepted word, in catalogue order.
  public static var words: [String] { allCases.map(\.rawValue) }
}

/// A service's delivery phase.
public enum Phase: String, FieldChoice, Comparable {
  case discovery, alpha, beta, live, retired
  public static let noun = "phase"
  public static func < (lhs: Phase, rhs: Phase) -> Bool {
    words.firstIndex(of: lhs.rawValue) ?? 0 < words.firstIndex(of: rhs.rawValue) ?? 0
  }
}

/// The status of a strategy action.
public enum ActionStatus: String, FieldChoice {
  case notStarted = "not-started", inProgress = "in-progress", atRisk = "at-risk"
  case blocked, done, dropped
  public static let noun = "status"
  /// Whether the action needs no more work (`done` or `dropped`).
  public var isClosed: Bool { self == .done || self == .dropped }
}

/// Whether a service is a transaction or information only.
public enum ServiceKind: String, FieldChoice {
  case transactional, information
  public static let noun = "kind"
}

/// Who uses a service.
public enum Customers: String, FieldChoice {
  case individuals, business, both
  public static let noun = "customer type"
}

/// The stage a service assessment was for.
public enum AssessmentStage: String, FieldChoice {
  case alpha, beta, live
  public static let noun = "assessment stage"
}

/// The outcome of a service assessment.
public enum AssessmentResult: String, FieldChoice {
  case pass
  case notPass = "not-pass"
  public static let noun = "assessment result"
}

/// A version of the government service standard.
public enum ServiceStandard: String, FieldChoice {
  case digitalByDefault2014 = "2014-26"
  case digital2015 = "2015-18"
  case service2019 = "2019-14"
  public static let noun = "service standard"

  /// The standard in force on `date`: 26 points from 2014-04-01, 18 points from 2015-06-01,
  /// 14 points from 2019-06-30 (the 26-point standard also before 2014-04-01).
  public static func inForce(on date: CivilDate) -> ServiceStandard {
    if let start = CivilDate(year: 2019, month: 6, day: 30), date >= start { return .service2019 }
    if let start = CivilDate(year: 2015, month: 6, day: 1), date >= start { return .digital2015 }
    return .digitalByDefault2014
  }
}

/// Who carried out an assessment.
public enum Assessor: String, FieldChoice {
  case gds, department
  public static let noun = "assessor"
}

/// Whether a service standard point was met.
public enum PointResult: String, FieldChoice {
  case met
  case notMet = "not-met"
  public static let noun = "point result"
}

/// A manager's role on a service.
public enum ManagerRole: String, FieldChoice {
  case serviceManager = "service-manager"
  case associate
  public static let noun = "role"
}

/// A route by which assisted-digital support is offered.
public enum AssistedRoute: String, FieldChoice {
  case phone
  case faceToFace = "face-to-face"
  case webChat = "web-chat"
  case partner
  case homeVisit = "home-visit"
  case other
  public static let noun = "route"
}

/// The nature of a barrier to digital transformation.
public enum BarrierKind: String, FieldChoice {
  case legislative, policy, technical, commercial
  public static let noun = "barrier kind"
}
