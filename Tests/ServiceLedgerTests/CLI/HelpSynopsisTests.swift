import Testing

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
}
