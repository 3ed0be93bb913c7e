extension BoardReport {
  /// The exemplars against their due date, each followed by the services it covers: the
  /// exemplar's title and status on its first service's row. A service whose link to its
  /// exemplar is a judgement carries its footnote's number (`exemplarFootnotes`). Their
  /// take-up is `exemplarTakeUpTable`, so that each table fits an A4 page.
  public var exemplarTable: TableData {
    var rows: [[TableData.Cell]] = []
    var footnote = 0
    for exemplar in current.exemplars.exemplars {
      for (index, row) in exemplar.services.enumerated() {
        if row.designation.note != nil { footnote += 1 }
        let first = index == 0
        rows.append([
          .text(first ? exemplar.title : ""), .text(first ? exemplar.status.words : ""),
          .text(row.service.name + (row.designation.note != nil ? " [\(footnote)]" : "")),
          .text(row.service.organisation),
          .text(row.service.phase?.rawValue ?? "not recorded"), .date(row.designation.due),
          .number(Format.integer(row.daysToDue)),
        ])
      }
    }
    return TableData(
      columns: ["Exemplar", "Status", "Service", "Organisation", "Phase", "Due", "Days to due"],
      rows: rows)
  }

  /// The take-up of the exemplars' services, in the order of `exemplarTable`.
  public var exemplarTakeUpTable: TableData {
    let rows = current.exemplars.exemplars.flatMap { exemplar in
      exemplar.services.map { row in [.text(row.service.name)] + takeUpCells(of: row.service.id) }
    }
    return TableData(columns: ["Service"] + Self.takeUpColumns, rows: rows)
  }

  /// The notes on services whose link to their exemplar is a judgement rather than the
  /// strategy's words, numbered as in `exemplarTable`:
  /// `[1] Employment tribunal claims under Fee payment (…). A judgement, …`.
  public var exemplarFootnotes: [String] {
    let notes = current.exemplars.exemplars.flatMap { exemplar in
      exemplar.services.compactMap { row in
        row.designation.note.map { note in
          "\(row.service.name) under \(exemplar.title). \(note)"
        }
      }
    }
    return notes.enumerated().map { "[\($0.offset + 1)] \($0.element)" }
  }

  /// The exemplar and high-volume services.
  public var priorityTable: TableData {
    TableData(
      columns: [
        "Service", "Priority", "Transactions a year", "12 months to", "12-month take-up",
        "Phase", "Service manager", "Assisted digital",
      ],
      rows: current.priorityRows.map { row in
        [
          .text(row.service.name), .text(row.priority.rawValue), .count(row.annual.volume),
          dated(row.annual.to), .percent(row.annual.digitalTakeUp),
          .text(row.service.phase?.rawValue ?? "not recorded"),
          .text(
            row.service.managers.isEmpty
              ? "none" : row.service.managers.map(people.display).joined(separator: ", ")),
          .text(row.service.assistedDigital == nil ? "no" : "yes"),
        ]
      })
  }

  /// The portfolio's transactions and estimated cost by channel.
  public var channelMixTable: TableData {
    let volumes = channelVolumes
    let costs = current.shift.portfolioCosts
    let volume = volumes.reduce(0, +)
    let cost = costs.reduce(0, +)
    var rows: [[TableData.Cell]] = VolumeReported.channelNames.indices.map { index in
      [
        .text(Self.channelTitles[index]),
        .count(Int(roundingSaturated: volumes[index])),
        .percent(volume > 0 ? volumes[index] / volume : nil), .pounds(costs[index]),
        .percent(cost > 0 ? costs[index] / cost : nil),
      ]
    }
    rows.append([
      .text("All channels"), .count(Int(roundingSaturated: volume)),
      .percent(volume > 0 ? 1 : nil), .pounds(cost), .percent(cost > 0 ? 1 : nil),
    ])
    return TableData(
      columns: ["Channel", "Transactions a year", "Share", "Estimated cost a year", "Share"],
      rows: rows)
  }

  /// The services in the cost model: volume, 12-month take-up, the unit costs' basis, cost and
  /// saving; figures six months or more old are marked stale.
  public var costTable: TableData {
    TableData(
      columns: [
        "Service", "Transactions a year", "12 months to", "12-month take-up", "Unit costs",
        "Estimated cost a year", "Saving at \(Format.percent(current.shift.target, digits: 0))",
      ],
      rows: current.shift.estimated.map { row in
        [
          .text(row.service.name), .count(row.annual.volume), dated(row.annual.to),
          .percent(row.annual.digitalTakeUp),
          .optional(row.estimate?.basis.label(asOf: period.asOf)), .pounds(row.estimate?.cost),
          .pounds(row.estimate?.saving),
        ]
      })
  }

  /// The largest take-up movements since the previous quarter, each named by its figure.
  public var moversTable: TableData {
    TableData(
      columns: [
        "Service", "Figure", period.previousLabel, "Window", period.label, "Window", "Change",
      ],
      rows: largestMovers.map { move in
        [
          .text(move.service.name), .text(Self.figureName(move.span)),
          .percent(move.previous?.takeUp), .optional(move.previous.map(Self.window)),
          .percent(move.current.takeUp), .text(Self.window(move.current)), .points(move.change),
        ]
      })
  }

  /// Services in scope for assisted digital with no provision in force.
  public var uncoveredTable: TableData {
    TableData(
      columns: [
        "Service", "Phase", "Digital reported to", "Transactions a year", "12-month take-up",
        "Expected need (18%)", "Assisted reported",
      ],
      rows: current.coverage.uncovered.map { row in
        [
          .text(row.service.name), .text(row.service.phase?.rawValue ?? "not recorded"),
          .date(row.digitalTo), .count(row.annual.volume), .percent(row.annual.digitalTakeUp),
          .count(row.expectedNeed), .count(row.reportedAssisted),
        ]
      })
  }

  /// The standard findings by rule.
  public var findingsTable: TableData {
    TableData(
      columns: ["Rule", "Severity", "Findings", "About"],
      rows: findingGroups.map { group in
        [
          .text(group.rule), .text(group.severity.rawValue),
          .number(Format.integer(group.findings.count)), .text(about(group)),
        ]
      })
  }

  /// The services a group of findings names, or for `overdue` the actions and milestones.
  func about(_ group: FindingGroup) -> String {
    let services = group.findings.compactMap(\.service).map(name(of:))
    if !services.isEmpty { return services.joined(separator: "; ") }
    let actions = current.progress.allActions.filter(\.isPastDue)
      .map { String($0.definition.action) }
    let milestones = current.progress.allMilestones.filter(\.isPastDue).count
    guard group.rule == CheckRule.overdue.rawValue else { return "-" }
    var parts: [String] = []
    if !actions.isEmpty {
      parts.append((actions.count == 1 ? "action " : "actions ") + actions.joined(separator: ", "))
    }
    if milestones > 0 { parts.append(Self.count(milestones, "milestone")) }
    return parts.joined(separator: "; ")
  }
}
