import ServiceLedger

/// `ledger report --plan ID`: the report on one plan of any form.
extension ReportCommand {
  static let planSpec = OptionSpec(
    "plan", value: "ID", help: "report on this plan (`ledger plans` lists them)")

  /// `--plan ID`, checked.
  /// - Throws: `UsageError` for an id that is not a slug.
  static func plan(_ arguments: ParsedArguments) throws(UsageError) -> PlanID? {
    guard let text = arguments.value("plan") else { return nil }
    guard let id = PlanID.validated(text) else {
      throw UsageError("--plan \(Format.quoted(text)) is not \(PlanID.syntax)", command: name)
    }
    return id
  }

  func runPlan(_ id: PlanID, _ folder: LedgerFolder, context: CommandContext) throws -> Int32 {
    let (registries, problems) = try folder.fold(
      PlanReport.fold(period), asOf: period.asOf, knownAt: knownAt, reader: context.logReader())
    context.warn(about: problems, in: folder)
    guard let report = PlanReport(registries, plan: id, period: period, knownAt: knownAt) else {
      let known = registries.current.allPlans
      throw PlanNotFound(
        plan: id, asOf: period.asOf, known: known.map(\.registration.plan.rawValue))
    }
    return try write(render(report.naming(context.suggestions)), context: context)
  }
}
