@testable import ServiceLedger

/// Helpers on the library's seeded generator (SplitMix64), so fuzz, stress and differential
/// tests are deterministic: the same seed gives the same inputs on every run and machine.
extension SplitMix64 {
  /// A random byte.
  mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }

  /// A random index into a collection of `count` elements (`count` > 0).
  mutating func index(_ count: Int) -> Int { Int.random(in: 0..<count, using: &self) }

  /// A random whole number in `0..<bound` (`bound` > 0).
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// One of `choices` (non-empty).
  mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}
