import Foundation

/// Runs a program found on the PATH (`git`, `bash`) from the package root, for tests about the
/// repository itself.
enum ShellCommand {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `arguments` (the program first) in `packageRoot`, with `environment` added to this
  /// process's; nil when the program cannot be started.
  static func run(_ arguments: [String], environment: [String: String] = [:]) -> Result? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return nil }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
