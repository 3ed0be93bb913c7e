extension PlanRegistry {
  /// A plan's status at the date, and where it comes from.
  public struct Status: Sendable, Equatable {
    public var status: PlanStatus
    public var on: CivilDate
    /// The date as the source prints it.
    public var when: String?
    /// When the status comes from the end of the governing body's mandate: the body.
    public var body: BodyID?
    /// ... and why it ended.
    public var cause: MandateEnd?
  }

  /// One item of a plan at the date.
  public struct Item: Sendable, Equatable {
    public var definition: ItemDefined
    /// 0 for an item without a parent, 1 under it, ...
    public var depth: Int
    public var responsibilities: [ResponsibilityAssigned]
    /// The latest progress; nil when none is recorded.
    public var progress: ItemProgressed?
    /// The first time it was recorded `done` (by `on`; same day: the first recorded), even if
    /// a later status replaced it: a strategy's milestone is met from then.
    public var firstDone: ItemProgressed?
    /// It expects progress (`isWork`), its dated deadline is before the as-of date and the
    /// latest status recorded is not done or dropped. What is not recorded is never shown as
    /// late: see `isPastDueUnrecorded`.
    public var isOverdue: Bool
    /// It expects progress, its dated deadline is before the as-of date and no progress is
    /// recorded: whether it was done is not known.
    public var isPastDueUnrecorded: Bool
    /// The latest assessment from each perspective, in `Perspective` order.
    public var assessments: [ItemAssessed]
    /// Nil unless it is formally tracked with the plan's framework.
    public var tracked: ItemTracked?
    public var target: TargetSet?
    public var measured: TargetMeasured?
    public var location: EventLocation?

    /// How far the latest measure has come from the baseline (0 when none) to the target: 1 is
    /// met; nil without a target and a measure. A target equal to its baseline has no way to
    /// go: it is met at the target, and above it when the target is a level to keep (above 0);
    /// a target of 0 is a count to bring down to none, so any measure above 0 misses it.
    public var attainment: Double? {
      guard let target, let measured else { return nil }
      let baseline = target.baseline ?? 0
      guard target.value != baseline else {
        let kept =
          measured.value == target.value || (target.value > 0 && measured.value > target.value)
        return kept ? 1 : 0
      }
      return (measured.value - baseline) / (target.value - baseline)
    }

    /// Whether progress is expected of it (not a vision, goal, principle, theme or section).
    public var isWork: Bool {
      switch definition.kind {
      case .vision, .goal, .objective, .principle, .theme, .section: return false
      case .priority, .commitment, .action, .task, .solution, .target, .milestone, .stage,
        .other:
        return true
      }
    }
  }

  /// A count a source declares beside what is recorded.
  public struct Declared: Sendable, Equatable {
    public var declaration: CountDeclared
    /// How many are recorded: items of that kind in the plan, or plans of that form of the
    /// organisation and the organisations under it.
    public var recorded: Int
    public var location: EventLocation?
  }

  /// One plan at the date.
  public struct Plan: Sendable, Equatable {
    public var registration: PlanRegistered
    public var organisation: OrganisationRegistered?
    /// Its `plan.status-changed` events, by date (same date: as recorded).
    public var history: [PlanStatusChanged]
    /// Its status at the date; nil when none is recorded.
    public var status: Status?
    public var governingBody: BodyFormed?
    /// The governing body's mandate ends, by date.
    public var mandateEnds: [BodyMandateEnded]
    /// In hierarchy order: each item followed by its children, in recording order.
    public var items: [Item]
    public var declared: [Declared]
    public var participation: [ParticipationHeld]
    public var location: EventLocation?

    /// The items progress is expected of.
    public var workItems: [Item] { items.filter(\.isWork) }
    public var done: Int { workItems.filter { $0.progress?.status == .done }.count }
    public var overdue: Int { workItems.filter(\.isOverdue).count }
    /// Work items past their deadline with no progress recorded.
    public var pastDueUnrecorded: Int { workItems.filter(\.isPastDueUnrecorded).count }
    /// Work items with no progress recorded.
    public var unrecorded: Int { workItems.filter { $0.progress == nil }.count }

    /// The date it was approved: its first `approved` or `endorsed` status, else the date its
    /// document was issued.
    public var approval: CivilDate? {
      history.first { $0.status == .approved || $0.status == .endorsed }?.on
        ?? registration.issued
    }

    /// Every organisation responsible for one of its items, by id.
    public var parties: [OrganisationID] {
      Set(items.flatMap { $0.responsibilities.map(\.party) }).sorted()
    }
  }

  /// The registered plans, by id.
  public var allPlans: [Plan] { plans.keys.sorted().compactMap(plan(withID:)) }

  /// An organisation registered by the date.
  public func organisation(_ id: OrganisationID) -> OrganisationRegistered? { organisations[id] }

  /// Every registered organisation, by id.
  public var allOrganisations: [OrganisationRegistered] {
    organisations.values.sorted { $0.organisation < $1.organisation }
  }

  /// The plan `id` at the date; nil when it is not registered by then.
  public func plan(withID id: PlanID) -> Plan? {
    guard let registration = plans[id] else { return nil }
    let history = (statuses[id] ?? []).enumerated()
      .sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
    let body = registration.governedBy.flatMap { bodies[$0] }
    let ends = registration.governedBy.map { (mandateEnds[$0] ?? []) } ?? []
    let sortedEnds = ends.enumerated()
      .sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
    return Plan(
      registration: registration, organisation: organisations[registration.organisation],
      history: history, status: status(history.last, sortedEnds.last),
      governingBody: body, mandateEnds: sortedEnds, items: hierarchy(id),
      declared: (declared[id] ?? []).map { declaration in
        Declared(
          declaration: declaration,
          recorded: (items[id] ?? []).filter { $0.kind.rawValue == declaration.of }.count,
          location: locations["declared \(id)  \(declaration.of)"])
      },
      participation: (participation[id] ?? []).sorted { $0.on < $1.on },
      location: locations["plan \(id)"])
  }

  /// The counts declared for organisations, each beside the plans of that form recorded for
  /// the organisation and those under it (by parent links), by organisation.
  public var organisationDeclarations: [Declared] {
    declaredByOrganisation.keys.sorted().flatMap { organisation in
      (declaredByOrganisation[organisation] ?? []).map { declaration in
        let recorded = plans.values.filter { plan in
          plan.form.rawValue == declaration.of && isWithin(plan.organisation, organisation)
        }.count
        return Declared(
          declaration: declaration, recorded: recorded,
          location: locations["declared  \(organisation) \(declaration.of)"])
      }
    }
  }

  /// Whether `organisation` is `ancestor` or under it.
  func isWithin(_ organisation: OrganisationID, _ ancestor: OrganisationID) -> Bool {
    var current: OrganisationID? = organisation
    var seen: Set<OrganisationID> = []
    while let id = current, seen.insert(id).inserted {
      if id == ancestor { return true }
      current = organisations[id]?.parent
    }
    return false
  }

  /// The later of the latest recorded status and the latest end of the governing body's
  /// mandate (a dissolution suspends the plan, an election or the end of a term pauses it);
  /// on the same day, the mandate's end.
  private func status(_ recorded: PlanStatusChanged?, _ end: BodyMandateEnded?) -> Status? {
    if let end, recorded.map({ $0.on <= end.on }) ?? true {
      return Status(
        status: end.cause == .dissolution ? .suspended : .paused, on: end.on, when: end.when,
        body: end.body, cause: end.cause)
    }
    return recorded.map { Status(status: $0.status, on: $0.on, when: $0.when) }
  }

  /// The plan's items, each followed by its children, in recording order.
  private func hierarchy(_ plan: PlanID) -> [Item] {
    let all = items[plan] ?? []
    let known = Set(all.map(\.item))
    var children: [ItemID?: [ItemDefined]] = [:]
    for item in all {
      let parent = item.parent.flatMap { known.contains($0) ? $0 : nil }
      children[parent, default: []].append(item)
    }
    var result: [Item] = []
    func visit(_ parent: ItemID?, depth: Int) {
      for item in children[parent] ?? [] {
        result.append(self.item(item, depth: depth))
        visit(item.item, depth: depth + 1)
      }
    }
    visit(nil, depth: 0)
    return result
  }

  private func item(_ definition: ItemDefined, depth: Int) -> Item {
    let key = PlanItemKey(definition.plan, definition.item)
    let latest = progress[key]
    let isClosed = latest?.status.isClosed ?? false
    var item = Item(
      definition: definition, depth: depth, responsibilities: responsibilities[key] ?? [],
      progress: latest, firstDone: firstDone[key], isOverdue: false, isPastDueUnrecorded: false,
      assessments: Perspective.allCases.compactMap { assessments[key]?[$0] },
      tracked: tracked[key], target: targets[key], measured: measures[key],
      location: locations["item \(definition.plan) \(definition.item)"])
    // Only an item progress is expected of can be late (a goal's date is an aim), so a row
    // says what the plan's counts say.
    let isPastDue = item.isWork && definition.dueDate.map { $0 < asOf } == true
    item.isOverdue = isPastDue && latest != nil && !isClosed
    item.isPastDueUnrecorded = isPastDue && latest == nil
    return item
  }
}
