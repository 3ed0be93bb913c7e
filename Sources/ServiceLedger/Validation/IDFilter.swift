/// A Bloom filter of event ids, of a fixed size: it answers "certainly not seen" or "maybe
/// seen", and holds a log of any length in the same memory.
///
/// Each id sets 16 bits in one 64-byte block (two in each of its eight words), so an insert
/// or a look-up touches one cache line. At 64 bits an id (the size a replay gives it, up to
/// its largest) a "maybe" for an id never seen comes about once in ten million; at 44 bits
/// an id (3,000,000 events in the largest filter) about once in a hundred million.
///
/// Which block an id goes to depends on a random seed as well as on its bits, so that ids
/// crafted to share a block (an id's mix can be undone) do not fill it and make every
/// answer "maybe".
struct IDFilter: Sendable {
  /// The words, each block on a cache line of its own; shared by copies until one changes.
  private var storage: Words
  /// Mixed into every id's bits; kept with a saved filter.
  let seed: UInt64

  /// The most memory a filter takes: 16 MiB.
  static let largest = 1 << 21
  /// The least: 512 bytes.
  static let smallest = 64

  /// An empty filter of at least `words` 64-bit words (the next power of two, at least 8).
  init(words: Int, seed: UInt64 = .random(in: .min ... .max)) {
    var size = 8
    while size < min(words, Self.largest) { size <<= 1 }
    storage = Words(count: size)
    self.seed = seed
  }

  /// A filter for the ids of a log of `bytes` bytes: 64 bits for every 256 bytes of it (a
  /// line of the log is 150 to 400), between `smallest` and `largest` words; or
  /// `fixedWords` words, where set.
  init(forLogOf bytes: Int) {
    self.init(words: Self.fixedWords ?? max(Self.smallest, bytes / 256))
  }

  /// The size of every filter made for a log, where set: tests make it tiny, so that most
  /// answers are "maybe" and the replay must settle them.
  @TaskLocal static var fixedWords: Int?

  /// Its size in bytes.
  var byteCount: Int { storage.count * 8 }

  /// Where an id's bits go: the block's first word, and the two bits of each word.
  struct Place {
    let block: Int
    let high: UInt64
    let low: UInt64

    /// The two bits of word `index` (0 ..< 8).
    func mask(_ index: Int) -> UInt64 {
      let shift = UInt64(index * 6)
      return 1 << (high >> shift & 63) | 1 << (low >> shift & 63)
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
      let block = Int(truncatingIfNeeded: (top * UInt64(words / 8)) >> 32)
      return Place(block: block * 8, high: high, low: low)
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
    for index in 0..<8 {
      let mask = place.mask(index)
      isNew = isNew || block[index] & mask != mask
      block[index] |= mask
    }
    return isNew
  }

  /// Reads the blocks at `places`, so that inserting them soon after finds them in the cache.
  func warm(_ places: some Sequence<Place>) {
    var sum: UInt64 = 0
    for place in places { sum &+= storage.words[place.block] }
    keep(sum)
  }

  /// Whether `id` may have been added: false means certainly not.
  func contains(_ id: EventID) -> Bool {
    let place = place(id)
    let block = storage.words + place.block
    return (0..<8).allSatisfy { block[$0] & place.mask($0) == place.mask($0) }
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
      count >= 8, count <= Self.largest, count.nonzeroBitCount == 1,
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

/// A filter's words, aligned so that each block of eight is one cache line.
private final class Words: @unchecked Sendable {
  let words: UnsafeMutablePointer<UInt64>
  let count: Int

  /// `count` words, all 0.
  init(count: Int) {
    self.count = count
    words = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 64)
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
