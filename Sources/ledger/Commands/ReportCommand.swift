import Foundation
import ServiceLedger

/// `ledger report`: the digital board's quarterly report.
struct ReportCommand: Command {
  static let name = "report"
  static let summary = "the board's quarterly report (Markdown, HTML or JSON)"
  static let usage =
    "ledger report [--plan ID] [--quarter YYYY-Qn | --as-of DATE] [--known-at TIMESTAMP] "
    + "[--format markdown|html|json] [--out FILE]"
  static let formats = ["markdown", "html", "json"]
  static let options: [OptionSpec] = [
    .ledger,
    OptionSpec(
      "quarter", value: "YYYY-Qn",
      help: "the quarter, as of its last day (default: the last complete one)"),
    OptionSpec(
      "as-of", value: "DATE", help: "valid time: the state on this date instead of a quarter"),
    .knownAt, .format(formats), planSpec,
    OptionSpec(
      "out", value: "FILE",
      help: "write to FILE (- for standard output, the default; a file, or the file a link "
        + "leads to, is replaced atomically; a device or FIFO is written through; never inside "
        + "the ledger folder)"),
  ]
  static let discussion = """
    Every board view at one date, beside the same figures at the end of the previous
    quarter: headline figures, the exemplars against their due date, priority services,
    channel shift with the largest movers, assisted-digital and service-manager gaps, the
    strategy's actions by theme with what is overdue, what changed since the previous
    quarter, data quality and the service standard's findings.

    Without --quarter or --as-of the report is for the last complete quarter before today
    (LEDGER_NOW when set): on 2015-04-20 that is 2015-Q1, as of 2015-03-31, compared with
    2014-Q4. With --as-of DATE it is compared with the end of the quarter before DATE's.
    --known-at reproduces exactly what was known at a past meeting: events recorded later
    cannot change a byte of the report.

    Formats: markdown (default; reads as plain text too), html (one self-contained file
    with inline CSS and SVG charts, no scripts or external assets, printable on A4), json
    (every figure, keys in a fixed order, rates to 4 decimals, money in whole pounds).

    Example: ledger report --quarter 2015-Q1 --format html --out reports/2015-Q1.html

    With --plan ID, the report is on that plan (any plan `ledger plans` lists): its status
    beside the previous quarter's end, its items with their responsible parties and status,
    what changed in the quarter, participation, and the plan rules' findings.
    """

  let arguments: ParsedArguments
  let period: ReportPeriod
  let knownAt: Timestamp?
  let format: String
  let out: String?
  let plan: PlanID?

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError(
        "report takes no arguments, only options; got \(Format.quoted(arguments.positionals[0]))",
        command: Self.name)
    }
    let quarter = arguments.value("quarter")
    if quarter != nil, arguments.value("as-of") != nil {
      throw UsageError("give --quarter or --as-of, not both", command: Self.name)
    }
    if let quarter {
      guard let parsed = Quarter(quarter) else {
        throw UsageError(
          "--quarter \(quarter) is not a calendar quarter like 2015-Q1", command: Self.name)
      }
      period = ReportPeriod(quarter: parsed)
    } else if arguments.value("as-of") != nil {
      period = ReportPeriod(asOf: try context.asOf(arguments))
    } else {
      period = .lastCompleteQuarter(before: try context.now().date)
    }
    self.arguments = arguments
    knownAt = try context.knownAt(arguments)
    format = try context.format(arguments, Self.formats, command: Self.name)
    // `-` is standard output, as `append -` reads standard input; `./-` names a file `-`.
    let out = arguments.value("out")
    if out?.isEmpty == true { throw UsageError("--out needs a file name", command: Self.name) }
    self.out = out == "-" ? nil : out
    plan = try Self.plan(arguments)
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    if let plan { return try runPlan(plan, folder, context: context) }
    let people = try PeopleFile.read(from: folder)
    var (report, problems, first) = try BoardReport.replay(
      folder, period: period, knownAt: knownAt, people: people, reader: context.logReader())
    report.ledger = folder.path
    report.suggestions = context.suggestions
    context.warn(about: problems, in: folder)
    if let knownAt, let text = arguments.value("known-at"),
      let cause = CommandContext.knownAtCause(
        (text, knownAt), firstRecorded: first, folder: folder.path)
    {
      context.writeError("ledger report: warning: \(Format.terminalSafe(cause))\n")
    }
    return try write(render(report), context: context)
  }

  /// `report` in the chosen format.
  func render(_ report: some RenderedReport) -> String {
    var text = ""
    switch format {
    case "json": text = report.json.prettyPrinted() + "\n"
    case "html": report.renderHTML(into: &text)
    default: report.renderMarkdown(into: &text)
    }
    return text
  }

  /// Writes `text` to stdout (no `--out`, or `--out -`), or atomically to `--out`.
  func write(_ text: String, context: CommandContext) throws -> Int32 {
    guard let out else {
      context.write(text)
      return LedgerCLI.success
    }
    let suffix =
      "\(ProcessInfo.processInfo.processIdentifier)-\(context.makeID().rawValue.prefix(8))"
    try OutputFile.write(
      text, to: out, outside: context.folder(arguments), suffix: suffix)
    context.write("wrote the \(period.label) report to \(Format.terminalSafe(out))\n")
    return LedgerCLI.success
  }
}

/// A report `ledger report` writes: the board's, or a plan's.
protocol RenderedReport {
  var json: JSONValue { get }
  func renderHTML(into out: inout some TextOutputStream)
  func renderMarkdown(into out: inout some TextOutputStream)
}

extension BoardReport: RenderedReport {}
extension PlanReport: RenderedReport {}
