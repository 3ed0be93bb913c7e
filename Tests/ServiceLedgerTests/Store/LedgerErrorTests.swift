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
}
