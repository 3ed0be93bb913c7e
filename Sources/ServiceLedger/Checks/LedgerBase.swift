import Foundation

/// The ledger as it was (for example the target branch's copy), for the `append-only` rule:
/// a folder means every `*.jsonl` file directly inside it, a file means that one file.
public struct LedgerBase: Sendable {
  /// The path as the user gave it.
  public let path: String

  public init(path: String) { self.path = path }

  /// Whether the path names an existing file or folder.
  public var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// The base's files by name (the file name without its folder), with their bytes.
  /// - Throws: `LedgerError.io` when the path is missing or cannot be read.
  public func files() throws(LedgerError) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for (name, path) in try filePaths() { files[name] = try FileIO.readRegular(path) }
    return files
  }

  /// The paths of the base's files by name, as `files()` names them.
  /// - Throws: `LedgerError.io` when the path is missing or cannot be read.
  func filePaths() throws(LedgerError) -> [String: String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw LedgerError.io(path: path, reason: "no such file or folder for --base")
    }
    guard isDirectory.boolValue else {
      return [URL(fileURLWithPath: path).lastPathComponent: path]
    }
    let folder = LedgerFolder(path: path)
    var paths: [String: String] = [:]
    for name in try folder.fileNames() { paths[name] = folder.path(of: name) }
    return paths
  }

  /// The latest `at` of the base's readable events, nil when it has none.
  /// - Throws: `LedgerError.io` when the base cannot be read.
  public func latestAt() throws(LedgerError) -> Timestamp? {
    let reader = LogFileReader()
    var latest: Timestamp?
    for (name, bytes) in try files() {
      for event in reader.read(bytes, name: name).events {
        latest = max(latest ?? event.at, event.at)
      }
    }
    return latest
  }
}
