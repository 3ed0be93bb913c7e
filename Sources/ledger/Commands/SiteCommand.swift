import Foundation
import ServiceLedger

/// `ledger site`: a static, browsable site of the ledger.
struct SiteCommand: Command {
  static let name = "site"
  static let summary = "a static site of the ledger: services, organisations, plans, reports"
  static let usage = "ledger site --out DIR [--as-of DATE] [--known-at TIMESTAMP]"
  static let options: [OptionSpec] = [
    .ledger, .asOf, .knownAt,
    OptionSpec(
      "out", value: "DIR",
      help: "the folder to write: new, empty, or a site written before (replaced whole); "
        + "not - (a site is a folder, not standard output)"),
  ]
  static let discussion = """
    Writes a site to browse the ledger as of a date, like the GOV.UK Transactions Explorer:
    a home page with the headline figures, the exemplars and the priority services; every
    service in a table that sorts and filters (a small inline script; the page is complete
    without it); a page per service with its take-up and volumes over time, costs, phases,
    managers, assessments, assisted digital, KPIs, restated figures and its latest events
    (at most 100 events, volume and KPI reports each; `ledger log --service ID` lists every
    event); a page per organisation and per plan; every quarter's board report; and the views
    as CSV and JSON with the ledger's own files, each as it was at the knowledge time.

    Pages link to each other by relative paths and load nothing from anywhere, so the folder
    can be opened from disk or published as it is on any static host. The same ledger, date
    and --known-at give the same bytes. The log is streamed, never held: one pass for the
    pages, and a pass for every few quarters of the report archive. The site is written
    beside --out first and moved into place when complete; a folder that is not empty and
    not a previous site, or that is inside the ledger folder, is refused, and so is an
    archive of more than 1,000 quarters (an --as-of with a mistyped year).

    Example: ledger site --ledger events --as-of 2017-09-30 --out site
    """

  let arguments: ParsedArguments
  let asOf: CivilDate
  let knownAt: Timestamp?
  let out: String

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError(
        "site takes no arguments, only options; got \(Format.quoted(arguments.positionals[0]))",
        command: Self.name)
    }
    guard let out = arguments.value("out"), !out.isEmpty else {
      throw UsageError(
        "give the folder to write with --out DIR, like --out site", command: Self.name)
    }
    // `-` means standard output elsewhere (`report --out -`, `append -`); a site is a folder.
    if out == "-" {
      throw UsageError(
        "--out - would be standard output, but a site is a folder of pages: give a folder, "
          + "like --out site (--out ./- for a folder named -)", command: Self.name)
    }
    self.arguments = arguments
    self.out = out
    asOf = try context.asOf(arguments)
    knownAt = try context.knownAt(arguments)
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let people = try PeopleFile.read(from: folder)
    let site = try Site.replay(
      folder, asOf: asOf, knownAt: knownAt, people: people, reader: context.logReader())
    context.warn(about: site.problems, in: folder)
    let suffix =
      "\(ProcessInfo.processInfo.processIdentifier)-\(context.makeID().rawValue.prefix(8))"
    let writer = try SiteFolder.Writer(out, ledger: folder.path, suffix: suffix)
    let written = try site.write(into: writer)
    try writer.finish()
    // The name is the user's, and may hold anything a terminal acts on.
    let shown = Format.terminalSafe(out)
    context.write(
      "wrote the site as of \(asOf) to \(shown): \(written.pages) pages and "
        + "\(written.downloads) downloads; open \(shown)/index.html\n")
    return LedgerCLI.success
  }
}
