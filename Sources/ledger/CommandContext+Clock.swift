import ServiceLedger

extension CommandContext {
  /// The clock that stamps new events' `at`: `LEDGER_NOW` when set, else the real clock.
  ///
  /// Writers read it under the folder's lock, so that an event is never stamped earlier than
  /// one another writer appended while this one waited for the lock.
  /// - Throws: `UsageError` when `LEDGER_NOW` cannot be read, or is later than this machine's
  ///   clock by more than the tolerance a supplied `at` has: stamped so far ahead, an event
  ///   would push every later record's `at` into the future with it.
  func recordingClock() throws(UsageError) -> @Sendable () -> Timestamp {
    guard let text = environment["LEDGER_NOW"], !text.isEmpty else { return clock }
    let fixed = try now()
    let real = clock()
    guard fixed.seconds <= real.seconds + KnowledgeTime.tolerance else {
      throw UsageError(
        "LEDGER_NOW=\(Format.userText(text)) is more than \(KnowledgeTime.tolerance / 60) "
          + "minutes after this machine's clock (\(real)); nothing can be recorded in the "
          + "future: unset LEDGER_NOW or give a time that has passed")
    }
    return { fixed }
  }
}
