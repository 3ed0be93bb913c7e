extension Site {
  /// Every event about the service known at `knownAt` (the latest `limit`, with a line
  /// saying how to list the earlier ones), oldest first, each with a stable anchor (`#e-` and
  /// its id): what was recorded, when, by whom, from which source and where in the log, and
  /// whether it is in force as of the date, replaced or retracted.
  func historySection(_ service: ServiceRecord) -> String {
    let history = histories[service.id]
    let events = history?.events ?? []
    let left = history?.left ?? 0
    var out = "<h2 id=\"history\">Event history</h2>\n"
    if left > 0 {
      out += SiteHTML.note(
        "\(Format.integer(history?.count ?? 0)) events about this service; the latest "
          + "\(Format.integer(events.count)) are listed here, in the order they were recorded, "
          + "and `ledger log --service \(service.id)` lists the \(Format.integer(left)) before "
          + "them. Each has a link of its own; nothing in the ledger is ever edited or deleted.")
    } else {
      out += SiteHTML.note(
        "\(events.count) events about this service, in the order they were recorded. Each has "
          + "a link of its own; nothing in the ledger is ever edited or deleted.")
    }
    let listed = Set(events.map(\.id))
    let replacements = Self.replacements(events, inForce: inForce)
    let retractions = Dictionary(
      events.compactMap { event -> (EventID, RecordedEvent)? in
        guard case .eventRetracted(let retraction) = event.event else { return nil }
        return (retraction.event, event)
      }, uniquingKeysWith: { first, _ in first })
    out += "<ol class=\"history\">\n"
    for event in events {
      let anchor = SitePath.anchor(event.id)
      var notes: [String] = []
      if let source = Self.member("source", of: event) {
        notes.append("Source: " + SiteHTML.escaped(source))
      }
      if let location = event.location {
        notes.append(SiteHTML.escaped("\(location.file) line \(location.line)"))
      }
      if let date = event.effectiveDate, date > asOf {
        notes.append("<span class=\"later\">holds from \(date), after \(asOf)</span>")
      }
      if let retraction = retractions[event.id] {
        notes.append(
          "<span class=\"restated\">Retracted</span> by "
            + "<a href=\"#\(SitePath.anchor(retraction.id))\">a later event</a>")
      }
      if let replacement = replacements[event.id] {
        notes.append(
          "<span class=\"restated\">Restated</span>: replaced by "
            + "<a href=\"#\(SitePath.anchor(replacement))\">a later report for the same period</a>")
      }
      if case .eventRetracted(let retraction) = event.event {
        notes.append(
          listed.contains(retraction.event)
            ? "Withdraws <a href=\"#\(SitePath.anchor(retraction.event))\">an earlier event</a>"
            : "Withdraws an earlier event, <code>\(SiteHTML.escaped(retraction.event.rawValue))</code>"
        )
      }
      out +=
        "<li id=\"\(anchor)\"><p><a class=\"when\" href=\"#\(anchor)\">"
        + "\(SiteHTML.escaped(event.at.description))</a> "
        + "<code>\(SiteHTML.escaped(event.type.rawValue))</code> recorded by "
        + SiteHTML.escaped(event.by.rawValue) + "</p>\n"
      out += "<p class=\"detail\">\(SiteHTML.escaped(Self.detail(event)))</p>\n"
      out += "<p class=\"note\">" + notes.joined(separator: " · ") + "</p></li>\n"
    }
    return out + "</ol>\n"
  }

  /// Of the volume reports among `events` (a service's latest events, in replay order) in
  /// force, each one a later report in force for the same period replaced: its id and the
  /// current report's, the last for that period. Every event after one of `events` is among
  /// them, so the current report is too.
  static func replacements(_ events: [RecordedEvent], inForce: InForce) -> [EventID: EventID] {
    var current: [Period: EventID] = [:]
    var replaced: [EventID: EventID] = [:]
    for event in events.reversed() {
      guard case .volumeReported(let report) = event.event, inForce.admits(event) else {
        continue
      }
      let period = Period(from: report.from, to: report.to)
      if let latest = current[period] {
        replaced[event.id] = latest
      } else {
        current[period] = event.id
      }
    }
    return replaced
  }

  /// A report's period.
  struct Period: Hashable {
    var from: CivilDate
    var to: CivilDate
  }

  /// The event id of each current report of the service as of the date, by period.
  func currentReports(_ service: ServiceRecord) -> [Period: EventID] {
    let ids = Dictionary(
      (histories[service.id]?.events ?? []).compactMap { event in
        event.location.map { ($0, event.id) }
      },
      uniquingKeysWith: { first, _ in first })
    var current: [Period: EventID] = [:]
    for entry in volumes.reports[service.id] ?? [] {
      guard let location = entry.location, let id = ids[location] else { continue }
      current[Period(from: entry.report.from, to: entry.report.to)] = id
    }
    return current
  }

  /// The payload's fields as `key=value`, in the order written, leaving out the service and
  /// the source (shown on their own).
  static func detail(_ event: RecordedEvent) -> String {
    guard case .object(let members) = event.event.data else { return "" }
    return members.filter { $0.key != "service" && $0.key != "source" }.map { member in
      switch member.value {
      case .string(let text): return "\(member.key)=\(text)"
      case .number(let number): return "\(member.key)=\(number.text)"
      default: return "\(member.key)=\(member.value.serialized())"
      }
    }.joined(separator: " ")
  }

  /// A string field of the payload.
  static func member(_ key: String, of event: RecordedEvent) -> String? {
    guard case .object(let members) = event.event.data,
      case .string(let text) = members.first(where: { $0.key == key })?.value
    else { return nil }
    return text
  }
}
