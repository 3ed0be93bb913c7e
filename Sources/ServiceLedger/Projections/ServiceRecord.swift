/// What the catalogue knows about one service at a date.
public struct ServiceRecord: Sendable, Equatable {
  public var id: ServiceID
  public var name: String
  public var organisation: String
  public var department: String
  public var kind: ServiceKind
  public var category: String?
  public var customers: Customers?
  public var url: String?
  public var description: String?
  /// When it was registered, if recorded.
  public var registeredOn: CivilDate?
  /// When it was retired, if it was.
  public var retiredOn: CivilDate?
  /// Its latest phase and the date it entered it.
  public var phase: Phase?
  public var phaseSince: CivilDate?
  /// Current service managers (role `service-manager`), sorted.
  public var managers: [PersonID] = []
  /// Current associates, sorted.
  public var associates: [PersonID] = []
  /// The exemplar designation, if any.
  public var exemplar: ExemplarDesignated?
  /// When it moved to GOV.UK.
  public var govukOn: CivilDate?
  /// The assisted-digital provision in force, if any.
  public var assistedDigital: AssistedDigitalProvided?
  /// Assessments recorded, oldest first.
  public var assessments: [AssessmentRecorded] = []
  /// Common components adopted: a set, so that adopting one costs the same however many
  /// there are.
  public var adopted: Set<ComponentID> = []
  /// Common components adopted, sorted.
  public var components: [ComponentID] { adopted.sorted() }

  /// Whether it has a passed assessment for `stage`.
  public func hasPassed(_ stage: AssessmentStage) -> Bool {
    assessments.contains { $0.stage == stage && $0.result == .pass }
  }

  init(_ registered: ServiceRegistered) {
    id = registered.service
    name = registered.name
    organisation = registered.organisation
    department = registered.department ?? "MoJ"
    kind = registered.kind ?? .transactional
    category = registered.category
    customers = registered.customers
    url = registered.url
    description = registered.description
    registeredOn = registered.on
  }
}
