import ServiceLedger

/// `ledger registry`: the plans of the organisations under one, as a registry at a date.
struct RegistryCommand: Command {
  static let name = "registry"
  static let summary = "plans of the organisations under one: form, period, in force, link"
  static let usage =
    "ledger registry [--under ORG] [--form FORM] [--validity V] [--link STATUS] [--as-of DATE] "
    + "[--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] =
    ViewOptions.specs + [
      OptionSpec(
        "under", value: "ORG",
        help: "only plans of organisations under ORG (by parent links), not ORG's own"),
      OptionSpec("form", value: "FORM", help: "only plans of this form"),
      OptionSpec(
        "validity", value: "V",
        help: "only plans that are, at the date: "
          + PlanValidity.allCases.map(\.rawValue)
          .joined(separator: ", ")),
      OptionSpec(
        "link", value: "STATUS", help: "only documents whose link is: public, local-file, none"),
    ]
  static let discussion = """
    Each plan (of the organisations under --under, such as KL's municipalities) with its
    organisation, form, period as printed, validity at the date and link status. Validity
    comes from the period: in-force within a period that has an end, open-ended when it has
    a start (or an approval) and no end ("Fra 2017", "2018-", "Godkendt 2019"), expired after
    its end or when its status ended it, not-yet before its start, unknown with neither, and
    no-document for form none. The notes count the organisations per form, the documents
    without a period or a public link (a file on someone's computer, or no link at all), and
    the documents by validity; the filters narrow the rows and the counts alike.
    """

  let view: ViewOptions
  let selection: RegistryView.Selection

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    var shared = arguments
    for name in ["under", "form", "validity", "link"] { shared.options[name] = nil }
    view = try ViewOptions(shared, context: context, command: Self.name)
    var selection = RegistryView.Selection()
    if let text = arguments.value("under") {
      guard let under = OrganisationID.validated(text) else {
        throw UsageError(
          "--under \(Format.userText(text)) is not \(OrganisationID.syntax)", command: Self.name)
      }
      selection.under = under
    }
    selection.form = try Self.choice(arguments.value("form"), option: "--form")
    selection.validity = try arguments.value("validity").map { text throws(UsageError) in
      guard let validity = PlanValidity(rawValue: text) else {
        throw UsageError(
          "--validity \(Format.userText(text)) is not one of "
            + PlanValidity.allCases.map(\.rawValue).joined(separator: ", "), command: Self.name)
      }
      return validity
    }
    selection.linkStatus = try Self.choice(arguments.value("link"), option: "--link")
    self.selection = selection
  }

  static func choice<Choice: FieldChoice>(
    _ text: String?, option: String, command: String = name
  ) throws(UsageError)
    -> Choice?
  {
    guard let text else { return nil }
    guard let choice = Choice(rawValue: text) else {
      throw UsageError(
        "\(option) \(Format.userText(text)) is not a \(Choice.noun); use one of "
          + Choice.words.joined(separator: ", "), command: command)
    }
    return choice
  }

  func run(context: CommandContext) throws -> Int32 {
    let registry = try view.fold(PlanRegistry(asOf: view.asOf), context)
    if let under = selection.under, registry.organisation(under) == nil {
      throw UsageError(
        "no organisation \(under) is registered as of \(view.asOf); `ledger plans` shows "
          + "the plans and their organisations", command: Self.name)
    }
    return view.write(RegistryView.output(registry, selection), context)
  }
}
