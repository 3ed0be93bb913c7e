/// What kind of organisation it is.
public enum OrganisationKind: String, FieldChoice {
  case ministry, agency, region, municipality, school
  case educationAuthority = "education-authority"
  case civilSociety = "civil-society"
  case association, company, international, other
  public static let noun = "organisation kind"
}

/// The form of a plan document, as its issuer calls it; laws, decrees, orders and letters are
/// the acts a plan implements (`implements`).
public enum PlanForm: String, FieldChoice {
  case strategy, principles, policy, model, plan, programme, regulation
  case actionPlan = "action-plan"
  case partOfOther = "part-of-other"
  case report, law, decree, order, letter, other
  /// A strategy for one sector (welfare technology, the schools), not the whole organisation.
  case sectorStrategy = "sector-strategy"
  /// No document: the organisation follows others' plans (`implements` says whose).
  case none
  /// The source gives no form.
  case unknown
  /// More acts a plan implements or cites as its basis.
  case constitution, resolution
  public static let noun = "plan form"
}

/// A plan's lifecycle: what was done to it, or what state it entered, on a date.
public enum PlanStatus: String, FieldChoice {
  case drafting, drafted, validated, endorsed, approved, submitted, accepted
  case inForce = "in-force"
  case underRevision = "under-revision"
  case paused, stalled, suspended, reaffirmed, expired, superseded, withdrawn
  public static let noun = "plan status"

  /// Whether the plan was adopted by its owner: approved, endorsed or later in its life.
  public var isAdopted: Bool {
    switch self {
    case .drafting, .drafted, .validated, .expired, .superseded, .withdrawn: return false
    case .endorsed, .approved, .submitted, .accepted, .inForce, .underRevision, .paused,
      .stalled, .suspended, .reaffirmed:
      return true
    }
  }

  /// Whether the plan's life is over (expired, superseded or withdrawn).
  public var isEnded: Bool { self == .expired || self == .superseded || self == .withdrawn }
}

/// What an item of a plan is, in the hierarchy the plan chooses.
public enum ItemKind: String, FieldChoice {
  case vision, goal, objective, principle, theme, priority, commitment, action, task
  case solution, target, milestone, stage, section, other
  public static let noun = "item kind"
}

/// How an item's deadline is given.
public enum DeadlineKind: String, FieldChoice {
  /// `due` is the date.
  case date
  /// From `dueFrom` to `due`.
  case range
  /// Again and again (daily, per term): `dueText` says how often.
  case recurring
  /// Once in each reporting period.
  case perPeriod = "per-period"
  /// On an event ("on the day the application is submitted").
  case triggered
  /// All the time, no end.
  case continuous
  /// When needed.
  case asNeeded = "as-needed"
  /// As another act says.
  case byReference = "by-reference"
  public static let noun = "deadline kind"

  /// Whether `due` is a date by which the item must be done.
  public var isDated: Bool { self == .date || self == .range }
}

/// A responsible party's role on an item.
public enum ResponsibilityRole: String, FieldChoice {
  case lead, executor, overseer
  case coOwner = "co-owner"
  case contributor
  public static let noun = "role"
}

/// What kind of governance body it is.
public enum BodyKind: String, FieldChoice {
  case council
  case steeringCommittee = "steering-committee"
  case workingGroup = "working-group"
  case consultativeBody = "consultative-body"
  case committee, other
  public static let noun = "body kind"
}

/// The balance of members a body declares.
public enum BodyComposition: String, FieldChoice {
  /// As many government as civil-society members.
  case parity
  public static let noun = "composition"
}

/// Which side of a body a member sits on.
public enum Sector: String, FieldChoice {
  case government
  case civilSociety = "civil-society"
  case business, academia, media, other
  public static let noun = "sector"
}

/// A group a body's member represents, for inclusion.
public enum InclusionGroup: String, FieldChoice {
  case women, youth
  case personsWithDisabilities = "persons-with-disabilities"
  public static let noun = "group"
}

/// Why a body's mandate ended.
public enum MandateEnd: String, FieldChoice {
  case election, dissolution
  case termEnd = "term-end"
  public static let noun = "cause"
}

/// Whose view an assessment of an item gives.
public enum Perspective: String, FieldChoice {
  case government
  case civilSociety = "civil-society"
  case external
  public static let noun = "perspective"
}

/// An assessment's verdict on an item.
public enum Assessment: String, FieldChoice {
  case onTrack = "on-track"
  case offTrack = "off-track"
  case done
  case notStarted = "not-started"
  public static let noun = "assessment"
}

/// A way the public or partners took part.
public enum ParticipationKind: String, FieldChoice {
  case openCall = "open-call"
  case consultation
  case drafting
  case workingGroup = "working-group"
  case onlineWindow = "online-window"
  case informationSession = "information-session"
  case launch, meeting
  public static let noun = "participation kind"
}
