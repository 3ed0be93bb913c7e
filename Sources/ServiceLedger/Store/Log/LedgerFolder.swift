import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// The `*.jsonl` files of the log, sorted by name: regular files (or links to them) only.
  /// Anything else named `*.jsonl` (a FIFO, a device, a folder, a dangling link) is never
  /// opened, so that it cannot make a reader wait forever; `notLogFiles()` lists them for
  /// `ledger check`. Two names for one file (a link to another log file of the folder, or a
  /// hard link) are refused: its lines would be read twice.
  /// - Throws: `LedgerError.noLedger` when the folder is missing, `LedgerError.io` naming both
  ///   names of a file named twice.
  public func fileNames() throws(LedgerError) -> [String] {
    try logFiles().map(\.name)
  }

  /// The files `fileNames()` lists, each with the device and inode its name led to when
  /// listed: a reader that opens it later checks it is still that file.
  /// - Throws: as `fileNames()`.
  func logFiles() throws(LedgerError) -> [(name: String, identity: FileIdentity)] {
    var files: [(name: String, identity: FileIdentity)] = []
    var seen: [FileIdentity: String] = [:]
    for name in try logNames() {
      var status = stat()
      guard stat(path(of: name), &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
        continue
      }
      let identity = FileIdentity(status)
      if let other = seen[identity] { throw sameFile(other, name) }
      seen[identity] = name
      files.append((name, identity))
    }
    return files
  }

  /// A file's device and inode: what two names of one file share.
  struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
    }
  }

  /// The error for `first` and `second`, two names of the folder for one file: the one that is
  /// a symbolic link (the second when both or neither are) is named as the one to remove.
  private func sameFile(_ first: String, _ second: String) -> LedgerError {
    func isLink(_ name: String) -> Bool {
      var status = stat()
      return lstat(path(of: name), &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }
    let (kept, extra) = isLink(first) && !isLink(second) ? (second, first) : (first, second)
    // Names as they are listed: a newline or an escape in one must not reach the terminal.
    let (keptName, extraName) = (Format.terminalSafe(kept), Format.terminalSafe(extra))
    guard isLink(extra) else {
      return .io(
        path: path(of: extra),
        reason: "is the same file as \(keptName) (a hard link: two names for one file), so its "
          + "lines would be read twice; remove one of the two names, then try again")
    }
    guard !isLink(kept) else {
      return .io(
        path: path(of: extra),
        reason: "is the same file as \(keptName) (both are symbolic links to one file), so its "
          + "lines would be read twice; remove one of the two links, then try again")
    }
    return .io(
      path: path(of: extra),
      reason: "is the same file as \(keptName) (a symbolic link to it), so its lines would be read "
        + "twice; remove \(extraName) (to write to the file, name it with --file \(keptName)), "
        + "then try again")
  }

  /// Every name in the folder that is `*.jsonl` and not hidden, sorted.
  private func logNames() throws(LedgerError) -> [String] {
    try names().filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
  }

  /// Every name in the folder.
  /// - Throws: `absence()` when it is not a folder, `LedgerError.io` with the system's reason
  ///   when it cannot be listed (`Permission denied`, with what to check).
  func names() throws(LedgerError) -> [String] {
    guard exists else { throw absence() }
    guard let directory = opendir(path) else {
      throw FileIO.error(path, action: "cannot list the folder")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while true {
      errno = 0
      guard let entry = readdir(directory) else { break }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    guard errno == 0 else { throw FileIO.error(path, action: "cannot list the folder") }
    return names
  }

  /// Why the folder is not there, for when `exists` is false: `LedgerError.noLedger` when
  /// nothing is at its path (or under a file), what is there when it is not a folder (a log
  /// file given for its folder, say), or the system's reason when the path cannot be followed
  /// (a folder above it that may not be searched, a loop of symbolic links).
  func absence() -> LedgerError {
    var status = stat()
    guard stat(path, &status) != 0 else {
      return .io(
        path: path,
        reason: "is \(FileIO.kind(status.st_mode)), not a ledger folder: give the folder that "
          + "holds the ledger's *.jsonl files with --ledger DIR (or LEDGER_DIR)")
    }
    let code = errno
    return code == ENOENT || code == ENOTDIR
      ? .noLedger(path: path) : FileIO.error(path, code: code)
  }

  /// Whether `name` is a regular file, following symbolic links.
  func isRegularFile(_ name: String) -> Bool {
    var status = stat()
    return stat(path(of: name), &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  /// The `*.jsonl` names of the folder that are not regular files, and what each is: the log
  /// leaves them out.
  /// - Throws: `LedgerError.noLedger` when the folder is missing.
  public func notLogFiles() throws(LedgerError) -> [(name: String, kind: String)] {
    try logNames().filter { !isRegularFile($0) }.map { name in
      var status = stat()
      if stat(path(of: name), &status) == 0 { return (name, FileIO.kind(status.st_mode)) }
      if lstat(path(of: name), &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
        return (name, "a symbolic link to nothing (dangling or looping)")
      }
      let code = errno
      // Listed, yet not there by the name listed: its bytes are not UTF-8, and each that is
      // not was read as U+FFFD, so the name no longer leads to it.
      if code == ENOENT, name.unicodeScalars.contains("\u{FFFD}") {
        return (name, Self.nameNotUTF8)
      }
      return (name, "unreadable: \(String(cString: strerror(code)))")
    }
  }

  /// The kind `notLogFiles()` gives an entry whose name is not UTF-8.
  public static let nameNotUTF8 = "named in bytes that are not UTF-8 (each shown as \u{FFFD})"

  /// The full path of a file in the folder.
  public func path(of file: String) -> String {
    path.hasSuffix("/") ? path + file : path + "/" + file
  }

  /// The raw bytes of one file (empty when it does not exist).
  /// - Throws: `LedgerError.io` when it cannot be read or is not a regular file.
  public func bytes(of name: String) throws(LedgerError) -> [UInt8] {
    let full = path(of: name)
    guard hasFile(name) else { return [] }
    return try FileIO.readRegular(full)
  }
}

extension LedgerFolder {
  /// The bytes of any file, for input such as `ledger append FILE`.
  /// - Throws: `LedgerError.io` when it is missing or unreadable.
  public func bytes(ofPath path: String) throws(LedgerError) -> [UInt8] {
    try FileIO.readRegular(path)
  }
}

extension LedgerFolder {
  /// Checks that the writer may append to `name`: missing (it is created), a regular file, or
  /// a symbolic link to a regular file directly in this folder. A link that leads out of the
  /// folder, to nothing, or to anything but a regular file is refused, so that an append never
  /// writes outside the ledger or creates a file at a link's far end.
  /// - Throws: `LedgerError.io` saying what `name` is.
  func checkAppendTarget(_ name: String) throws(LedgerError) {
    let full = path(of: name)
    var status = stat()
    guard lstat(full, &status) == 0 else {
      if errno == ENOENT { return }
      throw FileIO.error(full)
    }
    if status.st_mode & S_IFMT == S_IFLNK {
      guard let target = realpath(full, nil) else {
        throw LedgerError.io(
          path: full,
          reason: "is a symbolic link to nothing; the ledger does not create files "
            + "through links: remove the link or make it lead to a file in the folder")
      }
      defer { free(target) }
      let resolved = String(cString: target)
      let home = realpath(path, nil).map { pointer in
        defer { free(pointer) }
        return String(cString: pointer)
      }
      let parent = resolved.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/")
      guard let home, parent == home else {
        throw LedgerError.io(
          path: full,
          reason: "is a symbolic link that leads out of the ledger folder (to "
            + "\(resolved)); the ledger writes only to files in its folder: remove the link, "
            + "or put the file itself in its place")
      }
      guard stat(full, &status) == 0 else { throw FileIO.error(full) }
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw LedgerError.io(
        path: full,
        reason: "is \(FileIO.kind(status.st_mode)), not a regular file; a log file "
          + "must be a regular file")
    }
  }

  /// Removes the temporary files a killed process left while saving the replay cache
  /// (`.ledger-cache.tmp-PID`) or restamping a file (`.NAME.jsonl.tmp-restamp`); the caller
  /// holds the folder's exclusive lock, so no other process of the tool is writing one.
  func removeStaleTemporaryFiles() {
    guard let names = try? names() else { return }
    for name in names
    where (name.hasPrefix(ReplayCache.fileName) && name.contains(".tmp-"))
      || (name.hasPrefix(".") && name.hasSuffix(".jsonl.tmp-restamp"))
    {
      unlink(path(of: name))
    }
  }
}
