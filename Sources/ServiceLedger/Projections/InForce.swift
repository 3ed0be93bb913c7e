/// Which events a fold is given: those known at `knownAt`, not retracted (by a retraction
/// known then), and effective on or before `asOf`. The one rule of every replay
/// (`LedgerFolder.fold`, the site's pages).
public struct InForce: Sendable {
  /// Valid time; nil for no limit.
  public var asOf: CivilDate?
  public var knownAt: Timestamp?
  /// Events withdrawn by retractions known at `knownAt`.
  public let retracted: Set<EventID>
  /// The same ids in a set that a replay can ask a million times cheaply.
  private let withdrawn: EventIDSet
  /// A bit for each of them, by the last bits of the id (random in a UUID), asked before the
  /// set: nearly every event is not withdrawn, and these 16 KiB mostly tell so from the
  /// processor's cache, where the set's table, several times larger, waits on memory. Empty
  /// when nothing is withdrawn.
  private let withdrawnBits: [UInt64]
  private static let bitMask = (1 << 17) - 1

  public init(asOf: CivilDate?, knownAt: Timestamp?, retracted: Set<EventID>) {
    self.asOf = asOf
    self.knownAt = knownAt
    self.retracted = retracted
    var withdrawn = EventIDSet(capacity: retracted.count)
    var bits = [UInt64](repeating: 0, count: retracted.isEmpty ? 0 : (Self.bitMask + 1) / 64)
    for id in retracted {
      _ = withdrawn.insert(id)
      let bit = Int(truncatingIfNeeded: id.low) & Self.bitMask
      bits[bit >> 6] |= 1 << (bit & 63)
    }
    self.withdrawn = withdrawn
    withdrawnBits = bits
  }

  /// Whether `id` is withdrawn.
  @inline(__always)
  private func isWithdrawn(_ id: EventID) -> Bool {
    guard !withdrawnBits.isEmpty else { return false }
    let bit = Int(truncatingIfNeeded: id.low) & Self.bitMask
    return withdrawnBits[bit >> 6] & (1 << (bit & 63)) != 0 && withdrawn.contains(id)
  }

  /// Whether `event` is in force: known at `knownAt`, not a retraction nor retracted, and
  /// effective on or before `asOf`.
  public func admits(_ event: RecordedEvent) -> Bool {
    if let knownAt, event.at > knownAt { return false }
    if event.type == .eventRetracted { return false }
    guard !isWithdrawn(event.id) else { return false }
    guard let asOf, let date = event.effectiveDate else { return true }
    return date <= asOf
  }

  /// The event `event` withdraws, when it is a retraction known at `knownAt`.
  static func retractionTarget(_ event: RecordedEvent, knownAt: Timestamp?) -> EventID? {
    guard event.type == .eventRetracted, case .eventRetracted(let retraction) = event.event
    else { return nil }
    if let knownAt, event.at > knownAt { return nil }
    return retraction.event
  }
}
