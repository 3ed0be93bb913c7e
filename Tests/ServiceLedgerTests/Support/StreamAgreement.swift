import Testing

@testable import ServiceLedger

/// Replays a ledger of `files` both streamed (in 4 KiB blocks) and read whole, and expects the
/// same events in the same order, the same problems and the same file states.
/// - Returns: the whole read, for the caller's own expectations.
func expectStreamMatchesWhole(_ files: [String: String]) throws -> Ledger {
  let ledger = try TemporaryLedger(files: files)
  defer { ledger.remove() }
  let whole = try ledger.folder.read()
  var streamed: [EventID] = []
  var stream = LedgerStream(folder: ledger.folder)
  stream.blockSize = 4096
  let summary = try stream.replay { streamed.append($0.id) }
  #expect(streamed == whole.events.map(\.id))
  #expect(summary.problems.map(\.file) == whole.problems.map(\.file))
  #expect(summary.problems.map(\.line) == whole.problems.map(\.line))
  #expect(summary.problems.map(\.message) == whole.problems.map(\.message))
  #expect(summary.files == whole.files)
  return whole
}

/// An event adopting component `c<number>` on service `a`, stamped at `seconds`: many of them
/// make a log whose order only their `at` and files decide.
func adoption(_ number: Int, at seconds: Int, _ factory: inout EventFactory) -> RecordedEvent {
  var event = factory.make(
    .componentAdopted(
      ComponentAdopted(
        service: service("a"), component: ComponentID(unchecked: "c\(number)"),
        on: date("2014-01-01"))))
  event.at = Timestamp(seconds: seconds)
  return event
}
