/// A bit for each of a few event ids, found by an id's low bits: "certainly none of them" with
/// one load for most other ids, before the set that holds them is asked. A replay asks, for
/// every event, whether a retraction names its id; a few thousand do, among millions.
///
/// The bit is an id's low bits as they are: random in a version 4 UUID (ids made to share
/// them only send more look-ups on to the set, never a wrong answer).
struct IDBitmap: Sendable {
  /// A power-of-two number of words, some 32 bits an id; none for no ids.
  private var words: [UInt64] = []

  /// No ids: every answer is "no".
  init() {}

  /// The bitmap of `ids`, `count` of them.
  init(_ ids: some Sequence<EventID>, count: Int) {
    guard count > 0 else { return }
    var size = 1
    while size * 2 < count { size <<= 1 }
    words = [UInt64](repeating: 0, count: size)
    for id in ids {
      let bit = Self.bit(id, size)
      words[bit >> 6] |= 1 << UInt64(bit & 63)
    }
  }

  /// Whether `id` may be one of the ids: false means certainly not.
  @inline(__always)
  func mayContain(_ id: EventID) -> Bool {
    guard !words.isEmpty else { return false }
    let bit = Self.bit(id, words.count)
    return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  /// `id`'s bit in a bitmap of `size` words.
  @inline(__always)
  private static func bit(_ id: EventID, _ size: Int) -> Int {
    Int(truncatingIfNeeded: id.low) & (size &* 64 &- 1)
  }
}
