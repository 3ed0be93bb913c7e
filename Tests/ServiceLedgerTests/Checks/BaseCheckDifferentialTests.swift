import Foundation
import Testing

@testable import ServiceLedger

/// `ledger check --base` compares each file with the base's a block at a time and folds the
/// rest into its one replay; before, it read both logs whole. That implementation is kept
/// here as the reference: on every kind of change to a log the findings are the same.
@Suite("ledger check --base: the streamed check finds what the whole-log check found")
struct BaseCheckDifferentialTests {
  static let services = "services.jsonl"
  /// A roles.json under which p-0001 may record only about `claims`, and p-0002 everything.
  static let roles = #"{"p-0001":["claims"],"p-0002":["*"]}"#

  /// Changes to the clean ledger, each against the clean ledger as its base.
  nonisolated(unsafe) static let changes: [(name: String, change: (CheckFixture) -> CheckFixture)] =
    [
      ("unchanged", { $0 }),
      (
        "appended, one line stamped before the base's latest",
        { fixture in
          fixture.appending(
            services,
            CheckFixture.line(
              500, "component.adopted",
              #"{"service":"visits","component":"pay","on":"2015-05-01"}"#,
              at: "2015-06-01T00:00:00Z"),
            CheckFixture.line(
              501, "component.adopted",
              #"{"service":"visits","component":"book","on":"2015-05-01"}"#,
              at: "2015-08-01T00:00:00Z"))
        }
      ),
      (
        "a new file, about a service p-0001 may not record",
        { fixture in
          fixture.appending(
            "new.jsonl",
            CheckFixture.line(
              502, "component.adopted",
              #"{"service":"claims","component":"pay","on":"2015-05-01"}"#,
              at: "2015-08-02T00:00:00Z"))
        }
      ),
      (
        "a retraction of a base event, by someone who may not",
        { fixture in
          fixture.appending(
            services,
            CheckFixture.line(
              503, "event.retracted",
              #"{"event":"00000000-0000-4000-8000-000000000102","reason":"entered in error"}"#,
              at: "2015-08-03T00:00:00Z"))
        }
      ),
      ("an edited line", { $0.replacing(services, 3, with: ($0.files[services]?[2] ?? "") + " ") }),
      ("a removed line", { $0.dropping(services, 4) }),
      ("two lines swapped", { $0.swapping(services, 5, 6) }),
      (
        "an invalid line appended",
        { $0.appending(services, #"{"id":"x","at":"nope"}"#) }
      ),
      (
        "a torn last line",
        { fixture in
          var torn = fixture.appending(
            services,
            CheckFixture.line(
              504, "component.adopted", #"{"service":"visits","component":"x","on":"2015-05-01"}"#,
              at: "2015-08-04T00:00:00Z"))
          torn.torn.insert(services)
          return torn
        }
      ),
    ]

  @Test(
    "each change: the same findings, with and without roles",
    arguments: changes.indices, [false, true])
  func same(index: Int, withRoles: Bool) throws {
    let clean = try CheckFixture.clean()
    let changed = Self.changes[index].change(clean)
    let ledger = try changed.write()
    defer { ledger.remove() }
    let base = try clean.write()
    defer { base.remove() }
    if withRoles { try ledger.write("roles.json", Self.roles) }
    let check = LedgerCheck(asOf: CheckFixture.asOf)
    let streamed = try check.run(ledger.folder, base: LedgerBase(path: base.path))
    let reference = try Self.reference(check, ledger.folder, base: LedgerBase(path: base.path))
    #expect(streamed.findings == reference.findings, "\(Self.changes[index].name)")
    #expect(streamed.rules == reference.rules)
  }

  @Test("a torn base whose last line the ledger completed, and a base of one file")
  func tornBase() throws {
    let clean = try CheckFixture.clean()
    var tornBase = clean
    tornBase.torn.insert(Self.services)
    let ledger = try clean.write()
    defer { ledger.remove() }
    let base = try tornBase.write()
    defer { base.remove() }
    let check = LedgerCheck(asOf: CheckFixture.asOf)
    for path in [base.path, base.path + "/" + Self.services] {
      let streamed = try check.run(ledger.folder, base: LedgerBase(path: path))
      let reference = try Self.reference(check, ledger.folder, base: LedgerBase(path: path))
      #expect(streamed.findings == reference.findings, "\(path)")
    }
  }

  /// `LedgerCheck.run(_:base:)` as it was: both logs read whole.
  static func reference(_ check: LedgerCheck, _ folder: LedgerFolder, base: LedgerBase) throws
    -> CheckReport
  {
    let rules = check.rules
    let ledger = try folder.read()
    let baseFiles = try base.files()
    var current: [String: [UInt8]] = [:]
    for name in try folder.fileNames() { current[name] = try folder.bytes(of: name) }
    let appendOnly = AppendOnlyRule.findings(base: baseFiles, current: current)
    var extra = BackdatedRule.findings(
      current: current, base: baseFiles, latest: try base.latestAt(), basePath: base.path)
    let reader = LogFileReader()
    var contents: [String: LogFileReader.FileContents] = [:]
    for (name, bytes) in baseFiles { contents[name] = reader.read(bytes, name: name) }
    extra += NotAuthorisedRule.findings(
      ledger, base: Ledger(files: contents), roles: try Roles.load(from: folder))
    extra += try FolderRules.findings(folder, rules: Set(rules))
    extra += PersonalDataRule.findings(
      ledger, names: try PersonalDataRule.displayNames(in: folder))
    let result = check.report(ledger, appendOnly: appendOnly)
    return CheckReport(
      asOf: result.asOf,
      findings: result.findings + extra.filter { $0.severity >= check.minimumSeverity },
      rules: result.rules)
  }
}
