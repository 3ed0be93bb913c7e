import Testing

@testable import ServiceLedger
@testable import ledger

/// Each command's help: its first line, the synopsis, names every option it lists below.
@Suite("Help: synopsis and options agree")
struct HelpSynopsisTests {
  @Test("every option a command lists is in its synopsis (but --ledger and --help)")
  func synopsisNamesEveryOption() {
    for command in LedgerCLI.commands {
      let help = command.help(ParsedArguments())
      let synopsis = help.prefix { $0 != "\n" }
      guard let options = help.range(of: "\nOptions:\n") else {
        Issue.record("\(command.name): no options")
        continue
      }
      let names = help[options.upperBound...].split(separator: "\n").compactMap { line in
        line.hasPrefix("  --") ? line.dropFirst(2).prefix { $0 != " " } : nil
      }
      #expect(!names.isEmpty, "\(command.name)")
      for name in names where name != "--ledger" && name != "--help" {
        #expect(synopsis.contains(name), "ledger \(command.name): \(name) is not in \(synopsis)")
      }
    }
  }

  @Test("record's help names every event type, in lines that fit a terminal")
  func recordTypes() throws {
    let help = RecordCommand.discussion
    let types = try #require(help.range(of: "Types: ")).lowerBound
    let lines = help[types...].split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 92 }, "\(lines.map(\.count))")
    let names = lines.joined(separator: " ").dropFirst("Types: ".count)
      .split(separator: " ").map { String($0.hasSuffix(",") ? $0.dropLast() : $0) }
    #expect(names == EventType.allCases.map(\.rawValue))
  }
}
