/// The `personal-data` rule as a fold: events are added one at a time, in replay order, so a
/// streamed replay can check a log it never holds whole.
struct PersonalDataScan {
  /// One step of a string's path inside the payload: a member's key or an item's index.
  private enum Step {
    case key(String)
    case index(Int)
  }

  /// The findings so far, in the order their events were added.
  private(set) var findings: [Finding] = []
  /// Display names, lowercased, of at least 3 characters.
  private let names: [String]
  /// The free-text fields of each event type seen so far.
  private var freeText: [EventType: Set<String>] = [:]
  /// The last actor, and the last volume report's label and source, found clean: a long log
  /// repeats them line after line, and each is then looked at once.
  private var cleanBy: String?
  private var cleanLabel: String?
  private var cleanSource: String?

  /// - Parameter names: display names from `people.json`.
  init(names: [String]) {
    self.names = names.map { $0.lowercased() }.filter { $0.count >= 3 }
  }

  /// Checks one event.
  mutating func add(_ event: RecordedEvent) {
    if event.by.rawValue != cleanBy {
      if let email = PersonalText.emailAddress(in: event.by.rawValue) {
        warn(event, "by", "what looks like an e-mail address (\(PersonalText.masked(email)))")
      } else if PersonalText.isDottedName(event.by.rawValue) {
        warn(
          event, "by",
          "what looks like a person's name (\(PersonalText.masked(event.by.rawValue)))")
      } else {
        cleanBy = event.by.rawValue
      }
    }
    if event.type == .volumeReported, case .volumeReported(let report) = event.event {
      // Most of a long log: its strings checked where they stand, without encoding the
      // payload (its dates and counts are never text; the order is the encoder's). The service
      // is a slug (`[a-z0-9-]`, as every event that reaches a check was decoded): no `@`, not
      // free text, not `person`, so nothing this rule looks for.
      if let label = report.label, label != cleanLabel,
        check(
          label, key: "label", steps: [.key("label")], event: event,
          freeText: freeTextFields(of: event.type))
      {
        cleanLabel = label
      }
      if let source = report.source, source != cleanSource,
        check(
          source, key: "source", steps: [.key("source")], event: event,
          freeText: freeTextFields(of: event.type))
      {
        cleanSource = source
      }
      return
    }
    let fields = freeTextFields(of: event.type)
    var steps: [Step] = []
    // Numbers are never text: the payload is encoded without formatting them.
    visit(event.event.textData, key: "", steps: &steps, event: event, freeText: fields)
  }

  private mutating func freeTextFields(of type: EventType) -> Set<String> {
    if let known = freeText[type] { return known }
    let fields = Set(type.fields.filter { $0.kind == .text || $0.kind == .textList }.map(\.name))
    freeText[type] = fields
    return fields
  }

  /// Checks every string in `value`, depth first in document order; the path is spelled out
  /// only for a finding.
  private mutating func visit(
    _ value: JSONValue, key: String, steps: inout [Step], event: RecordedEvent,
    freeText: Set<String>
  ) {
    switch value {
    case .string(let text):
      check(text, key: key, steps: steps, event: event, freeText: freeText)
    case .array(let items):
      for (index, item) in items.enumerated() {
        steps.append(.index(index))
        visit(item, key: key, steps: &steps, event: event, freeText: freeText)
        steps.removeLast()
      }
    case .object(let members):
      for member in members {
        steps.append(.key(member.key))
        visit(member.value, key: member.key, steps: &steps, event: event, freeText: freeText)
        steps.removeLast()
      }
    case .null, .bool, .number: return
    }
  }

  /// Checks one string of the payload, at `key` (the path `steps`).
  /// - Returns: whether it is clean (nothing reported).
  @discardableResult
  private mutating func check(
    _ text: String, key: String, steps: [Step], event: RecordedEvent, freeText: Set<String>
  ) -> Bool {
    if let email = PersonalText.emailAddress(in: text) {
      warn(
        event, path(steps), "what looks like an e-mail address (\(PersonalText.masked(email)))")
    } else if key == "person", !text.contains(where: \.isNumber) {
      warn(
        event, path(steps),
        "an id that looks like a person's name (\(PersonalText.masked(text)))")
    } else if freeText.contains(key), let name = PersonalText.name(in: text, known: names) {
      warn(event, path(steps), "what looks like a person's name (\(PersonalText.masked(name)))")
    } else {
      return true
    }
    return false
  }

  /// `data.themes[0].title`.
  private func path(_ steps: [Step]) -> String {
    var path = "data"
    for step in steps {
      switch step {
      case .key(let key): path += ".\(key)"
      case .index(let index): path += "[\(index)]"
      }
    }
    return path
  }

  private mutating func warn(_ event: RecordedEvent, _ field: String, _ what: String) {
    findings.append(
      Finding(
        rule: PersonalDataRule.id, severity: .warning, service: event.event.service,
        message:
          "\(Format.userText(field)) holds \(what); keep people as ids such as p-0042 and names "
          + "in people.json, and record a correction (event.retracted)",
        file: event.location?.file, line: event.location?.line))
  }
}
