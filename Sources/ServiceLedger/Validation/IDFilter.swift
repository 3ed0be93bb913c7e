/// A Bloom filter of event ids, of a fixed size: it answers "certainly not seen" or "maybe
/// seen", and holds a log of any length in the same memory.
///
/// Each id sets 16 bits in one 128-byte block (one in each of its sixteen words), so an insert
/// or a look-up touches two neighbouring cache lines. The filter for a log of 1,000,000 events
/// (303 MB, 9 MiB) gives a "maybe" for an id not seen before about once in 40,000 replays;
/// that of 3,000,000 (16 MiB), about once in sixty (a second pass then settles it). A filter is
/// as large as its log needs, not rounded up: what it costs to fill, and to save with the
/// replay cache, is a cold replay's.
///
/// Which block an id goes to depends on a random seed as well as on its bits, so that ids
/// crafted to share a block (an id's mix can be undone) do not fill it and make every
/// answer "maybe".
struct IDFilter: Sendable {
  /// The words, each block on two cache lines of its own; shared by copies until one changes.
  private var storage: Words
  /// Mixed into every id's bits; kept with a saved filter.
  let seed: UInt64

  /// The most memory a filter for a log up to 1 GiB takes: 16 MiB (`init(forLogOf:)`).
  static let flat = 1 << 21
  /// The most words a filter has: 8 GiB, for a log of 256 GiB.
  static let largest = 1 << 30
  /// The least: 512 bytes.
  static let smallest = 64

  /// The words of a block.
  static let blockWords = 16

  /// An empty filter of at least `words` 64-bit words (whole blocks, at least one, at most
  /// `largest` words).
  init(words: Int, seed: UInt64 = .random(in: .min ... .max)) {
    let blocks = (min(max(words, 1), Self.largest) + Self.blockWords - 1) / Self.blockWords
    storage = Words(count: blocks * Self.blockWords)
    self.seed = seed
  }

  /// A filter for the ids of a log of `bytes` bytes: 64 bits for every 256 bytes of it (a
  /// line of the log is 150 to 400), from `smallest` words up to 16 MiB (`flat`); beyond,
  /// 64 bits for every 512 bytes (16 MiB up to a log of 1 GiB), so that the filter still
  /// holds some 20 bits an id or more and a false alarm stays rare. `fixedWords` words, where
  /// set.
  init(forLogOf bytes: Int) {
    let words =
      bytes / 256 <= Self.flat ? max(Self.smallest, bytes / 256) : max(Self.flat, bytes / 512)
    self.init(words: Self.fixedWords ?? words)
  }

  /// The size of every filter made for a log, where set: tests make it tiny, so that most
  /// answers are "maybe" and the replay must settle them.
  @TaskLocal static var fixedWords: Int?

  /// Its size in bytes.
  var byteCount: Int { storage.count * 8 }

  /// Where an id's bits go: the block's first word, and the bit of each word.
  struct Place {
    let block: Int
    let high: UInt64
    let low: UInt64

    /// The bit of word `index` (0 ..< 16): six bits of `high` for the first eight, of `low`
    /// for the rest.
    func mask(_ index: Int) -> UInt64 {
      let bits = index < 8 ? high : low
      return 1 << (bits >> UInt64(index % 8 * 6) & 63)
    }
  }

  /// Where `id` goes in this filter.
  func place(_ id: EventID) -> Place { layout.place(id) }

  /// What says where ids go: the seed and the size.
  struct Layout: Sendable {
    let seed: UInt64
    let words: Int

    /// Where `id` goes.
    func place(_ id: EventID) -> Place {
      let high = IDFilter.mix(id.mixed ^ seed)
      let low = IDFilter.mix(high ^ id.high)
      // The masks take the low 48 bits of each; the block, 32 of the 32 left.
      let top = high >> 48 | (low >> 48) << 16
      let blocks = UInt64(words / IDFilter.blockWords)
      let block = Int(truncatingIfNeeded: (top * blocks) >> 32)
      return Place(block: block * IDFilter.blockWords, high: high, low: low)
    }
  }

  var layout: Layout { Layout(seed: seed, words: storage.count) }

  /// Adds `id`; false when it was (maybe) there already.
  @discardableResult
  mutating func insert(_ id: EventID) -> Bool { insert(place(id)) }

  /// Adds the id at `place`; false when it was (maybe) there already.
  mutating func insert(_ place: Place) -> Bool {
    if !isKnownUniquelyReferenced(&storage) { storage = Words(copying: storage) }
    let block = storage.words + place.block
    var isNew = false
    for index in 0..<Self.blockWords {
      let mask = place.mask(index)
      isNew = isNew || block[index] & mask != mask
      block[index] |= mask
    }
    return isNew
  }

  /// Reads the blocks at `places`, so that inserting them soon after finds them in the cache.
  func warm(_ places: some Sequence<Place>) {
    var sum: UInt64 = 0
    for place in places {
      sum &+= storage.words[place.block] &+ storage.words[place.block + Self.blockWords / 2]
    }
    keep(sum)
  }

  /// Whether `id` may have been added: false means certainly not.
  func contains(_ id: EventID) -> Bool {
    let place = place(id)
    let block = storage.words + place.block
    return (0..<Self.blockWords).allSatisfy { block[$0] & place.mask($0) == place.mask($0) }
  }

  /// MurmurHash3's finaliser.
  fileprivate static func mix(_ value: UInt64) -> UInt64 {
    var bits = value
    bits = (bits ^ bits >> 33) &* 0xFF51_AFD7_ED55_8CCD
    bits = (bits ^ bits >> 33) &* 0xC4CE_B9FE_1A85_EC53
    return bits ^ bits >> 33
  }
}

extension IDFilter {
  /// Writes the filter as it is in memory, for the replay cache.
  func write(to out: inout BinaryWriter) {
    out.write(seed)
    out.write(storage.count)
    out.append(raw: UnsafeRawBufferPointer(start: storage.words, count: storage.count * 8))
  }

  /// The filter `write(to:)` wrote where `input` reads next, or nil when it is not one.
  init?(reading input: inout BinaryReader) {
    guard let seed = input.uint64(), let count = input.int(),
      count >= Self.blockWords, count <= Self.largest, count % Self.blockWords == 0,
      let storage = input.withBytes(
        count * 8,
        { bytes in
          let storage = Words(count: count)
          UnsafeMutableRawBufferPointer(start: storage.words, count: count * 8)
            .copyMemory(from: bytes)
          return storage
        })
    else { return nil }
    self.storage = storage
    self.seed = seed
  }
}

/// A filter's words, aligned so that each block starts a cache line (of 64 bytes; 128 for the
/// processors that fetch lines in pairs).
private final class Words: @unchecked Sendable {
  let words: UnsafeMutablePointer<UInt64>
  let count: Int

  /// `count` words, all 0.
  init(count: Int) {
    self.count = count
    words = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 128)
      .bindMemory(to: UInt64.self, capacity: count)
    words.initialize(repeating: 0, count: count)
  }

  /// A copy of `other`.
  convenience init(copying other: Words) {
    self.init(count: other.count)
    words.update(from: other.words, count: count)
  }

  deinit { words.deallocate() }
}
