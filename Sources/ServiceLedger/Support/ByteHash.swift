/// A fast hash of a few ASCII bytes for `Hashable._rawHashValue(seed:)`: eight bytes at a time,
/// each word mixed with the seed by a 64×64→128-bit multiply folded to 64 bits (as wyhash
/// does). The seed is the process's random one, so that keys cannot be crafted to collide.
enum ByteHash {
  /// The hash of `bytes`, or nil when they are not all ASCII.
  static func asciiValue(of bytes: UnsafeRawBufferPointer, seed: Int) -> Int? {
    var state = UInt64(truncatingIfNeeded: seed) ^ 0xA076_1D64_78BD_642F
    var high: UInt64 = 0
    var offset = 0
    let count = bytes.count
    while offset + 8 <= count {
      let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      high |= word
      state = mix(state ^ word)
      offset += 8
    }
    if offset < count {
      var last: UInt64 = 0
      for index in offset..<count {
        last |= UInt64(bytes[index]) << (8 * UInt64(index - offset))
      }
      high |= last
      state = mix(state ^ last)
    }
    guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
    return Int(truncatingIfNeeded: mix(state ^ UInt64(count)))
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    let product = (value ^ 0xE703_7ED1_A0B4_28DB).multipliedFullWidth(by: 0x8EBC_6AF0_9C88_C6E3)
    return product.high ^ product.low
  }
}
