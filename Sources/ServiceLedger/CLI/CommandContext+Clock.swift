extension CommandContext {
  /// The clock that stamps new events' `at`: `LEDGER_NOW` when set, else the real clock.
  ///
  /// Writers read it under the folder's lock, so that an event is never stamped earlier than
  /// one another writer appended while this one waited for the lock.
  /// - Throws: `UsageError` when `LEDGER_NOW` cannot be read.
  public func recordingClock() throws(UsageError) -> @Sendable () -> Timestamp {
    guard let text = environment["LEDGER_NOW"], !text.isEmpty else { return clock }
    let fixed = try now()
    return { fixed }
  }
}
