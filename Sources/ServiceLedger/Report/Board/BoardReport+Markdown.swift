extension BoardReport {
  /// The report as Markdown that reads as plain text too: headings, short lists and
  /// GitHub-flavoured tables. Everything that came from the ledger is escaped, so a name can
  /// neither format the page nor inject HTML.
  public func renderMarkdown(into out: inout some TextOutputStream) {
    out.write("# \(Self.md(title))\n\n")
    out.write(Self.md(subject + ". " + provenance) + reproductionMarkdown + "\n")
    section("At a glance", into: &out)
    list(summary, into: &out)
    section("Headline figures", into: &out)
    table(headlineTable, into: &out)
    renderChangesMarkdown(into: &out)
    section("Exemplars", into: &out)
    paragraph(exemplarNote, into: &out)
    if !current.exemplars.exemplars.isEmpty { table(exemplarTable, into: &out) }
    for footnote in exemplarFootnotes { paragraph(footnote, into: &out) }
    if !current.exemplars.exemplars.isEmpty {
      subsection("Take-up of the exemplar services", into: &out)
      table(exemplarTakeUpTable, into: &out)
    }
    section("Priority services", into: &out)
    paragraph(priorityNote, into: &out)
    if !current.priorityRows.isEmpty { table(priorityTable, into: &out) }
    renderMarkdownSections(into: &out)
  }

  /// The report as a Markdown string.
  public var markdown: String {
    var out = ""
    renderMarkdown(into: &out)
    return out
  }

  /// Where the figures come from, in words.
  var provenance: String {
    var text =
      "As of \(period.asOf), compared with \(period.previousLabel) "
      + "(\(period.previousEnd)). "
    if let knownAt {
      text += "As known at \(knownAt): events recorded later are left out."
    } else if let recordedUpTo {
      text += "From everything recorded up to \(recordedUpTo)."
    } else {
      text += "The ledger is empty."
    }
    return text
  }

  /// ` `ledger report … --known-at …` reproduces these figures…`, for a report without one.
  var reproductionMarkdown: String {
    guard knownAt == nil, let reproduction else { return "" }
    return " \(Self.codeSpan(reproduction)) reproduces these figures whatever is recorded later."
  }

  /// `text` as a Markdown code span: between runs of backticks one longer than the longest
  /// run in it (a ledger folder named with a backtick would end a one-backtick span early and
  /// leave the rest of the command as prose), with a space inside each end when it begins or
  /// ends with a backtick.
  static func codeSpan(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return fence + pad + text + pad + fence
  }

  /// The headline figures as a table.
  public var headlineTable: TableData {
    TableData(
      columns: ["Figure", period.label, period.previousLabel, "Change"],
      rows: headlineRows.map { row in
        [.text(row.label), .number(row.current), .number(row.previous), .number(row.change)]
      })
  }

  var exemplarNote: String {
    let progress = current.exemplars
    guard !progress.exemplars.isEmpty else {
      return "No exemplar is designated as of \(period.asOf)."
    }
    let strategies = Set(progress.exemplars.map(\.strategy.rawValue)).sorted()
    let dues = Set(progress.exemplars.map(\.due)).sorted().map(\.description)
    let counts = ExemplarProgress.Status.allCases.map { "\(progress.count($0)) \($0.words)" }
    return
      "\(Self.count(progress.exemplars.count, "exemplar")) of "
      + "\(strategies.joined(separator: ", ")), covering "
      + "\(Self.count(progress.rows.count, "service")), due live by \(dues.joined(separator: ", ")): "
      + counts.joined(separator: ", ") + ". An exemplar is live when all its services are, "
      + "late when one is past its due date and not live, and unknown when one has no phase "
      + "recorded; it is on track only with every phase recorded. " + Self.takeUpDefinition
  }

  var priorityNote: String {
    let rows = current.priorityRows
    let exemplars = rows.filter { $0.priority == .exemplar }.count
    return
      "\(rows.count) of \(headlines.services) services are priorities: \(exemplars) exemplar "
      + "(the services of the \(headlines.exemplars) exemplars), "
      + "\(rows.count - exemplars) high-volume (over "
      + "\(Format.integer(Priority.defaultThreshold)) transactions a year). Transactions and "
      + "12-month take-up are for the 12 months to the date shown; a date marked stale is "
      + "\(Self.staleRule(period.asOf))."
  }

  // Every block starts with the blank line that separates it from the one before.

  func section(_ title: String, into out: inout some TextOutputStream) {
    out.write("\n## \(Self.md(title))\n")
  }

  func subsection(_ title: String, into out: inout some TextOutputStream) {
    out.write("\n### \(Self.md(title))\n")
  }

  func paragraph(_ text: String, into out: inout some TextOutputStream) {
    out.write("\n" + Self.md(text) + "\n")
  }

  func list(_ items: [String], into out: inout some TextOutputStream) {
    out.write("\n")
    for item in items { out.write("- " + Self.md(item) + "\n") }
  }

  func table(_ data: TableData, into out: inout some TextOutputStream) {
    out.write("\n")
    data.renderMarkdown(into: &out)
  }

  /// Text escaped for Markdown.
  static func md(_ text: String) -> String { TableData.markdownEscaped(text) }
}
