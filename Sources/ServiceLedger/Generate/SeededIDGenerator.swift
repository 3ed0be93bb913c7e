import Foundation

/// Deterministic version-4-shaped UUIDs from a seed (SplitMix64), for reproducible ledgers.
public final class SeededIDGenerator: @unchecked Sendable {
  private var state: UInt64
  private let lock = NSLock()

  public init(seed: UInt64) { state = seed }

  @Sendable public func next() -> EventID {
    lock.lock()
    defer { lock.unlock() }
    let high = step()
    let low = step()
    let hex = Format.hex(high, width: 16) + Format.hex(low, width: 16)
    let chars = Array(hex)
    var uuid = String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-4" + String(chars[13..<16])
    let variant = ["8", "9", "a", "b"][Int(low >> 62)]
    uuid += "-" + variant + String(chars[17..<20]) + "-" + String(chars[20..<32])
    return EventID(unchecked: uuid)
  }

  private func step() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
