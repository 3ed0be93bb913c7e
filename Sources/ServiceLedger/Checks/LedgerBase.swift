import Foundation

/// The ledger as it was (for example the target branch's copy), for the `append-only` rule:
/// a folder means every `*.jsonl` file directly inside it, compared with the ledger's files
/// (a file of the ledger that the base lacks is new); a file means that one file, compared
/// with the ledger's file of the same name alone (the ledger's other files are not compared).
public struct LedgerBase: Sendable {
  /// The path as the user gave it.
  public let path: String

  public init(path: String) { self.path = path }

  /// Whether the path names an existing file or folder.
  public var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// The name of the base's one file, when the base is a file (the only file of the ledger it
  /// is compared with); nil for a folder (or a path that does not exist).
  public var fileName: String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return nil }
    return URL(fileURLWithPath: path).lastPathComponent
  }

  /// Whether the base is a folder with a `roles.json` (of any content: one the ledger lacks
  /// was removed, whatever it granted).
  var hasRoles: Bool { fileName == nil && LedgerFolder(path: path).hasFile(Roles.fileName) }

  /// The base's `roles.json`, when it is a folder with one: the roles in force for a change
  /// that removes the ledger's.
  /// - Throws: `LedgerError.invalidConfiguration` naming the base's file and what is wrong.
  func roles() throws(LedgerError) -> Roles? {
    fileName == nil ? try Roles.load(from: LedgerFolder(path: path)) : nil
  }

  /// The ledger's files the base is compared with, of `names` (all of a folder's).
  func compared(_ names: some Sequence<String>) -> [String] {
    let only = fileName
    return names.filter { name in only.map { $0 == name } ?? true }
  }

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
