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
        "a base line copied inside the base",
        { fixture in
          var copy = fixture
          copy.files[services]?.insert(fixture.files[services]?[1] ?? "", at: 2)
          return copy
        }
      ),
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
      ("the base longer than the ledger (its last line gone)", { $0.dropping(services, 15) }),
      (
        "a file only in the base",
        { fixture in
          var copy = fixture
          copy.files["strategy.jsonl"] = nil
          return copy
        }
      ),
      (
        "an empty file in the ledger only",
        { fixture in
          var copy = fixture
          copy.files["empty.jsonl"] = []
          return copy
        }
      ),
      (
        "the ledger's lines end in CRLF",
        { fixture in
          var copy = fixture
          copy.files[services] = fixture.files[services]?.map { $0 + "\r" }
          return copy
        }
      ),
      (
        "a CRLF line appended",
        { fixture in
          fixture.appending(
            services,
            CheckFixture.line(
              505, "component.adopted",
              #"{"service":"claims","component":"pay","on":"2015-05-01"}"#,
              at: "2015-08-05T00:00:00Z") + "\r")
        }
      ),
      (
        "a new line reusing a base event's id, stamped before it, about what p-0001 may not record",
        { fixture in
          fixture.appending(
            "new.jsonl",
            #"{"id":"00000000-0000-4000-8000-000000000104","at":"2015-01-01T00:00:00Z","by":"p-0001","type":"component.adopted","data":{"service":"visits","component":"pay","on":"2014-05-01"}}"#
          )
        }
      ),
      (
        "a line appended to a file only the ledger has, backdated",
        { fixture in
          fixture.appending(
            "new.jsonl",
            CheckFixture.line(
              506, "component.adopted",
              #"{"service":"visits","component":"pay","on":"2015-05-01"}"#,
              at: "2014-01-01T00:00:00Z"))
        }
      ),
    ]

  /// Where `roles.json` is: nowhere, in the ledger (and so in force), or in the base only (the
  /// change removed it, and the base's are in force).
  enum RolesPlace: CaseIterable, Sendable {
    case none, ledger, baseOnly
  }

  @Test(
    "each change: the same findings, without roles, with them, and with them removed",
    arguments: changes.indices, RolesPlace.allCases)
  func same(index: Int, roles: RolesPlace) throws {
    let clean = try CheckFixture.clean()
    let changed = Self.changes[index].change(clean)
    let ledger = try changed.write()
    defer { ledger.remove() }
    let base = try clean.write()
    defer { base.remove() }
    if roles == .ledger { try ledger.write("roles.json", Self.roles) }
    if roles == .baseOnly { try base.write("roles.json", Self.roles) }
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

  @Test("each change, known at a time between the base's lines")
  func knownAt() throws {
    let clean = try CheckFixture.clean()
    let base = try clean.write()
    defer { base.remove() }
    let check = LedgerCheck(
      asOf: CheckFixture.asOf, knownAt: Timestamp("2015-07-01T10:00:05Z"))
    for (name, change) in Self.changes {
      let ledger = try change(clean).write()
      defer { ledger.remove() }
      try ledger.write("roles.json", Self.roles)
      let streamed = try check.run(ledger.folder, base: LedgerBase(path: base.path))
      let reference = try Self.reference(check, ledger.folder, base: LedgerBase(path: base.path))
      #expect(streamed.findings == reference.findings, "\(name)")
    }
  }

  /// The clean services file padded with registrations to `size` bytes or just over, its
  /// last line ending exactly at `size` when `exact`.
  static func padded(to size: Int) throws -> [UInt8] {
    let clean = try CheckFixture.clean()
    var text = Array(clean.text(services).utf8)
    var number = 0x1000
    while text.count < size {
      let line = { (name: String) in
        CheckFixture.line(
          number, "service.registered",
          #"{"service":"s\#(number)","name":"\#(name)","organisation":"NOMS","on":"2013-01-01"}"#,
          at: "2015-07-02T00:00:00Z")
      }
      var name = String(repeating: "n", count: 100)
      let left = size - text.count - (line(name).utf8.count + 1)
      // Make the last line end exactly at `size` when it can.
      if left < 200, left > -100 { name = String(repeating: "n", count: 100 + left) }
      text += Array((line(name) + "\n").utf8)
      number += 1
    }
    return text
  }

  @Test("edits and tears at the comparison's block boundary (1 MiB)")
  func blockBoundary() throws {
    let block = 1 << 20
    let exact = try Self.padded(to: block)
    #expect(exact.count == block)
    let longer = try Self.padded(to: block + 5000)
    let appended = Array(
      (CheckFixture.line(
        0x9000, "component.adopted", #"{"service":"visits","component":"x","on":"2015-05-01"}"#,
        at: "2015-06-01T00:00:00Z") + "\n").utf8)
    var editedAtBlock = longer
    editedAtBlock[block] = UInt8(ascii: " ")
    var editedBefore = longer
    editedBefore[block - 2] = UInt8(ascii: "m")
    // (base, ledger) pairs, the services file's bytes.
    let pairs: [(String, [UInt8], [UInt8])] = [
      ("a base of exactly one block, a line appended", exact, exact + appended),
      ("a line edited at the first byte of the second block", longer, editedAtBlock),
      ("a line edited just before the block's end", longer, editedBefore),
      ("a base torn at the block's end", Array(longer.prefix(block)), longer + appended),
      ("a base torn just after the block", Array(longer.prefix(block + 3)), longer),
      ("the ledger shorter, ending at the block", longer, Array(longer.prefix(block))),
      ("a base identical to the ledger", longer, longer),
    ]
    let check = LedgerCheck(asOf: CheckFixture.asOf)
    for (name, baseBytes, ledgerBytes) in pairs {
      let base = try TemporaryLedger(files: [
        Self.services: String(decoding: baseBytes, as: UTF8.self)
      ])
      defer { base.remove() }
      let ledger = try TemporaryLedger(files: [
        Self.services: String(decoding: ledgerBytes, as: UTF8.self)
      ])
      defer { ledger.remove() }
      try ledger.write("roles.json", Self.roles)
      let streamed = try check.run(ledger.folder, base: LedgerBase(path: base.path))
      let reference = try Self.reference(check, ledger.folder, base: LedgerBase(path: base.path))
      #expect(streamed.findings == reference.findings, "\(name)")
    }
  }

  /// `LedgerCheck.run(_:base:)` as it was: both logs read whole.
  static func reference(_ check: LedgerCheck, _ folder: LedgerFolder, base: LedgerBase) throws
    -> CheckReport
  {
    let rules = check.rules
    let ledger = try folder.read()
    let baseFiles = try base.files()
    // The files the base covers (all, or with a base of one file, the file of its name).
    var current: [String: [UInt8]] = [:]
    var outside: [String: [UInt8]] = [:]
    let compared = Set(base.compared(try folder.fileNames()))
    for name in try folder.fileNames() {
      if compared.contains(name) {
        current[name] = try folder.bytes(of: name)
      } else {
        outside[name] = try folder.bytes(of: name)
      }
    }
    let appendOnly = baseFiles.keys.sorted().flatMap { name -> [Finding] in
      guard let bytes = current[name] else {
        return [AppendOnlyRule.missing(name, baseIsFile: base.fileName != nil)]
      }
      return AppendOnlyRule.findings(file: name, base: baseFiles[name] ?? [], current: bytes)
    }
    var extra = BackdatedRule.findings(
      current: current, base: baseFiles, latest: try base.latestAt())
    let reader = LogFileReader()
    var contents: [String: LogFileReader.FileContents] = [:]
    // A file the base does not cover has no new lines: as if the base held it as it is.
    for (name, bytes) in baseFiles.merging(outside, uniquingKeysWith: { base, _ in base }) {
      contents[name] = reader.read(bytes, name: name)
    }
    // Without the ledger's roles, those of a base that has them are in force.
    let ledgerRoles = try Roles.load(from: folder)
    extra += NotAuthorisedRule.findings(
      ledger, base: Ledger(files: contents), roles: try ledgerRoles ?? base.roles(),
      rolesName: ledgerRoles == nil && base.hasRoles
        ? NotAuthorisedRule.baseRolesName : Roles.fileName)
    if ledgerRoles == nil, base.hasRoles { extra.append(NotAuthorisedRule.rolesRemoved) }
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
