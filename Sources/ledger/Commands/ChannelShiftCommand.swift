import ServiceLedger

/// `ledger channel-shift`: take-up trends, costs by channel and the saving at a target take-up.
struct ChannelShiftCommand: Command {
  static let name = "channel-shift"
  static let summary = "digital take-up trends, estimated costs and the saving at a target"
  static let usage =
    "ledger channel-shift [--target RATE] [--as-of DATE] [--known-at TIMESTAMP] [--format FORMAT]"
  static let options: [OptionSpec] =
    [
      OptionSpec(
        "target", value: "RATE",
        help: "the take-up the saving is worked out for, 0 to 1 (default: 0.82)")
    ] + ViewOptions.specs
  static let discussion = """
    Per service: 12-month take-up (digital ÷ all transactions over the annual volume's
    window; assisted digital is not digital), as ledger priorities gives it, and
    latest-quarter take-up (the latest quarter with a digital figure) with its change from
    the quarterly figure before. The estimated cost a year multiplies each channel's annual
    volume by the service's unit cost: its own recorded cost per transaction (kpi.reported)
    where the ledger has one, else the latest costs.set in force, else the Digital
    Efficiency Report's benchmark (digital £0.15, phone £2.83, face to face £8.62, post
    £12.10, assisted £3.39). A recorded all-channel cost sets the average at the year's
    channel mix; the channels it leaves out keep the fallback's differences. Transactions
    whose channel is not reported are split 80% phone, 20% face to face. The saving moves
    non-digital volume to digital until take-up reaches the target. Figures six months or
    more old at the date are marked stale. The portfolio take-up is weighted by annual
    volume. JSON rates are rounded to 4 decimals, money to whole pounds.

    Example: ledger channel-shift --as-of 2015-03-31 --target 0.9
    """

  let view: ViewOptions
  let target: Double

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    view = try ViewOptions(arguments, context: context, command: Self.name)
    if let text = arguments.value("target") {
      guard let value = Double(text), value.isFinite, (0...1).contains(value) else {
        throw UsageError(
          "--target \(Format.userText(text)) is not a take-up between 0 and 1, like 0.82",
          command: Self.name)
      }
      target = value
    } else {
      target = ChannelShift.defaultTarget
    }
  }

  func run(context: CommandContext) throws -> Int32 {
    let portfolio = try view.fold(PortfolioFold(), context)
    let shift = ChannelShift(
      asOf: view.asOf, catalogue: portfolio.catalogue, volumes: portfolio.volumes,
      unitCosts: portfolio.unitCosts, target: target)
    return view.write(ChannelShiftView.output(shift), context)
  }
}
