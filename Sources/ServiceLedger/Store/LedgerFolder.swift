import Foundation

/// A ledger folder: every `*.jsonl` file directly inside it is part of the log.
public struct LedgerFolder: Sendable {
  /// The file new events go to unless another is named.
  public static let defaultFile = "ledger.jsonl"

  /// The folder's path as the user gave it.
  public let path: String

  public init(path: String) { self.path = path }

  /// Whether `name` is a file name the ledger accepts: `NAME.jsonl`, no folders.
  public static func isValidFileName(_ name: String) -> Bool {
    guard name.hasSuffix(".jsonl"), name.count > 6, !name.hasPrefix(".") else { return false }
    return name.utf8.allSatisfy { byte in
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
  }

  /// Whether the folder exists.
  public var exists: Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The `*.jsonl` files of the log, sorted by name.
  /// - Throws: `LedgerError.noLedger` when the folder is missing.
  public func fileNames() throws(LedgerError) -> [String] {
    guard exists else { throw LedgerError.noLedger(path: path) }
    do {
      return try FileManager.default.contentsOfDirectory(atPath: path)
        .filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
        .sorted()
    } catch {
      throw LedgerError.io(path: path, reason: "cannot list the folder: \(error)")
    }
  }

  /// The full path of a file in the folder.
  public func path(of file: String) -> String {
    path.hasSuffix("/") ? path + file : path + "/" + file
  }

  /// Reads and replays the whole log.
  /// - Throws: `LedgerError` when the folder or a file cannot be read; bad lines are not
  ///   errors here but `Ledger.problems`.
  public func read() throws(LedgerError) -> Ledger {
    var contents: [String: LogFileReader.FileContents] = [:]
    let reader = LogFileReader()
    for name in try fileNames() {
      contents[name] = reader.read(try bytes(of: name), name: name)
    }
    return Ledger(files: contents)
  }

  /// Reads and replays the whole log, requiring every line to be valid.
  /// - Throws: `LedgerError.invalidLog` listing the problems.
  public func readValid() throws(LedgerError) -> Ledger {
    let ledger = try read()
    guard ledger.problems.isEmpty else {
      throw LedgerError.invalidLog(folder: path, problems: ledger.problems)
    }
    return ledger
  }

  /// The raw bytes of one file (empty when it does not exist).
  public func bytes(of name: String) throws(LedgerError) -> [UInt8] {
    let full = path(of: name)
    guard FileManager.default.fileExists(atPath: full) else { return [] }
    guard let data = FileManager.default.contents(atPath: full) else {
      throw LedgerError.io(path: full, reason: "cannot be read")
    }
    return [UInt8](data)
  }
}

extension LedgerFolder {
  /// The bytes of any file, for input such as `ledger append FILE`.
  /// - Throws: `LedgerError.io` when it is missing or unreadable.
  public func bytes(ofPath path: String) throws(LedgerError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LedgerError.io(path: path, reason: "no such file, or it cannot be read")
    }
    return [UInt8](data)
  }
}
