/// Data subjects' requests and the rules for answering them, at a date: a pure fold over the
/// events in force. The rules (`request-rule.defined`) come from a regulation's pack; the requests
/// (`request.received` and the steps that answer them) from an organisation's request log,
/// people as ids only.
public struct SubjectRequests: Sendable, Equatable {
  /// One rule, where it was recorded.
  public struct Rule: Sendable, Equatable {
    public var definition: RequestRuleDefined
    public var location: EventLocation?
  }

  /// One request with the first date of each step taken on it.
  public struct Request: Sendable, Equatable {
    public var received: RequestReceived
    public var steps: [SubjectRequestStep: CivilDate]
    public var location: EventLocation?
  }

  /// A step a rule requires that was not done in time: late (`done` after `due`) or still
  /// missing after `due` (`done` nil).
  public struct Breach: Sendable, Equatable {
    public var request: Request
    public var rule: Rule
    public var step: SubjectRequestStep
    public var due: CivilDate
    public var done: CivilDate?
  }

  /// A step recorded for a request that was never received.
  public struct Orphan: Sendable, Equatable {
    public var request: RequestID
    public var step: SubjectRequestStep
    public var location: EventLocation?
  }

  /// The as-of date.
  public let asOf: CivilDate
  public private(set) var rules: [Rule] = []
  /// The requests, in the order received.
  public private(set) var requests: [Request] = []
  public private(set) var orphans: [Orphan] = []
  private var index: [RequestID: Int] = [:]

  /// Nothing known at `asOf`.
  public init(asOf: CivilDate) { self.asOf = asOf }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    switch recorded.event {
    case .requestRuleDefined(let p):
      rules.append(Rule(definition: p, location: recorded.location))
    case .requestReceived(let p):
      guard index[p.request] == nil else { return }
      index[p.request] = requests.count
      requests.append(Request(received: p, steps: [:], location: recorded.location))
    case .requestAccessGranted(let p): step(p, at: recorded.location)
    case .requestCorrectionMade(let p): step(p, at: recorded.location)
    case .requestSubjectNotified(let p): step(p, at: recorded.location)
    default: return
    }
  }

  private mutating func step(_ payload: some RequestStepPayload, at location: EventLocation?) {
    let step = type(of: payload).step
    guard let position = index[payload.request] else {
      orphans.append(Orphan(request: payload.request, step: step, location: location))
      return
    }
    if let known = requests[position].steps[step], known <= payload.on { return }
    requests[position].steps[step] = payload.on
  }

  /// The rules that apply to `request`: those for its kind, of its plan when it names one.
  public func rules(for request: Request) -> [Rule] {
    rules.filter { rule in
      rule.definition.request == request.received.kind
        && (request.received.plan.map { $0 == rule.definition.plan } ?? true)
    }
  }

  /// Every step not done in time at the date, by request then rule then step. A step is due
  /// `days` calendar days after the request's date; done on that day is in time.
  public var breaches: [Breach] {
    requests.flatMap { request in
      rules(for: request).flatMap { rule -> [Breach] in
        let due = request.received.on.adding(days: rule.definition.days)
        return rule.definition.steps.compactMap { step -> Breach? in
          let done = request.steps[step]
          if let done, done <= due { return nil }
          if done == nil, asOf <= due { return nil }
          return Breach(request: request, rule: rule, step: step, due: due, done: done)
        }
      }
    }
  }
}

extension SubjectRequests: Fold {
  /// Everything but volume and KPI reports.
  public var reads: EventReads { .allButReports }
}
