/// The steps that answer a data subject's request (`request.received`), each on a date:
/// `request.access-granted`, `request.correction-made`, `request.subject-notified`.
public protocol RequestStepPayload: EventPayload {
  var request: RequestID { get }
  var on: CivilDate { get }
  static var step: SubjectRequestStep { get }
  init(request: RequestID, on: CivilDate)
}

extension RequestStepPayload {
  public static var fields: [FieldSpec] { [.required("request", .slug), .required("on", .date)] }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    self.init(request: try decoder.identifier("request"), on: try decoder.date("on"))
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("request", request)
    encoder.encode("on", on)
  }
}

/// `request.access-granted`: the subject was given access to their information.
public struct RequestAccessGranted: RequestStepPayload {
  public static let type = EventType.requestAccessGranted
  public static let step = SubjectRequestStep.accessGranted
  public var asEvent: Event { .requestAccessGranted(self) }
  public var request: RequestID
  public var on: CivilDate

  public init(request: RequestID, on: CivilDate) {
    self.request = request
    self.on = on
  }
}

/// `request.correction-made`: the inaccurate information was corrected (by a new event; the
/// old one stays).
public struct RequestCorrectionMade: RequestStepPayload {
  public static let type = EventType.requestCorrectionMade
  public static let step = SubjectRequestStep.correctionMade
  public var asEvent: Event { .requestCorrectionMade(self) }
  public var request: RequestID
  public var on: CivilDate

  public init(request: RequestID, on: CivilDate) {
    self.request = request
    self.on = on
  }
}

/// `request.subject-notified`: the subject was told what was done.
public struct RequestSubjectNotified: RequestStepPayload {
  public static let type = EventType.requestSubjectNotified
  public static let step = SubjectRequestStep.subjectNotified
  public var asEvent: Event { .requestSubjectNotified(self) }
  public var request: RequestID
  public var on: CivilDate

  public init(request: RequestID, on: CivilDate) {
    self.request = request
    self.on = on
  }
}
