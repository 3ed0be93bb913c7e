import Foundation
import Testing

@testable import ServiceLedger

@Suite("ledger check --base: the log is append-only")
struct AppendOnlyTests {
  private let services = "services.jsonl"
  private let onlyAppendOnly = LedgerCheck(asOf: CheckFixture.asOf, rules: [.appendOnly])

  private func findings(_ change: (CheckFixture) -> CheckFixture) throws -> [Finding] {
    let clean = try CheckFixture.clean()
    return try change(clean).report(onlyAppendOnly, base: clean).findings
  }

  @Test("new lines at the end of a file, and new files, are fine")
  func appending() throws {
    let found = try findings { fixture in
      fixture.appending(
        services,
        CheckFixture.line(
          500, "component.adopted",
          #"{"service":"visits","component":"payments","on":"2015-05-01"}"#)
      )
      .appending(
        "new.jsonl",
        CheckFixture.line(
          501, "component.adopted", #"{"service":"visits","component":"booking","on":"2015-05-01"}"#
        ))
    }
    #expect(found == [])
  }

  @Test("a base's torn last line that ledger repair moved aside is not a removed line")
  func baseTornThenRepaired() throws {
    let clean = try CheckFixture.clean()
    var tornBase = clean.appending(services, #"{"id":"00000000-0000-4000-8000-0000000"#)
    tornBase.torn.insert(services)
    // Repaired (the fragment moved aside), and a line appended after.
    let repaired = clean.appending(
      services,
      CheckFixture.line(
        500, "component.adopted", #"{"service":"visits","component":"pay","on":"2015-05-01"}"#))
    for ledger in [clean, repaired] {
      #expect(try ledger.report(onlyAppendOnly, base: tornBase).findings == [])
    }
    // The fragment left as it was is the torn-line rule's, not append-only's.
    let unrepaired = try tornBase.report(base: tornBase).findings
    #expect(unrepaired.map(\.rule) == ["torn-line"], "\(unrepaired)")
    // A line of the base before the fragment removed is still a removed line.
    let dropped = try clean.dropping(services, 4).report(onlyAppendOnly, base: tornBase)
    #expect(dropped.findings.map(\.line) == [4], "\(dropped.findings)")
  }

  @Test("an edited line is named with what changed and what to do instead")
  func edited() throws {
    let found = try findings { fixture in
      let line = fixture.files[services]?[10] ?? ""
      return fixture.replacing(
        services, 11, with: line.replacingOccurrences(of: "250000", with: "260000"))
    }
    #expect(found.count == 1)
    #expect(found.first?.line == 11)
    #expect(found.first?.service == service("visits"))
    #expect(
      found.first?.message
        == "line 11 was changed since the base (event 00000000-0000-4000-8000-000000000111 "
        + "(volume.reported): data.total was 250000, now 260000): lines are never edited; "
        + "restore it as it was and record the correction as a new event (a later report for "
        + "the same period restates one; `event.retracted` withdraws an event)")
  }

  @Test("a removed line is one finding, not one for every line after it")
  func removed() throws {
    let found = try findings { $0.dropping(services, 5) }
    #expect(found.map(\.line) == [5])
    #expect(
      found.first?.message.hasPrefix(
        "line 5 of the base (event 00000000-0000-4000-8000-000000000105 (assessment.recorded)) "
          + "was removed: lines are never deleted") ?? false)
  }

  @Test("two swapped lines are one line out of order")
  func reordered() throws {
    let found = try findings { $0.swapping(services, 11, 12) }
    #expect(found.count == 1)
    #expect(found.first?.line == 12)
    #expect(
      found.first?.message.hasPrefix(
        "line 12 was line 11 of the base (event 00000000-0000-4000-8000-000000000111 "
          + "(volume.reported)): lines are never moved; put it back at line 11") ?? false)
  }

  @Test("a line inserted before the end of the base is named")
  func inserted() throws {
    let found = try findings { fixture in
      var copy = fixture
      copy.files[services]?.insert(
        CheckFixture.line(
          502, "component.adopted",
          #"{"service":"visits","component":"payments","on":"2015-05-01"}"#), at: 4)
      return copy
    }
    #expect(found.map(\.line) == [5])
    #expect(
      found.first?.message.hasPrefix("line 5 is new but not after the base's last line (15)")
        ?? false)
  }

  @Test(
    "a truncated file is one finding for the lines cut; a line that no longer parses is changed")
  func truncatedAndGarbled() throws {
    let cut = try findings { fixture in
      var copy = fixture
      copy.files[services]?.removeLast(6)
      return copy
    }
    #expect(cut.map(\.line) == [10])
    #expect(
      cut.first?.message.hasPrefix("lines 10\u{2013}15 of the base (6 lines, from event") ?? false)
    let garbled = try findings { $0.replacing(services, 3, with: "garbage") }
    #expect(garbled.map(\.line) == [3])
    #expect(garbled.first?.message.contains("line 3 was changed since the base") ?? false)
    #expect(garbled.first?.message.contains("its text differs") ?? false)
  }

  @Test("a base file missing from the ledger is an error; a single base file is compared alone")
  func files() throws {
    let clean = try CheckFixture.clean()
    var gone = clean
    gone.files["strategy.jsonl"] = nil
    let missing = try gone.report(onlyAppendOnly, base: clean).findings
    #expect(missing.map(\.file) == ["strategy.jsonl"])
    #expect(missing.first?.line == nil)
    #expect(missing.first?.message.contains("is in the base but not in the ledger") ?? false)

    let base = try clean.write()
    defer { base.remove() }
    let current = try gone.dropping(services, 2).write()
    defer { current.remove() }
    let single = try onlyAppendOnly.run(
      current.folder, base: LedgerBase(path: base.path + "/strategy.jsonl"))
    // The finding is the ledger's: a base given as one file may be a copy under another name.
    #expect(single.findings.map(\.file) == [nil])
    #expect(single.findings.first?.message.hasPrefix("strategy.jsonl is in the base") ?? false)
    let other = try onlyAppendOnly.run(
      current.folder, base: LedgerBase(path: base.path + "/services.jsonl"))
    #expect(other.findings.map(\.line) == [2])
  }

  @Test("a branch behind the base, with a line of its own after it, lacks the base's last lines")
  func behind() throws {
    let clean = try CheckFixture.clean()
    func adopted(_ number: Int, _ component: String) -> String {
      CheckFixture.line(
        number, "component.adopted",
        #"{"service":"visits","component":""# + component + #"","on":"2015-05-01"}"#)
    }
    let base = clean.appending(services, adopted(500, "y"), adopted(501, "z"))
    let branch = clean.appending(services, adopted(502, "x"))
    let found = try branch.report(onlyAppendOnly, base: base).findings
    #expect(found.map(\.line) == [16], "\(found)")
    let message = found.first?.message ?? ""
    #expect(message.hasPrefix("lines 16\u{2013}17 of the base (2 lines, from event"), "\(message)")
    #expect(message.contains("if the branch is behind the base, bring the base's lines in"))
    #expect(!message.contains("changed"))
  }

  @Test("a line whose ending became \\r\\n, or that gained a byte-order mark, says so")
  func invisibleChanges() throws {
    let crlf = try findings { fixture in
      fixture.replacing(services, 3, with: (fixture.files[services]?[2] ?? "") + "\r")
    }
    #expect(crlf.map(\.line) == [3])
    #expect(crlf.first?.message.contains("its line ends in \\r\\n, not \\n") ?? false, "\(crlf)")
    let bom = try findings { fixture in
      fixture.replacing(services, 1, with: "\u{FEFF}" + (fixture.files[services]?[0] ?? ""))
    }
    #expect(bom.map(\.line) == [1])
    #expect(bom.first?.message.contains("it begins with a byte-order mark") ?? false, "\(bom)")
  }

  @Test("a copy of a base line put inside the base is a copy to remove; the lines after it are old")
  func copiedInside() throws {
    let clean = try CheckFixture.clean()
    var copied = clean
    copied.files[services]?.insert(clean.files[services]?[1] ?? "", at: 2)
    let check = LedgerCheck(asOf: CheckFixture.asOf, rules: [.appendOnly, .backdated])
    let found = try copied.report(check, base: clean).findings
    #expect(found.map(\.rule) == ["append-only"], "\(found)")
    #expect(found.first?.line == 3)
    #expect(
      found.first?.message.hasPrefix("line 3 is a copy of line 2 of the base (event ") ?? false,
      "\(found)")
    #expect(found.first?.message.hasSuffix("remove it") ?? false, "\(found)")
  }

  @Test("the matching keeps one longest run in order")
  func longestIncreasing() {
    #expect(LineMatching.longestIncreasing([0, 1, 3, 2, 4]).count == 4)
    #expect(LineMatching.longestIncreasing([]) == [])
    #expect(LineMatching.runs([1, 2, 3, 7, 9, 10]) == [1...3, 7...7, 9...10])
  }
}
