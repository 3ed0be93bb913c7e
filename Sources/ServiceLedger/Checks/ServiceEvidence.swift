/// Where each service's standing was recorded: the events that findings point at, so that a CI
/// annotation lands on the line that caused it. A pure fold over the events in force.
public struct ServiceEvidence: Sendable, Equatable {
  /// An event of the timeline: its position in replay order and where it was read.
  public struct Mark: Sendable, Equatable {
    public var sequence: Int
    public var location: EventLocation?
  }

  /// The events behind one service's standing; nil where there was none.
  public struct Marks: Sendable, Equatable {
    /// Its `service.registered`: the file of the team that owns the service.
    public var registered: Mark?
    /// The `phase.entered` that set its current phase (the latest in replay order).
    public var phase: Mark?
    /// Its `exemplar.designated`.
    public var exemplar: Mark?
    /// The latest `manager.departed`.
    public var managerDeparted: Mark?
    /// The `assisted-digital.withdrawn` that ended its provision, while none is in force.
    public var assistedDigitalWithdrawn: Mark?
  }

  private var marks: [ServiceID: Marks] = [:]
  private var sequence = 0

  /// No service.
  public init() {}

  /// The marks of `service` (all nil when it has none).
  public subscript(service: ServiceID) -> Marks { marks[service] ?? Marks() }

  /// The file new facts about `service` belong in: the one it was registered in.
  public func file(of service: ServiceID) -> String? { self[service].registered?.location?.file }

  /// The later of two marks in replay order.
  public static func latest(_ marks: Mark?...) -> Mark? {
    marks.compactMap { $0 }.max { $0.sequence < $1.sequence }
  }

  /// Folds one event in.
  public mutating func apply(_ recorded: RecordedEvent) {
    sequence += 1
    // Most of a long log, and no mark: skipped without copying the payload.
    if recorded.type == .volumeReported || recorded.type == .kpiReported { return }
    let mark = Mark(sequence: sequence, location: recorded.location)
    switch recorded.event {
    case .serviceRegistered(let p): marks[p.service, default: Marks()].registered = mark
    case .phaseEntered(let p): marks[p.service, default: Marks()].phase = mark
    case .exemplarDesignated(let p): marks[p.service, default: Marks()].exemplar = mark
    case .managerDeparted(let p): marks[p.service, default: Marks()].managerDeparted = mark
    case .assistedDigitalWithdrawn(let p):
      marks[p.service, default: Marks()].assistedDigitalWithdrawn = mark
    case .assistedDigitalProvided(let p):
      marks[p.service, default: Marks()].assistedDigitalWithdrawn = nil
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet, .actionProgressed,
      .serviceUpdated, .serviceRetired, .assessmentRecorded,
      .managerAppointed, .govukTransitioned, .componentAdopted, .volumeReported, .kpiReported,
      .costsSet, .barrierIdentified, .barrierRemoved, .eventRetracted:
      break
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld,
      .serviceChannelOffered, .serviceMaturitySet, .requestRuleDefined, .requestReceived,
      .requestAccessGranted, .requestCorrectionMade, .requestSubjectNotified:
      break  // plans of any form: PlanRegistry
    }
  }
}

extension ServiceEvidence: Fold {
  /// Everything but volume and KPI reports.
  public var reads: EventReads { .allButReports }
}
