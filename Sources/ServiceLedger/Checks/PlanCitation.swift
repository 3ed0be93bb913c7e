/// The sentences that motivate the plan rules, quoted in their findings, so that a finding says
/// why the rule exists as well as what to do.
enum PlanCitation {
  static let report = "(NDI, Open Government at the Local Level, May 2023)"

  static let trackedCap =
    "\u{201C}includes 17 co-created commitments (although only up to five commitments can be "
    + "formally tracked with OGP)\u{201D} " + report

  static let mandate =
    "\u{201C}action plans should, by design, expire before elections\u{201D} " + report

  static let parity =
    "\u{201C}El Kef's open government steering committee - which is composed of an equal "
    + "number of civil society and government representatives\u{201D} " + report

  static let diverge =
    "\u{201C}Government and civil society partners may have a different opinion of whether "
    + "co-creation or implementation of certain commitments is on track\u{201D} " + report

  /// The words quoted in a `source` field (between the first “ and the next ”), or the whole
  /// field when it quotes nothing.
  static func quotation(_ source: String) -> String {
    guard let open = source.firstIndex(of: "\u{201C}"),
      let close = source[source.index(after: open)...].firstIndex(of: "\u{201D}")
    else { return source }
    return String(source[source.index(after: open)..<close])
  }
}
