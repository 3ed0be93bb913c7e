import Foundation
import ServiceLedger

/// `ledger init [DIR]`: create an empty ledger folder.
struct InitCommand: Command {
  static let name = "init"
  static let summary = "create an empty ledger folder"
  static let usage = "ledger init [DIR]"
  static let options: [OptionSpec] = [.ledger]
  static let discussion = """
    Creates DIR (default: --ledger, $LEDGER_DIR, else ./events) with an empty ledger.jsonl.
    An existing ledger is left as it is.
    """

  let folder: LedgerFolder

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("init takes one folder", command: Self.name)
    }
    folder = arguments.positionals.first.map(LedgerFolder.init) ?? context.folder(arguments)
  }

  func run(context: CommandContext) throws -> Int32 {
    let file = folder.path(of: LedgerFolder.defaultFile)
    if folder.exists, try !folder.fileNames().isEmpty {
      context.write("\(folder.path) is already a ledger; nothing changed\n")
      return LedgerCLI.success
    }
    try Self.makeFolders(folder.path)
    guard FileManager.default.createFile(atPath: file, contents: Data()) else {
      throw LedgerError.io(path: file, reason: "cannot be created")
    }
    context.write("created an empty ledger at \(folder.path)\n")
    return LedgerCLI.success
  }

  /// Makes the folder at `path` and any missing folders above it (`mkdir -p`).
  /// - Throws: `LedgerError.io` naming the first that cannot be made and why: a file in the
  ///   way, or the system's words (`Permission denied`, `Too many levels of symbolic links`).
  static func makeFolders(_ path: String) throws(LedgerError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
      guard mkdir(prefix, 0o777) != 0 else { continue }
      var reason = errno
      if reason == EEXIST {
        var status = stat()
        if stat(prefix, &status) == 0 {
          if (status.st_mode & S_IFMT) == S_IFDIR { continue }
          throw LedgerError.io(
            path: path,
            reason: "cannot be created: \(prefix) is a file, not a folder; give another name")
        }
        // A link that leads nowhere, or round in a loop.
        reason = errno
      }
      throw LedgerError.io(
        path: path, reason: "cannot be created: \(prefix): \(String(cString: strerror(reason)))")
    }
  }
}
