import ServiceLedger

extension ParsedArguments {
  /// The one positional argument of a command that takes a plan id (`plan`, `duties`).
  /// - Throws: `UsageError` naming `command` when there is none, more than one, or it is not
  ///   a plan id.
  func planID(command: String) throws(UsageError) -> PlanID {
    guard let id = positionals.first else {
      throw UsageError("\(command) needs a plan id; `ledger plans` lists them", command: command)
    }
    guard positionals.count == 1 else {
      throw UsageError(
        "\(command) takes one plan id; got also \(Format.quoted(positionals[1]))", command: command)
    }
    guard let plan = PlanID.validated(id) else {
      throw UsageError("\(Format.quoted(id)) is not \(PlanID.syntax)", command: command)
    }
    return plan
  }
}
