/// `backdated`: with `--base`, every line not yet in the base must have an `at` later than
/// every `at` in the base.
///
/// `at` is knowledge time: what was known at a past meeting (`--known-at`) must not change
/// when a branch lands whose events were stamped before the base's latest (written on the
/// branch days ago, or with a hand-set `at`). A branch's new lines are restamped when they
/// land: `ledger restamp --base BASE` gives them fresh stamps, in their order.
///
/// The finding names no base folder: in CI the base is a temporary copy of the target branch
/// on the runner, which the reader of the log does not have. It says where to learn how to
/// make one (`ledger restamp --help`, which ships with the tool).
public enum BackdatedRule {
  public static let rule = CheckRule.backdated

  /// The findings for `new`, the new lines' events.
  static func findings(_ new: [RecordedEvent], latest: Timestamp?) -> [Finding] {
    guard let latest else { return [] }
    return new.filter { $0.at <= latest }
      .sorted {
        ($0.location ?? EventLocation(file: "", line: 0))
          < ($1.location ?? EventLocation(file: "", line: 0))
      }
      .map { event in
        Finding(
          rule, service: event.event.service,
          message: "at \(event.at) is not later than \(latest), the latest at in the base: a "
            + "new line must be recorded after everything already merged, or --known-at "
            + "reports change; on the branch, run `ledger restamp --base BASE`, BASE a fresh "
            + "copy of the target branch's ledger (`ledger restamp --help` shows how to make "
            + "one), to give the lines not yet in the base new stamps, in their order",
          at: event.location)
      }
  }
}
