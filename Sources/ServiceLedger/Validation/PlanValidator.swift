/// The reference rules of plans, part of `ReferenceValidator`: organisations, bodies, plans and
/// items are defined once, before anything names them.
struct PlanValidator: Sendable, Equatable {
  var organisations: Set<OrganisationID> = []
  var bodies: Set<BodyID> = []
  var plans: Set<PlanID> = []
  var items: Set<PlanItemKey> = []

  /// Checks `event` against what is defined so far.
  /// - Throws: `EventError` naming the field that refers to something undefined or defines
  ///   something twice.
  func check(_ event: Event) throws(EventError) {
    switch event {
    case .organisationRegistered(let p):
      guard !organisations.contains(p.organisation) else {
        throw EventError(
          field: "data.organisation", "organisation \(p.organisation) is already registered")
      }
      if let parent = p.parent { try organisation(parent, field: "parent") }
    case .bodyFormed(let p):
      guard !bodies.contains(p.body) else {
        throw EventError(field: "data.body", "body \(p.body) is already formed")
      }
      try organisation(p.organisation, field: "organisation")
    case .bodyMemberJoined(let p):
      try body(p.body, field: "body")
      if let member = p.organisation { try organisation(member, field: "organisation") }
    case .bodyMandateEnded(let p):
      try body(p.body, field: "body")
    case .planRegistered(let p):
      guard !plans.contains(p.plan) else {
        throw EventError(field: "data.plan", "plan \(p.plan) is already registered")
      }
      try organisation(p.organisation, field: "organisation")
      if let issuer = p.issuer { try organisation(issuer, field: "issuer") }
      if let body = p.governedBy { try self.body(body, field: "governedBy") }
      for (index, parent) in (p.implements ?? []).enumerated() {
        try plan(parent, field: "implements[\(index)]")
      }
    case .planStatusChanged(let p):
      try plan(p.plan, field: "plan")
      if let by = p.by { try organisation(by, field: "by") }
    case .itemDefined(let p):
      try plan(p.plan, field: "plan")
      guard !items.contains(PlanItemKey(p.plan, p.item)) else {
        throw EventError(field: "data.item", "item \(p.item) of \(p.plan) is already defined")
      }
      if let parent = p.parent { try item(p.plan, parent, field: "parent") }
      if let after = p.after { try item(p.plan, after, field: "after") }
    case .responsibilityAssigned(let p):
      try item(p.plan, p.item, field: "item")
      try organisation(p.party, field: "party")
      if let by = p.by { try body(by, field: "by") }
    case .itemProgressed(let p): try item(p.plan, p.item, field: "item")
    case .itemAssessed(let p):
      try item(p.plan, p.item, field: "item")
      if let by = p.by { try organisation(by, field: "by") }
    case .itemTracked(let p): try item(p.plan, p.item, field: "item")
    case .targetSet(let p): try item(p.plan, p.item, field: "item")
    case .targetMeasured(let p): try item(p.plan, p.item, field: "item")
    case .participationHeld(let p):
      try plan(p.plan, field: "plan")
      if let item = p.item { try self.item(p.plan, item, field: "item") }
    case .countDeclared(let p):
      if let plan = p.plan { try self.plan(plan, field: "plan") }
      if let organisation = p.organisation {
        try self.organisation(organisation, field: "organisation")
      }
    case .serviceChannelOffered(let p):
      for (index, partner) in (p.partners ?? []).enumerated() {
        try organisation(partner, field: "partners[\(index)]")
      }
    case .requestRuleDefined(let p):
      if let item = p.item {
        try self.item(p.plan, item, field: "item")
      } else {
        try plan(p.plan, field: "plan")
      }
    case .requestReceived(let p):
      if let organisation = p.organisation {
        try self.organisation(organisation, field: "organisation")
      }
      if let plan = p.plan { try self.plan(plan, field: "plan") }
    case .serviceMaturitySet, .requestAccessGranted, .requestCorrectionMade,
      .requestSubjectNotified:
      break
    case .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet,
      .actionProgressed, .serviceRegistered, .serviceUpdated, .serviceRetired,
      .exemplarDesignated, .phaseEntered, .assessmentRecorded, .managerAppointed,
      .managerDeparted, .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn,
      .componentAdopted, .volumeReported, .kpiReported, .costsSet, .barrierIdentified,
      .barrierRemoved, .eventRetracted:
      break
    }
  }

  /// Remembers what an accepted `event` defines.
  mutating func apply(_ event: Event) {
    switch event {
    case .organisationRegistered(let p): organisations.insert(p.organisation)
    case .bodyFormed(let p): bodies.insert(p.body)
    case .planRegistered(let p): plans.insert(p.plan)
    case .itemDefined(let p): items.insert(PlanItemKey(p.plan, p.item))
    case .bodyMemberJoined, .bodyMandateEnded, .planStatusChanged, .responsibilityAssigned,
      .itemProgressed, .itemAssessed, .itemTracked, .countDeclared, .targetSet, .targetMeasured,
      .participationHeld, .strategyPublished, .actionDefined, .milestoneDefined, .milestoneMet,
      .actionProgressed, .serviceRegistered, .serviceUpdated, .serviceRetired,
      .exemplarDesignated, .phaseEntered, .assessmentRecorded, .managerAppointed,
      .managerDeparted, .govukTransitioned, .assistedDigitalProvided, .assistedDigitalWithdrawn,
      .componentAdopted, .volumeReported, .kpiReported, .costsSet, .barrierIdentified,
      .barrierRemoved, .eventRetracted, .serviceChannelOffered, .serviceMaturitySet,
      .requestRuleDefined, .requestReceived, .requestAccessGranted, .requestCorrectionMade,
      .requestSubjectNotified:
      break
    }
  }

  private func organisation(_ id: OrganisationID, field: String) throws(EventError) {
    guard organisations.contains(id) else {
      throw EventError(
        .unknownReference, field: "data." + field,
        "organisation \(id) is not registered; record organisation.registered first")
    }
  }

  private func body(_ id: BodyID, field: String) throws(EventError) {
    guard bodies.contains(id) else {
      throw EventError(
        .unknownReference, field: "data." + field,
        "body \(id) is not formed; record body.formed first")
    }
  }

  private func plan(_ id: PlanID, field: String) throws(EventError) {
    guard plans.contains(id) else {
      throw EventError(
        .unknownReference, field: "data." + field,
        "plan \(id) is not registered; record plan.registered first")
    }
  }

  private func item(_ plan: PlanID, _ item: ItemID, field: String) throws(EventError) {
    try self.plan(plan, field: "plan")
    guard items.contains(PlanItemKey(plan, item)) else {
      throw EventError(
        .unknownReference, field: "data." + field,
        "\(plan) has no item \(item); define it with item.defined first")
    }
  }
}

/// An item of a plan.
struct PlanItemKey: Hashable, Sendable {
  var plan: PlanID
  var item: ItemID
  init(_ plan: PlanID, _ item: ItemID) {
    self.plan = plan
    self.item = item
  }
}
