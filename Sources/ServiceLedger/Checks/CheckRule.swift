/// Every rule `ledger check` knows: the raw value is the rule id of findings and of `--rule`.
///
/// The one list of rule ids: problems found while reading the log (`LedgerProblem`) and
/// invalid events (`EventError`) name their rule with it too.
public enum CheckRule: String, Sendable, CaseIterable, Comparable {
  // Data rules: the log itself.
  case malformed
  case tornLine = "torn-line"
  case duplicateID = "duplicate-id"
  case unknownReference = "unknown-reference"
  case invalidValue = "invalid-value"
  case timeOrder = "time-order"
  case appendOnly = "append-only"
  case backdated
  case notAuthorised = "not-authorised"
  case personalData = "personal-data"
  // Folder rules: what is in the ledger folder besides the log's lines.
  case notAFile = "not-a-file"
  case ignoredFile = "ignored-file"
  case staleJournal = "stale-journal"
  // Standard rules: the service standard and the strategy, as of a date.
  case serviceManager = "service-manager"
  case assessment
  case assistedDigital = "assisted-digital"
  case kpis
  case govuk
  case exemplarDeadline = "exemplar-deadline"
  case overdue
  case staleVolume = "stale-volume"
  // Plan rules: plans of any form, as of a date.
  case trackedCap = "tracked-cap"
  case declaredVsListed = "declared-vs-listed"
  case planOutlivesMandate = "plan-outlives-mandate"
  case deadlineBeforeApproval = "deadline-before-approval"
  case parity
  case assessmentsDiverge = "assessments-diverge"
  // Data subjects' requests against a regulation's rules, as of a date.
  case subjectRequestSLA = "subject-request-sla"

  /// The severity of its findings: `overdue`, `stale-volume`, `personal-data`, `ignored-file`,
  /// `stale-journal` and the plan rules but `tracked-cap` are warnings; `subject-request-sla` is
  /// an error.
  public var severity: Finding.Severity {
    switch self {
    case .overdue, .staleVolume, .personalData, .ignoredFile, .staleJournal, .declaredVsListed,
      .planOutlivesMandate, .deadlineBeforeApproval, .parity, .assessmentsDiverge:
      return .warning
    default: return .error
    }
  }

  /// Whether it checks the log itself (true) or the service standard as of a date (false).
  public var isDataRule: Bool {
    switch self {
    case .malformed, .tornLine, .duplicateID, .unknownReference, .invalidValue, .timeOrder,
      .appendOnly, .backdated, .notAuthorised, .personalData, .notAFile, .ignoredFile,
      .staleJournal:
      return true
    case .serviceManager, .assessment, .assistedDigital, .kpis, .govuk, .exemplarDeadline,
      .overdue, .staleVolume, .trackedCap, .declaredVsListed, .planOutlivesMandate,
      .deadlineBeforeApproval, .parity, .assessmentsDiverge, .subjectRequestSLA:
      return false
    }
  }

  /// One line saying what it checks, for help and the JUnit report.
  public var summary: String {
    switch self {
    case .malformed: return "every line is one JSON object of at most 1 MiB, no blank lines"
    case .tornLine: return "the last line ends in a newline (no write was cut off)"
    case .duplicateID: return "every event id is unique in the ledger"
    case .unknownReference:
      return "every service, strategy, action, milestone, barrier, organisation, body, plan, "
        + "item or event named was defined"
    case .invalidValue: return "every event has a known type, known keys and valid values"
    case .timeOrder: return "within a file, `at` never goes backwards"
    case .appendOnly: return "no line of the base (--base) was changed, removed or reordered"
    case .backdated: return "every new line's at is later than every at in the base (--base)"
    case .notAuthorised: return "every new line's actor may record it under roles.json (--base)"
    case .personalData: return "no e-mail address or name where the log should hold only ids"
    case .notAFile:
      return "every *.jsonl entry is a regular file (not a FIFO, device, folder or broken link)"
    case .ignoredFile:
      return "no file looks like part of the log but is never read (x.JSONL, .x.jsonl, *.bak)"
    case .staleJournal: return "no note of a cut-off append or restamp is left in the folder"
    case .serviceManager: return "a priority service in alpha or later has a service manager"
    case .assessment: return "a service in beta or live passed an assessment for that stage"
    case .assistedDigital: return "a service in beta or live has assisted-digital provision"
    case .kpis: return "a live service reported the 4 KPIs for a period in the last 6 months"
    case .govuk: return "a live service is on GOV.UK"
    case .exemplarDeadline: return "an exemplar is live by its due date"
    case .overdue: return "no strategy action or milestone is past due and not done or met"
    case .staleVolume:
      return "a priority service reported volumes ending within the last 15 months"
    case .trackedCap: return "an OGP local action plan tracks at most 5 commitments formally"
    case .declaredVsListed: return "a count a source declares matches the items or plans recorded"
    case .planOutlivesMandate:
      return "an adopted plan ends before an election or dissolution of its governing body"
    case .deadlineBeforeApproval: return "no item of a plan is due before the plan's approval"
    case .parity:
      return "a body declared to have parity has as many government as civil-society members"
    case .assessmentsDiverge: return "the latest assessments of an item from each perspective agree"
    case .subjectRequestSLA:
      return "a data subject's request is answered within the days a request rule allows"
    }
  }

  /// Every rule id, comma-separated, for usage messages.
  public static var ids: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// Catalogue order: data rules first, then the standard rules.
  public static func < (lhs: CheckRule, rhs: CheckRule) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}
