/// `plan.registered`: a plan of any form (strategy, principles, action plan, regulation, ...)
/// owned by an organisation, with its document's metadata and the period it covers.
///
/// The period may be closed (`from` and `to`), open-ended (`from` only), "until" (`to` only)
/// or unknown (neither); `period` keeps it as printed ("Fra 2017", "2021-2025").
public struct PlanRegistered: EventPayload {
  public static let type = EventType.planRegistered
  public var asEvent: Event { .planRegistered(self) }
  public static let fields: [FieldSpec] = [
    .required("plan", .slug), .required("title", .text), .required("organisation", .slug),
    .required("form", .choice(PlanForm.words)), .optional("framework", .slug),
    .optional("number", .text), .optional("issuer", .slug), .optional("issued", .date),
    .optional("issuedText", .text), .optional("recipients", .textList), .optional("link", .text),
    .optional("from", .date), .optional("to", .date),
    .optional("period", .text), .optional("governedBy", .slug), .optional("implements", .slugList),
    .optional("source", .text), .optional("place", .text),
    .optional("linkStatus", .choice(LinkStatus.words)),
  ]

  public var plan: PlanID
  public var title: String
  /// The organisation whose plan it is.
  public var organisation: OrganisationID
  public var form: PlanForm
  /// The framework the plan follows, whose rules apply to it (`ogp-local`).
  public var framework: String?
  /// The document's number as printed ("19/KH-TH").
  public var number: String?
  public var issuer: OrganisationID?
  public var issued: CivilDate?
  /// The issue date as printed ("22/9/2022", "«31» октября 2011г.").
  public var issuedText: String?
  public var recipients: [String]?
  /// Where the document is, as the source gives it: a public address, or a path that only its
  /// author can open.
  public var link: String?
  public var from: CivilDate?
  public var to: CivilDate?
  /// The period as printed.
  public var period: String?
  /// The body whose mandate the plan depends on (the council that endorsed it).
  public var governedBy: BodyID?
  /// The plans it implements, registered before it.
  public var implements: [PlanID]?
  public var source: String?
  /// Where the document was issued ("Nam Bình").
  public var place: String?
  /// Whether its readers can open the document: a public address, a file on someone's own
  /// computer, or no link given; nil when not said.
  public var linkStatus: LinkStatus?

  public init(
    plan: PlanID, title: String, organisation: OrganisationID, form: PlanForm,
    framework: String? = nil, number: String? = nil, issuer: OrganisationID? = nil,
    issued: CivilDate? = nil, issuedText: String? = nil, recipients: [String]? = nil,
    link: String? = nil, from: CivilDate? = nil,
    to: CivilDate? = nil, period: String? = nil, governedBy: BodyID? = nil,
    implements: [PlanID]? = nil, source: String? = nil, place: String? = nil,
    linkStatus: LinkStatus? = nil
  ) {
    self.plan = plan
    self.title = title
    self.organisation = organisation
    self.form = form
    self.framework = framework
    self.number = number
    self.issuer = issuer
    self.issued = issued
    self.issuedText = issuedText
    self.recipients = recipients
    self.link = link
    self.from = from
    self.to = to
    self.period = period
    self.governedBy = governedBy
    self.implements = implements
    self.source = source
    self.place = place
    self.linkStatus = linkStatus
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    plan = try decoder.identifier("plan")
    title = try decoder.text("title")
    organisation = try decoder.identifier("organisation")
    form = try decoder.choice("form")
    let framework: PlanID? = try decoder.optionalIdentifier("framework")
    self.framework = framework?.rawValue
    number = try decoder.optionalText("number")
    issuer = try decoder.optionalIdentifier("issuer")
    issued = try decoder.optionalDate("issued")
    issuedText = try decoder.optionalText("issuedText")
    recipients = try decoder.texts("recipients")
    link = try decoder.optionalText("link")
    from = try decoder.optionalDate("from")
    to = try decoder.optionalDate("to")
    if let from, let to, to < from {
      throw EventError(field: "data.to", "\(to) is before the period's start, \(from)")
    }
    period = try decoder.optionalText("period")
    governedBy = try decoder.optionalIdentifier("governedBy")
    implements = try decoder.identifiers("implements")
    source = try decoder.optionalText("source")
    place = try decoder.optionalText("place")
    linkStatus = try decoder.optionalChoice("linkStatus")
    if linkStatus == LinkStatus.none, link != nil {
      throw EventError(field: "data.link", "a plan whose linkStatus is none has no link")
    }
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("plan", plan)
    encoder.encode("title", title)
    encoder.encode("organisation", organisation)
    encoder.encode("form", form)
    encoder.encode("framework", framework)
    encoder.encode("number", number)
    encoder.encode("issuer", issuer)
    encoder.encode("issued", issued)
    encoder.encode("issuedText", issuedText)
    encoder.encode("recipients", recipients)
    encoder.encode("link", link)
    encoder.encode("from", from)
    encoder.encode("to", to)
    encoder.encode("period", period)
    encoder.encode("governedBy", governedBy)
    encoder.encode("implements", implements?.map(\.rawValue))
    encoder.encode("source", source)
    encoder.encode("place", place)
    encoder.encode("linkStatus", linkStatus)
  }
}
