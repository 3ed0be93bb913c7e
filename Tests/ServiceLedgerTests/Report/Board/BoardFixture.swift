import Foundation

@testable import ServiceLedger

/// Events for board report tests, each recorded at a time the test chooses (knowledge time
/// matters to restatements and `--known-at`), in `ledger.jsonl` order.
struct BoardFixture {
  private(set) var events: [RecordedEvent] = []
  static let strategy = StrategyID(unchecked: "moj-2012")

  /// Appends `event` recorded at `at` (RFC 3339; default: a second after the previous one).
  @discardableResult
  mutating func add(_ event: Event, at: String? = nil) -> RecordedEvent {
    let seconds =
      at.flatMap { Timestamp($0)?.seconds } ?? ((events.last?.at.seconds ?? 1_356_000_000) + 1)
    let hex = String(events.count + 1, radix: 16)
    let id = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    let recorded = RecordedEvent(
      id: EventID(unchecked: id), at: Timestamp(seconds: seconds),
      by: ActorID(unchecked: "p-0001"), event: event,
      location: EventLocation(file: "ledger.jsonl", line: events.count + 1))
    events.append(recorded)
    return recorded
  }

  mutating func strategy(title: String = "A strategy", theme: String = "Services") {
    add(
      .strategyPublished(
        StrategyPublished(
          strategy: Self.strategy, title: title, published: date("2012-12-20"),
          themes: [StrategyPublished.Theme(number: 1, title: theme)])))
  }

  mutating func action(_ number: Int, title: String = "An action", due: String? = nil) {
    add(
      .actionDefined(
        ActionDefined(
          strategy: Self.strategy, action: number, theme: 1, title: title, due: due.map(date))))
  }

  mutating func register(_ id: String, name: String? = nil, on: String? = nil) {
    add(
      .serviceRegistered(
        ServiceRegistered(
          service: service(id), name: name ?? "Service \(id)", organisation: "HMCTS",
          on: on.map(date))))
  }

  @discardableResult
  mutating func quarter(
    _ id: String, _ from: String, _ to: String, total: Int, digital: Int, at: String? = nil
  ) -> RecordedEvent {
    add(
      .volumeReported(
        VolumeReported(
          service: service(id), from: date(from), to: date(to), total: total, digital: digital)),
      at: at)
  }

  /// The ledger as read from a folder: these events, valid, in replay order.
  var ledger: Ledger {
    var contents = LogFileReader.FileContents()
    contents.events = events
    contents.lineCount = events.count
    return Ledger(files: ["ledger.jsonl": contents])
  }

  /// The JSON-lines text of the events.
  var text: String { events.map { $0.line + "\n" }.joined() }

  /// The 2015-Q1 report, compared with 2014-Q4.
  func report(knownAt: String? = nil, people: PeopleFile = PeopleFile()) -> BoardReport {
    BoardReport(
      ledger, period: ReportPeriod(asOf: date("2015-03-31")),
      knownAt: knownAt.flatMap { Timestamp($0) }, people: people)
  }
}
