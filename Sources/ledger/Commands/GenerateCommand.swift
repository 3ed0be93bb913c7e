import Foundation
import ServiceLedger

/// `ledger generate`: a deterministic synthetic ledger for benchmarks and tests.
struct GenerateCommand: Command {
  static let name = "generate"
  static let summary = "write a deterministic synthetic ledger (for benchmarks and tests)"
  static let usage = "ledger generate --ledger DIR [--services N] [--events N] [--seed N]"
  static let options: [OptionSpec] = [
    OptionSpec(
      "ledger", value: "DIR",
      help: "the new folder to write (required: $LEDGER_DIR and ./events are not used)"),
    OptionSpec("services", value: "N", help: "services (default 500)"),
    OptionSpec("events", value: "N", help: "events in all (default 1000000)"),
    OptionSpec("seed", value: "N", help: "seed (default 1): the same seed gives the same bytes"),
  ]
  static let discussion = """
    Writes registrations, phases, managers (some leave and return), monthly volume reports
    with all six channels, KPI reports and restatements, one file per organisation. The
    folder must not already hold a ledger.
    """

  let arguments: ParsedArguments
  let generator: SyntheticLedger

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    func number(_ name: String, _ fallback: Int) throws(UsageError) -> Int {
      guard let text = arguments.value(name) else { return fallback }
      guard let value = Int(text), value >= 0 else {
        throw UsageError(
          "--\(name) \(Format.userText(text)) is not a whole number", command: Self.name)
      }
      return value
    }
    guard arguments.value("ledger") != nil else {
      throw UsageError("generate needs --ledger DIR (a new folder)", command: Self.name)
    }
    self.arguments = arguments
    generator = SyntheticLedger(
      services: try number("services", 500), events: try number("events", 1_000_000),
      seed: UInt64(try number("seed", 1)))
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    if folder.exists, try !folder.fileNames().isEmpty {
      throw LedgerError.io(path: folder.path, reason: "already holds a ledger; name a new folder")
    }
    let isNewFolder = !folder.exists
    try FileIO.makeFolders(folder.path)
    var buffers: [String: [UInt8]] = [:]
    var handles: [String: FileHandle] = [:]
    defer { for handle in handles.values { try? handle.close() } }
    var written = 0
    var failure: Error?
    func flush(_ file: String) {
      guard let bytes = buffers[file], !bytes.isEmpty, failure == nil else { return }
      do {
        if handles[file] == nil {
          let path = folder.path(of: file)
          // A file that cannot be created fails on the next line, with the reason.
          _ = FileManager.default.createFile(atPath: path, contents: nil)
          handles[file] = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        try handles[file]?.write(contentsOf: bytes)
      } catch {
        failure = error
      }
      buffers[file] = []
    }
    generator.generate { event, file in
      // After a failed write (a full disk) nothing more is kept: the rest is not written.
      guard failure == nil else { return }
      buffers[file, default: []].append(contentsOf: event.line.utf8)
      buffers[file, default: []].append(UInt8(ascii: "\n"))
      written += 1
      if (buffers[file]?.count ?? 0) > 1 << 20 { flush(file) }
    }
    for file in buffers.keys.sorted() { flush(file) }
    if let failure {
      let underlying = (failure as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
      let reason = underlying.map { FileIO.reason(Int32($0.code), folder.path) }
      // Cut short, the files would read as a smaller ledger: what was written goes, and the
      // folder too when this made it.
      for file in handles.keys { unlink(folder.path(of: file)) }
      if isNewFolder { rmdir(folder.path) }
      throw LedgerError.io(
        path: folder.path,
        reason: "cannot write the ledger: \(reason ?? failure.localizedDescription); "
          + "nothing was kept")
    }
    context.write(
      "generated \(written) events for \(generator.services) services in "
        + "\(Format.terminalSafe(folder.path))\n")
    return LedgerCLI.success
  }
}
