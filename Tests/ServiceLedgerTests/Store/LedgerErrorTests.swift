import Foundation
import Testing

@testable import ServiceLedger

@Suite("Ledger errors")
struct LedgerErrorTests {
  @Test("an invalid log lists ten problems and says how many more there are")
  func manyProblems() {
    let problems = (1...13).map { line in
      LedgerProblem(rule: .malformed, file: "a.jsonl", line: line, message: "bad")
    }
    let text = LedgerError.invalidLog(folder: "ledger", problems: problems).description
    #expect(text.contains("13 invalid line(s)"))
    #expect(text.contains("a.jsonl:10"))
    #expect(!text.contains("a.jsonl:11"))
    #expect(text.contains("and 3 more"))
  }

  @Test("a permission error names the path escaped, on the error's one line")
  func permissionReasonEscaped() {
    let path = "led\u{1B}[2Jger\nx/ledger.jsonl"
    let text = LedgerError.io(path: path, reason: FileIO.reason(EACCES, path)).description
    #expect(!text.contains("\n"), "\(text)")
    #expect(!text.contains("\u{1B}"), "\(text)")
    #expect(text.contains(#"check the permissions of led\u{1B}[2Jger\u{A}x/ledger.jsonl and"#))
  }
}
