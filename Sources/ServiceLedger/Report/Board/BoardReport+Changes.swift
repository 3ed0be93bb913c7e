extension BoardReport {
  /// One topic of "what changed", with one plain sentence per change.
  public struct ChangeSection: Sendable, Equatable {
    public var title: String
    public var items: [String]
  }

  /// The topics that changed since the previous quarter, in a fixed order; topics with no
  /// change are left out (`unchangedTopics` names them).
  public var changeSections: [ChangeSection] {
    allChangeSections.filter { !$0.items.isEmpty }
  }

  /// The titles of the topics with no change, lower-cased, in the same order.
  public var unchangedTopics: [String] {
    allChangeSections.filter(\.items.isEmpty).map { $0.title.lowercased() }
  }

  var allChangeSections: [ChangeSection] {
    let changes = self.changes
    return [
      ChangeSection(
        title: "New services",
        items: changes.newServices.map { record in
          record.name + (record.registeredOn.map { ", registered \($0)" } ?? "")
        }),
      ChangeSection(
        title: "Retired services",
        items: changes.retiredServices.map { record in
          record.name + (record.retiredOn.map { ", retired \($0)" } ?? "")
        }),
      ChangeSection(
        title: "Phases",
        items: changes.phaseChanges.map { change in
          "\(change.service.name): \(change.from?.rawValue ?? "no phase") → "
            + "\(change.to?.rawValue ?? "no phase")"
            + (change.service.phaseSince.map { " (\($0))" } ?? "")
        }),
      ChangeSection(
        title: "Priorities",
        items: changes.priorityChanges.map {
          "\($0.service.name): \($0.from.rawValue) → \($0.to.rawValue)"
        }),
      ChangeSection(title: "Take-up", items: changes.takeUpMovements.map(Self.movementText)),
      ChangeSection(title: "Restated figures", items: changes.restatements.map(restatementText)),
      ChangeSection(
        title: "Strategy actions",
        items: changes.actionChanges.map { change in
          "Action \(change.action.action) (\(Self.short(change.action.title, 60))): "
            + "\(change.from?.rawValue ?? "no status") → \(change.to.status.rawValue) "
            + "on \(change.to.on)" + (change.to.note.map { ": \(Self.short($0, 100))" } ?? "")
        }),
      ChangeSection(
        title: "Milestones met",
        items: changes.milestonesMet.map { milestone in
          "\(Self.short(milestone.definition.title, 80)) (action "
            + "\(milestone.definition.action)), met \(milestone.met?.on.description ?? "")"
        }),
      ChangeSection(
        title: "Assisted digital",
        items: changes.assistedDigitalStarted.map { "\($0.name): support in place" }
          + changes.assistedDigitalEnded.map { "\($0.name): support withdrawn" }),
      ChangeSection(
        title: "Service managers",
        items: changes.managerChanges.map { change in
          "\(change.service.name): \(names(change.from)) → \(names(change.to))"
        }),
      ChangeSection(
        title: "New findings",
        items: changes.newFindings.map { "\($0.rule): " + Self.headline(of: $0) }),
      ChangeSection(
        title: "Resolved findings",
        items: changes.resolvedFindings.map { "\($0.rule): " + Self.headline(of: $0) }),
    ]
  }

  func names(_ people: [PersonID]) -> String {
    people.isEmpty ? "none" : people.map(self.people.display).joined(separator: ", ")
  }

  /// `Bookings for prison visits, latest-quarter take-up: 32.6% (quarter to 2014-12-31) →
  /// 36.3% (quarter to 2015-03-31), +3.7 pp`.
  static func movementText(_ move: BoardChanges.TakeUpMovement) -> String {
    let name = "\(move.service.name), \(figureName(move.span))"
    let now = figureText(move.current)
    guard let old = move.previous, let change = move.change else {
      return "\(name): first figure, \(now)"
    }
    return "\(name): \(figureText(old)) → \(now), " + Format.points(change)
  }

  func restatementText(_ restatement: Restatement) -> String {
    let before = restatement.before
    let after = restatement.after
    var text =
      "\(name(of: restatement.service)), \(after.from) to \(after.to): "
      + "\(Format.integer(before.total)) → \(Format.integer(after.total)) transactions"
    if before.digital != after.digital {
      text +=
        " (digital \(before.digital.map(Format.integer) ?? "not given") → "
        + "\(after.digital.map(Format.integer) ?? "not given"))"
    }
    return text + ", recorded \(restatement.recorded.date)"
  }
}
