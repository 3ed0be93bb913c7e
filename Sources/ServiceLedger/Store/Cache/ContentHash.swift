#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash of every byte of a file, that can be carried on as the file grows: the replay cache's
/// proof that the part of a log file it covers is unchanged.
///
/// Four 64-bit lanes take 32-byte stripes (the xxHash64 round: multiply, rotate, multiply), so
/// it runs at memory speed; the state (lanes, the bytes of an unfinished stripe, the length) is
/// what is kept and compared, 256 bits and the length. It notices any accidental or careless
/// change; it is not a defence against someone crafting a collision, who could as well edit
/// the log itself (what `ledger check --base` in CI guards against).
struct ContentHash: Sendable, Equatable {
  private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

  var lanes: (UInt64, UInt64, UInt64, UInt64) = (
    0x6A09_E667_F3BC_C908, 0xBB67_AE85_84CA_A73B, 0x3C6E_F372_FE94_F82B,
    0xA54F_F53A_5F1D_36F1
  )
  /// The bytes after the last whole stripe (fewer than 32).
  var pending: [UInt8] = []
  /// The bytes hashed.
  var length = 0

  static func == (lhs: ContentHash, rhs: ContentHash) -> Bool {
    lhs.lanes == rhs.lanes && lhs.pending == rhs.pending && lhs.length == rhs.length
  }

  @inline(__always)
  private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
    var lane = lane &+ word &* prime2
    lane = (lane << 31) | (lane >> 33)
    return lane &* prime1
  }

  /// Adds `bytes`.
  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    length += bytes.count
    var offset = 0
    if !pending.isEmpty {
      let take = min(32 - pending.count, bytes.count)
      pending += UnsafeRawBufferPointer(start: base, count: take)
      offset = take
      guard pending.count == 32 else { return }
      let stripe = pending
      pending = []
      stripe.withUnsafeBytes { stripeBytes in
        if let start = stripeBytes.baseAddress { consume(start, stripes: 1) }
      }
    }
    let stripes = (bytes.count - offset) / 32
    consume(base + offset, stripes: stripes)
    offset += stripes * 32
    if offset < bytes.count {
      pending = Array(UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
    }
  }

  /// Adds `bytes`.
  mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// The bytes of `digest`.
  static let digestSize = 40

  /// What the state comes to, as bytes to keep at the end of a file: the lanes once the bytes
  /// of an unfinished stripe are taken in (after zeros to fill it), then the length.
  var digest: [UInt8] {
    var hash = self
    if !pending.isEmpty { hash.update([UInt8](repeating: 0, count: 32 - pending.count)) }
    var out = BinaryWriter()
    for lane in [hash.lanes.0, hash.lanes.1, hash.lanes.2, hash.lanes.3, UInt64(length)] {
      out.write(lane)
    }
    return out.bytes
  }

  private mutating func consume(_ start: UnsafeRawPointer, stripes: Int) {
    var (a, b, c, d) = lanes
    var pointer = start
    for _ in 0..<stripes {
      a = Self.round(a, UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)))
      b = Self.round(
        b, UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
      c = Self.round(
        c, UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
      d = Self.round(
        d, UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
      pointer += 32
    }
    lanes = (a, b, c, d)
  }

  /// The hash of the first `length` bytes of the open file `descriptor`, read a megabyte at a
  /// time; nil when it has fewer.
  static func of(_ descriptor: Int32, length: Int) -> ContentHash? {
    var hash = ContentHash()
    var buffer = [UInt8](repeating: 0, count: min(max(length, 1), 1 << 20))
    var offset = 0
    while offset < length {
      let want = min(buffer.count, length - offset)
      let count = buffer.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress, want, off_t(offset))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
      offset += count
    }
    return hash
  }
}
