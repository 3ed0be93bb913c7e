import Foundation

/// Numbers for the services one replay meets, in the order its decoding threads first meet
/// them, shared by those threads: the replay cache groups volume reports by number rather than
/// by name, and each thread's memo remembers the numbers, so the shared table is asked only
/// once per service and thread.
final class ServiceNumbers: @unchecked Sendable {
  private var numbers: [String: Int32] = [:]
  private let lock = NSLock()

  /// The number of `service`, given on first sight.
  func number(of service: String) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    if let known = numbers[service] { return known }
    let number = Int32(truncatingIfNeeded: numbers.count)
    numbers[service] = number
    return number
  }
}
