import Foundation
import Testing

/// The repository stands alone: nothing in it points at a folder beside the checkout or at a
/// path of the machine it was written on, so a fresh clone works anywhere.
@Suite("The repository stands alone")
struct StandAloneTests {
  /// Text that would point outside the repository (written in two parts so that this file
  /// does not match itself).
  static let forbidden = [".." + "/shared", "/" + "work/"]

  /// Whether git can list the tracked files (not so in an exported copy, or without git).
  static var isGitCheckout: Bool {
    ShellCommand.run(["git", "rev-parse", "--is-inside-work-tree"])?.status == 0
  }

  @Test(
    "no tracked text file refers to a folder beside the checkout or to this machine",
    .enabled(if: isGitCheckout, "needs git and a git checkout"))
  func noOutsidePaths() throws {
    let files = try #require(ShellCommand.run(["git", "ls-files", "-z"]))
    #expect(files.status == 0, "\(files.stderr)")
    let paths = files.stdout.split(separator: "\0").map(String.init)
    #expect(paths.contains("README.md"))
    var offenders: [String] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: packageRoot + "/" + path),
        !data.contains(0)
      else { continue }  // deleted in the work tree, or binary
      let text = String(decoding: data, as: UTF8.self)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      where Self.forbidden.contains(where: { line.contains($0) }) {
        offenders.append("\(path):\(number + 1): \(line.prefix(120))")
      }
    }
    #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
  }
}
