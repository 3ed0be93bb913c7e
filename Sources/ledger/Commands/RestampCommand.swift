import ServiceLedger

/// `ledger restamp --base BASE`: give the lines not yet in the base new `at` stamps.
struct RestampCommand: Command {
  static let name = "restamp"
  static let summary = "give lines not yet in the base (--base) new at stamps, in their order"
  static let usage = "ledger restamp --base DIR_OR_FILE [--ledger DIR]"
  static let options: [OptionSpec] = [
    .ledger,
    OptionSpec(
      "base", value: "DIR_OR_FILE",
      help: "the ledger as merged (the target branch's copy), as for `ledger check --base`"),
  ]
  static let discussion = """
    `at` is when an event was recorded, and `ledger check --base` fails new lines whose `at`
    is not later than every `at` in the base (backdated): events written on a branch must be
    stamped again when they land. When any is, restamp gives each line not yet in the base a
    new `at` (now, to the microsecond, later than the base's latest), keeping their order, and
    leaves every line of the base as it is. A base given as one file stands for the ledger's
    file of its name alone: only that file's new lines are restamped. A folder stands for the
    whole ledger: every line of a file it lacks is new. Run it on the branch after bringing in
    the target, then commit. Example, with the base made as docs/ci.md makes it (the whole
    folder, with the line endings of the checkout):
      base=$(mktemp -d) && git archive origin/main events | tar -x -C "$base"
      ledger restamp --base "$base/events"
    """

  let base: LedgerBase
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard arguments.positionals.isEmpty else {
      throw UsageError("restamp takes no arguments, only options", command: Self.name)
    }
    guard let path = arguments.value("base") else {
      throw UsageError("restamp needs --base DIR_OR_FILE", command: Self.name)
    }
    base = LedgerBase(path: path)
    self.arguments = arguments
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    guard base.exists else {
      throw UsageError(
        "--base \(Format.userText(base.path)): no such file or folder", command: Self.name)
    }
    var restamp = LedgerRestamp(folder: folder, faults: try context.faults())
    let settled = SettledBatches()
    restamp.settledBatches = settled
    // What was rolled back is told even when restamping then fails.
    defer {
      for note in settled.notes(in: folder) {
        context.writeError("ledger: note: " + Format.terminalSafe(note) + "\n")
      }
    }
    let counts = try restamp.restamp(from: base, now: try context.recordingClock()())
    // The folder's name is the user's, and may hold anything a terminal acts on.
    let files = counts.sorted { $0.key < $1.key }.map {
      "\(Format.terminalSafe(folder.path(of: $0.key))) (\($0.value))"
    }
    let compared = Format.terminalSafe(base.fileName.map(folder.path(of:)) ?? folder.path)
    context.write(
      counts.isEmpty
        ? "nothing to restamp: every line of \(compared) "
          + "not in the base is already later than the base's latest at\n"
        : "restamped \(counts.values.reduce(0, +)) line(s) not in the base: "
          + files.joined(separator: ", ") + "\n")
    return LedgerCLI.success
  }
}
