/// `ledger registry`: the plans of the organisations under one (KL's municipalities), as a
/// registry at a date: each organisation with its document's form, its period as printed (its
/// dates when none is printed), whether it is in force, and whether its readers can open it;
/// then how many organisations have each form, how many documents give no period or no public
/// link, and how many are in force, expired or open-ended.
///
/// JSON: `{"asOf": …, "under": "kl" or null, "plans": [{"plan", "organisation": {"id",
/// "name", "kind"}, "form", "title", "period": {"from", "to", "asPrinted"}, "validity",
/// "linkStatus", "link"}], "organisationsByForm": {"strategy": 29, …}, "documents": 64,
/// "withoutPeriod": {"count": 11, "plans": […]}, "linkStatus": {"public": 38, "local-file": 7,
/// "none": 19}, "withoutPublicLink": {"count": 26, "plans": […]}, "validity": {"in-force": …}}`.
/// A document is a plan of any form but `none`; only documents count towards the period, link
/// and validity figures.
public enum RegistryView {
  /// What the registry holds.
  public struct Selection: Sendable {
    /// Only plans of organisations under this one (not its own); nil: every plan.
    public var under: OrganisationID?
    public var form: PlanForm?
    public var validity: PlanValidity?
    public var linkStatus: LinkStatus?

    public init(
      under: OrganisationID? = nil, form: PlanForm? = nil, validity: PlanValidity? = nil,
      linkStatus: LinkStatus? = nil
    ) {
      self.under = under
      self.form = form
      self.validity = validity
      self.linkStatus = linkStatus
    }
  }

  /// One row: a plan with its validity at the date.
  struct Row {
    var plan: PlanRegistry.Plan
    var validity: PlanValidity
    var isDocument: Bool { plan.registration.form != .none }
    var hasPeriod: Bool {
      let registration = plan.registration
      return registration.period != nil || registration.from != nil || registration.to != nil
    }
    /// The period as printed; else its dates (`2022-05-01 to 2023-05-31`, `from 2017-01-01`,
    /// `until 2025-12-31`), as `ledger plans` gives it; nil when the registration gives neither.
    var period: String? { PlansView.period(plan.registration) }
    /// `none` when the registration does not say.
    var link: LinkStatus {
      plan.registration.linkStatus ?? (plan.registration.link == nil ? .none : .public)
    }
  }

  /// The view of `registry` for `selection`.
  public static func output(_ registry: PlanRegistry, _ selection: Selection) -> ViewOutput {
    let rows = registry.allPlans.filter { plan in
      guard let under = selection.under else { return true }
      return plan.registration.organisation != under
        && registry.isWithin(plan.registration.organisation, under)
    }.map { Row(plan: $0, validity: PlanValidity($0, at: registry.asOf)) }
      .filter { row in
        (selection.form.map { row.plan.registration.form == $0 } ?? true)
          && (selection.validity.map { row.validity == $0 } ?? true)
          && (selection.linkStatus.map { row.isDocument && row.link == $0 } ?? true)
      }
      .sorted { name($0, registry).lowercased() < name($1, registry).lowercased() }
    let table = TableData(
      fields: [
        "ORGANISATION": "organisation", "PLAN": "plan", "FORM": "form", "TITLE": "title",
        "PERIOD": "period", "VALIDITY": "validity", "LINK": "link_status",
      ],
      rows: rows.map { row in
        [
          .text(name(row, registry)), .text(row.plan.registration.plan.rawValue),
          .text(row.plan.registration.form.rawValue), .text(row.plan.registration.title),
          .optional(row.period), .text(row.validity.rawValue),
          .text(row.isDocument ? row.link.rawValue : "-"),
        ]
      }, leftOutFirst: ["TITLE", "PLAN"])
    let figures = Figures(rows)
    return ViewOutput(
      table: table, json: json(rows, figures, registry, selection),
      emptyNote: "no plan in the registry as of \(registry.asOf)",
      notes: notes(figures, registry))
  }

  /// The organisation's name, or its id when it is not registered.
  static func name(_ row: Row, _ registry: PlanRegistry) -> String {
    registry.organisation(row.plan.registration.organisation)?.name
      ?? row.plan.registration.organisation.rawValue
  }

  /// The counts the notes and the JSON give.
  struct Figures {
    var byForm: [(PlanForm, Int)]
    var documents: [Row]
    var withoutPeriod: [Row]
    var byLink: [(LinkStatus, Int)]
    var withoutPublicLink: [Row]
    var byValidity: [(PlanValidity, Int)]

    init(_ rows: [Row]) {
      var organisations: [PlanForm: Set<OrganisationID>] = [:]
      for row in rows {
        organisations[row.plan.registration.form, default: []].insert(
          row.plan.registration.organisation)
      }
      byForm = PlanForm.allCases.compactMap { form in
        organisations[form].map { (form, $0.count) }
      }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }
      documents = rows.filter(\.isDocument)
      withoutPeriod = documents.filter { !$0.hasPeriod }
      let documents = documents
      byLink = LinkStatus.allCases.map { status in
        (status, documents.filter { $0.link == status }.count)
      }
      withoutPublicLink = documents.filter { $0.link != .public }
      byValidity = PlanValidity.allCases.compactMap { validity in
        let count = rows.filter { $0.validity == validity }.count
        return count == 0 ? nil : (validity, count)
      }
    }
  }

  static func notes(_ figures: Figures, _ registry: PlanRegistry) -> [String] {
    let forms = figures.byForm.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
    let links = figures.byLink.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
    let validity = figures.byValidity.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
    return [
      "Organisations per form: \(forms.isEmpty ? "none" : forms).",
      "\(figures.documents.count) document(s); \(figures.withoutPeriod.count) without a period"
        + list(figures.withoutPeriod, registry) + ".",
      "Links: \(links) (local-file: a file on someone's own computer; none: no link given); "
        + "\(figures.withoutPublicLink.count) without a public link.",
      "As of \(registry.asOf): \(validity.isEmpty ? "nothing registered" : validity).",
    ]
  }

  /// ` (Assens, Faxe, …)`, or nothing when `rows` is empty.
  static func list(_ rows: [Row], _ registry: PlanRegistry) -> String {
    rows.isEmpty ? "" : " (" + rows.map { name($0, registry) }.joined(separator: ", ") + ")"
  }

  static func json(
    _ rows: [Row], _ figures: Figures, _ registry: PlanRegistry, _ selection: Selection
  ) -> JSONValue {
    func counts<T: RawRepresentable<String>>(_ pairs: [(T, Int)]) -> JSONValue {
      .object(pairs.map { JSONMember(key: $0.0.rawValue, value: .integer($0.1)) })
    }
    func ids(_ rows: [Row]) -> JSONValue {
      .array(rows.map { .string($0.plan.registration.plan.rawValue) })
    }
    return .members([
      "asOf": .date(registry.asOf),
      "under": .string(selection.under?.rawValue),
      "plans": .array(
        rows.map { row in
          let registration = row.plan.registration
          return .members([
            "plan": .string(registration.plan.rawValue),
            "organisation": PlansView.organisation(registration.organisation, registry),
            "form": .string(registration.form.rawValue), "title": .string(registration.title),
            "period": .members([
              "from": .date(registration.from), "to": .date(registration.to),
              "asPrinted": .string(registration.period),
            ]),
            "validity": .string(row.validity.rawValue),
            "linkStatus": .string(row.isDocument ? row.link.rawValue : nil),
            "link": .string(registration.link),
          ])
        }),
      "organisationsByForm": counts(figures.byForm),
      "documents": .integer(figures.documents.count),
      "withoutPeriod": .members([
        "count": .integer(figures.withoutPeriod.count), "plans": ids(figures.withoutPeriod),
      ]),
      "linkStatus": counts(figures.byLink),
      "withoutPublicLink": .members([
        "count": .integer(figures.withoutPublicLink.count),
        "plans": ids(figures.withoutPublicLink),
      ]),
      "validity": counts(figures.byValidity),
    ])
  }
}
