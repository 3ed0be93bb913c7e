/// A projection: a pure fold over the events in force, one at a time, in replay order.
///
/// A fold declares what it reads (`reads`); the replay gives it those events and no others,
/// and serves it from the replay cache only when the cache keeps everything it declares. A
/// fold that starts reading another event type must declare it, or it never sees one: its
/// output is the same from the cache and from the log, whichever it is.
public protocol Fold {
  /// The event types it reads, and which volume reports.
  var reads: EventReads { get }
  /// Folds one event in force in; `event.type` is one of `reads.types`.
  mutating func apply(_ event: RecordedEvent)
}

/// What a fold reads of the log: a set of event types and, when it reads volume reports,
/// whether it needs all of them or only those the annual-volume rule can use.
public struct EventReads: Sendable, Equatable {
  /// The event types, one bit each (`EventType.bit`).
  public private(set) var bits: UInt64
  /// Which volume reports, when `volume.reported` is among the types.
  public var volumeReports: VolumeHistory.Retention

  public init(_ types: [EventType], volumeReports: VolumeHistory.Retention = .all) {
    bits = types.reduce(0) { $0 | $1.bit }
    self.volumeReports = volumeReports
  }

  /// Every event type.
  public static let everything = EventReads(EventType.allCases)
  /// Every event type but volume and KPI reports: the catalogue, plans and the like.
  public static let allButReports = EventReads(
    EventType.allCases.filter { $0 != .volumeReported && $0 != .kpiReported })

  /// Whether `type` is read.
  @inline(__always)
  public func contains(_ type: EventType) -> Bool { bits & type.bit != 0 }

  /// What either reads; of volume reports, as many as the one that needs more.
  public func union(_ other: EventReads) -> EventReads {
    var union = self
    union.bits |= other.bits
    let mine = contains(.volumeReported) ? volumeReports : .annualVolume
    let theirs = other.contains(.volumeReported) ? other.volumeReports : .annualVolume
    union.volumeReports = max(mine, theirs)
    return union
  }

  /// Whether a log kept as `self` says (for example the replay cache) holds everything
  /// `needed` declares: every type, and for volume reports, as many as it needs.
  public func covers(_ needed: EventReads) -> Bool {
    guard needed.bits & ~bits == 0 else { return false }
    guard needed.contains(.volumeReported) else { return true }
    return volumeReports == .all || needed.volumeReports == .annualVolume
  }
}

extension EventType {
  /// The type's bit in `EventReads`: its position in `allCases` (at most 64 types; a test
  /// holds both).
  @inline(__always)
  var bit: UInt64 { 1 << UInt64(ordinal & 63) }

  /// The type's position in `allCases`: the tag Swift stores for a case without a payload,
  /// read without a lookup, since a replay asks for it once per event.
  @inline(__always)
  var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// Two folds fed the same events: what each reads, each given only its own.
public struct FoldPair<First: Fold, Second: Fold>: Fold {
  public var first: First
  public var second: Second
  private let firstReads: EventReads
  private let secondReads: EventReads

  public init(_ first: First, _ second: Second) {
    self.first = first
    self.second = second
    firstReads = first.reads
    secondReads = second.reads
  }

  public var reads: EventReads { firstReads.union(secondReads) }

  @inline(__always)
  public mutating func apply(_ event: RecordedEvent) {
    if firstReads.contains(event.type) { first.apply(event) }
    if secondReads.contains(event.type) { second.apply(event) }
  }
}

/// The time the earliest event in force was recorded: when a view is empty with
/// `--known-at`, whether the knowledge time is the cause.
public struct FirstRecorded: Fold, Sendable {
  /// The earliest `at`; nil before any event.
  public private(set) var at: Timestamp?

  public init() {}

  public var reads: EventReads { .everything }

  public mutating func apply(_ event: RecordedEvent) {
    if at.map({ event.at < $0 }) ?? true { at = event.at }
  }
}
