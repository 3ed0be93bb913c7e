import Foundation

/// Runs the built `ledger` binary from several threads at once, for the stress and kill tests.
/// (Swift concurrency's pool has one thread per core, too few to block on 8 processes.)
enum Spawn {
  /// The binary: `LEDGER_TEST_BINARY` when set (to run these tests against another build),
  /// else the debug build.
  static var binary: String {
    ProcessInfo.processInfo.environment["LEDGER_TEST_BINARY"] ?? Binary.path
  }

  /// Exit status and output of one run.
  struct Outcome: Sendable {
    var status: Int32
    var stderr: String
  }

  /// Starts the binary with `arguments`; stdout is discarded, stderr kept.
  static func start(_ arguments: [String], environment: [String: String]) throws -> (
    Process, Pipe
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let err = Pipe()
    process.standardError = err
    try process.run()
    return (process, err)
  }

  /// Runs the binary to the end.
  static func run(_ arguments: [String], environment: [String: String]) -> Outcome {
    guard let (process, err) = try? start(arguments, environment: environment) else {
      return Outcome(status: -1, stderr: "could not start \(binary)")
    }
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
  }

  /// Runs `body(worker)` for each worker on its own thread and waits for all of them.
  static func concurrently<T: Sendable>(_ workers: Int, _ body: @escaping @Sendable (Int) -> T)
    -> [T]
  {
    let results = Results<T>(count: workers)
    let group = DispatchGroup()
    for worker in 0..<workers {
      group.enter()
      let thread = Thread {
        results.set(worker, body(worker))
        group.leave()
      }
      thread.start()
    }
    group.wait()
    return results.values.compactMap { $0 }
  }

  /// Results collected from threads.
  final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [T?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
      lock.lock()
      values[index] = value
      lock.unlock()
    }
  }
}
