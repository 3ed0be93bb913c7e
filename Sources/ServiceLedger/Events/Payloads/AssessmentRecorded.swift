/// `assessment.recorded`: the result of a service assessment against the service standard.
public struct AssessmentRecorded: EventPayload {
  public static let type = EventType.assessmentRecorded
  public var asEvent: Event { .assessmentRecorded(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("stage", .choice(AssessmentStage.words)),
    .required("on", .date), .required("result", .choice(AssessmentResult.words)),
    .optional("standard", .choice(ServiceStandard.words)),
    .optional("assessor", .choice(Assessor.words)), .optional("points", .points),
    .optional("report", .url),
  ]

  public var service: ServiceID
  public var stage: AssessmentStage
  public var on: CivilDate
  public var result: AssessmentResult
  /// The standard as recorded; nil means the one in force on `on` (see `effectiveStandard`).
  public var standard: ServiceStandard?
  public var assessor: Assessor?
  /// Point number (as text, "1"...) to whether it was met, in the order recorded.
  public var points: [(point: String, result: PointResult)]?
  public var report: String?

  /// The standard the assessment was against.
  public var effectiveStandard: ServiceStandard { standard ?? .inForce(on: on) }

  public init(
    service: ServiceID, stage: AssessmentStage, on: CivilDate, result: AssessmentResult,
    standard: ServiceStandard? = nil, assessor: Assessor? = nil,
    points: [(point: String, result: PointResult)]? = nil, report: String? = nil
  ) {
    self.service = service
    self.stage = stage
    self.on = on
    self.result = result
    self.standard = standard
    self.assessor = assessor
    self.points = points
    self.report = report
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    stage = try decoder.choice("stage")
    on = try decoder.date("on")
    result = try decoder.choice("result")
    standard = try decoder.optionalChoice("standard")
    assessor = try decoder.optionalChoice("assessor")
    report = try decoder.optionalURL("report")
    guard let raw = decoder.raw("points") else { return }
    guard case .object(let members) = raw else {
      throw EventError(field: "data.points", #"must be an object such as {"2": "met"}"#)
    }
    var points: [(point: String, result: PointResult)] = []
    for member in members {
      let field = "data.points." + member.key
      guard let number = Int(member.key), number >= 1, String(number) == member.key else {
        throw EventError(field: field, "point numbers are whole numbers from 1, as strings")
      }
      guard !points.contains(where: { $0.point == member.key }) else {
        throw EventError(field: field, "appears twice")
      }
      points.append((member.key, try decoder.choice(member.value, field: field)))
    }
    self.points = points
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("stage", stage)
    encoder.encode("on", on)
    encoder.encode("result", result)
    encoder.encode("standard", standard)
    encoder.encode("assessor", assessor)
    encoder.encode(
      "points",
      json: points.map {
        .object($0.map { JSONMember(key: $0.point, value: .string($0.result.rawValue)) })
      })
    encoder.encode("report", report)
  }

  public static func == (lhs: AssessmentRecorded, rhs: AssessmentRecorded) -> Bool {
    lhs.service == rhs.service && lhs.stage == rhs.stage && lhs.on == rhs.on
      && lhs.result == rhs.result && lhs.standard == rhs.standard && lhs.assessor == rhs.assessor
      && lhs.report == rhs.report
      && lhs.points?.map(\.point) == rhs.points?.map(\.point)
      && lhs.points?.map(\.result) == rhs.points?.map(\.result)
  }
}
