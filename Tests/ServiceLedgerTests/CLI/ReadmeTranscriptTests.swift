import Foundation
import Testing

/// Runs the README's console transcript against the built `ledger` binary, so the README
/// cannot drift from what the tool does. Ids and recording times are normalised.
@Suite("README transcript", .serialized)
struct ReadmeTranscriptTests {
  struct Step {
    var command: String
    var expected: [String]
  }

  static func transcript() throws -> [Step] {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    var steps: [Step] = []
    var inConsole = false
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```console") {
        inConsole = true
      } else if line.hasPrefix("```") {
        inConsole = false
      } else if inConsole, line.hasPrefix("$ ") {
        steps.append(Step(command: String(line.dropFirst(2)), expected: []))
      } else if inConsole, !steps.isEmpty {
        steps[steps.count - 1].expected.append(String(line))
      }
    }
    return steps
  }

  @Test("every command in the README prints what the README shows")
  func transcript() throws {
    let steps = try Self.transcript()
    #expect(steps.count >= 5)
    let work = NSTemporaryDirectory() + "readme-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    var environment = ProcessInfo.processInfo.environment
    for step in steps {
      let words = try ShellWords.split(step.command)
      if words.first == "export" {
        for assignment in words.dropFirst() {
          let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
          environment[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        continue
      }
      #expect(
        words.first == "ledger", "README transcript runs only ledger commands: \(step.command)")
      let result = try Binary.run(Array(words.dropFirst()), in: work, environment: environment)
      let output = Self.normalised(result.stdout + result.stderr)
      let expected = Self.normalised(step.expected.map { $0 + "\n" }.joined())
      #expect(output == expected, "$ \(step.command)")
    }
  }

  /// Replaces UUIDs and RFC 3339 times, which differ on every run.
  static func normalised(_ text: String) -> String {
    var out = text.replacing(
      #/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#, with: "<id>")
    out = out.replacing(#/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/#, with: "<time>")
    return out
  }
}

/// The built `ledger` executable, run as a user would.
enum Binary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static var path: String { packageRoot + "/.build/debug/ledger" }

  /// Runs the binary (or `executable`, a shell that runs it, say) with `arguments`.
  static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil,
    input: String = "", executable: String = path
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    let stdin = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// Splits a command line the way a POSIX shell would for simple cases: spaces, double and
/// single quotes.
enum ShellWords {
  struct Unbalanced: Error {}

  static func split(_ line: String) throws -> [String] {
    var words: [String] = []
    var word = ""
    var quote: Character?
    var inWord = false
    for character in line {
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character == " " {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else {
        word.append(character)
        inWord = true
      }
    }
    guard quote == nil else { throw Unbalanced() }
    if inWord { words.append(word) }
    return words
  }
}
