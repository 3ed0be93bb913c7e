/// The strategy catalogue (`strategy.published`, `action.defined`, `milestone.defined`,
/// `action.progressed`, `milestone.met`) read as plan events, so that a strategy written in the
/// v1 shape is a plan like any other: existing lines stay as they are, and every fold over plans
/// reads them through here.
///
/// A strategy becomes a plan of form `strategy` with the same id, owned by its organisation
/// (its name as a slug, or `unknown`); its themes become items `T1`, `T2`, ... of kind `theme`;
/// its actions items `1`, `2`, ... of kind `action` under their theme; its milestones items under
/// their action, by milestone id. Progress and milestones met become `item.progressed`.
extension Upcaster {
  /// The plan events that `event` means; empty for an event that is not about a strategy.
  public static func planEvents(_ event: Event) -> [Event] {
    switch event {
    case .strategyPublished(let p):
      let plan = PlanID(unchecked: p.strategy.rawValue)
      let organisation = strategyOrganisation(p.organisation)
      var events: [Event] = [
        .organisationRegistered(
          OrganisationRegistered(
            organisation: organisation, name: p.organisation ?? "unknown", kind: .ministry)),
        .planRegistered(
          PlanRegistered(
            plan: plan, title: p.title, organisation: organisation, form: .strategy,
            issued: p.published)),
      ]
      for theme in p.themes {
        events.append(
          .itemDefined(
            ItemDefined(plan: plan, item: themeItem(theme.number), kind: .theme, title: theme.title)
          ))
      }
      return events
    case .actionDefined(let p):
      return [
        .itemDefined(
          ItemDefined(
            plan: PlanID(unchecked: p.strategy.rawValue), item: actionItem(p.action),
            kind: .action, title: p.title, parent: themeItem(p.theme), due: p.due,
            relates: p.relates))
      ]
    case .milestoneDefined(let p):
      return [
        .itemDefined(
          ItemDefined(
            plan: PlanID(unchecked: p.strategy.rawValue),
            item: ItemID(unchecked: p.milestone.rawValue), kind: .milestone, title: p.title,
            parent: actionItem(p.action), due: p.due))
      ]
    case .actionProgressed(let p):
      return [
        .itemProgressed(
          ItemProgressed(
            plan: PlanID(unchecked: p.strategy.rawValue), item: actionItem(p.action),
            status: p.status, on: p.on, note: p.note, evidence: p.evidence))
      ]
    case .milestoneMet(let p):
      return [
        .itemProgressed(
          ItemProgressed(
            plan: PlanID(unchecked: p.strategy.rawValue),
            item: ItemID(unchecked: p.milestone.rawValue), status: .done, on: p.on,
            evidence: p.evidence))
      ]
    case .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld:
      return [event]
    case .serviceRegistered, .serviceUpdated, .serviceRetired, .exemplarDesignated,
      .phaseEntered, .assessmentRecorded, .managerAppointed, .managerDeparted,
      .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn,
      .componentAdopted, .volumeReported, .kpiReported, .costsSet, .barrierIdentified,
      .barrierRemoved, .eventRetracted, .serviceChannelOffered, .serviceMaturitySet,
      .requestRuleDefined, .requestReceived, .requestAccessGranted, .requestCorrectionMade,
      .requestSubjectNotified:
      return []
    }
  }

  /// Whether events of `type` mean any plan event: a fold can skip the others (most of a long
  /// log, the volume reports) without reading their payload.
  public static func readsAsPlan(_ type: EventType) -> Bool {
    switch type {
    case .strategyPublished, .actionDefined, .milestoneDefined, .actionProgressed, .milestoneMet,
      .organisationRegistered, .bodyFormed, .bodyMemberJoined, .bodyMandateEnded,
      .planRegistered, .planStatusChanged, .itemDefined, .responsibilityAssigned, .itemProgressed,
      .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured, .participationHeld:
      return true
    case .serviceRegistered, .serviceUpdated, .serviceRetired, .exemplarDesignated,
      .phaseEntered, .assessmentRecorded, .managerAppointed, .managerDeparted,
      .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn,
      .componentAdopted, .volumeReported, .kpiReported, .costsSet, .barrierIdentified,
      .barrierRemoved, .eventRetracted, .serviceChannelOffered, .serviceMaturitySet,
      .requestRuleDefined, .requestReceived, .requestAccessGranted, .requestCorrectionMade,
      .requestSubjectNotified:
      return false
    }
  }

  /// A strategy theme's item id: `T1`.
  public static func themeItem(_ number: Int) -> ItemID { ItemID(unchecked: "T\(number)") }

  /// A strategy action's item id: its number.
  public static func actionItem(_ number: Int) -> ItemID { ItemID(unchecked: String(number)) }

  /// The organisation a strategy names, as an id: its name lowercased, with every run of other
  /// characters than a-z and 0-9 made one `-` (`MoJ` is `moj`); `unknown` without one.
  static func strategyOrganisation(_ name: String?) -> OrganisationID {
    var slug = ""
    for scalar in (name ?? "").lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, !slug.hasSuffix("-") {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return OrganisationID(unchecked: slug.isEmpty ? "unknown" : slug)
  }
}
