import Foundation

/// Writes a site into its folder without ever losing anything that is not a previous site.
///
/// The files go to a new folder beside the target first; only when every byte is written is
/// it renamed into place, so a reader sees the old site or the new one, never a mix. The
/// target must be new, empty, or a previous site (it holds the `marker` file this writes),
/// and may not be inside the ledger folder: anything else is refused before a byte is written.
public enum SiteFolder {
  /// The file that marks a folder as a site `ledger site` wrote, and may replace.
  public static let marker = ".ledger-site"

  /// What the marker says to a person who finds it.
  static let markerText =
    "This folder was written by `ledger site`. The next `ledger site --out` to it replaces "
    + "the whole folder; put nothing else here.\n"

  /// Writes `pages` to the folder `out`, replacing a previous site there.
  /// - Parameters:
  ///   - pages: the site's files, with relative paths.
  ///   - out: the folder to write; its parent folders are created when missing.
  ///   - ledger: the ledger folder, which the site may not be written into.
  ///   - suffix: distinguishes this run's temporary folders from another's.
  /// - Throws: `SiteError` when the folder is not safe to write or a write fails; the target
  ///   is then as it was.
  public static func write(_ pages: [SitePage], to out: String, ledger: String, suffix: String)
    throws(SiteError)
  {
    let files = FileManager.default
    let target = URL(fileURLWithPath: out).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    guard !name.isEmpty, name != "/", name != ".", name != ".." else {
      throw SiteError.unsafe(out, "is not a folder name")
    }
    do {
      try files.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw SiteError.io(parent.path, "cannot create the folder: \(error.localizedDescription)")
    }
    let realParent = parent.resolvingSymlinksInPath().path
    let realTarget = (realParent == "/" ? "" : realParent) + "/" + name
    let realLedger = URL(fileURLWithPath: ledger).standardizedFileURL.resolvingSymlinksInPath().path
    if realTarget == realLedger || realTarget.hasPrefix(realLedger + "/") {
      throw SiteError.unsafe(out, "is inside the ledger folder \(ledger); write the site elsewhere")
    }
    if realLedger.hasPrefix(realTarget + "/") {
      throw SiteError.unsafe(out, "holds the ledger folder \(ledger); write the site elsewhere")
    }
    let exists = try checkReplaceable(out, at: realTarget)
    let temporary = realParent + "/." + name + ".site-new-" + suffix
    do {
      try files.createDirectory(atPath: temporary, withIntermediateDirectories: false)
    } catch {
      throw SiteError.io(temporary, "cannot create the folder: \(error.localizedDescription)")
    }
    var placed = false
    defer { if !placed { try? files.removeItem(atPath: temporary) } }
    for page in pages + [SitePage(path: marker, text: markerText)] {
      let path = temporary + "/" + page.path
      let folder = (path as NSString).deletingLastPathComponent
      do {
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(page.bytes).write(to: URL(fileURLWithPath: path))
      } catch {
        throw SiteError.io(path, "cannot write: \(error.localizedDescription)")
      }
    }
    let old = realParent + "/." + name + ".site-old-" + suffix
    if exists, rename(realTarget, old) != 0 {
      throw SiteError.io(
        out, "cannot move the previous site aside: \(String(cString: strerror(errno)))")
    }
    guard rename(temporary, realTarget) == 0 else {
      let reason = String(cString: strerror(errno))
      if exists { _ = rename(old, realTarget) }
      throw SiteError.io(out, "cannot move the new site into place: \(reason)")
    }
    placed = true
    if exists { try? files.removeItem(atPath: old) }
  }

  /// Whether the folder at `path` exists and may be replaced: it must be a real folder (not
  /// a link or a file), and empty or a previous site.
  /// - Returns: whether it exists.
  /// - Throws: `SiteError.unsafe` naming `out` when it may not be replaced.
  static func checkReplaceable(_ out: String, at path: String) throws(SiteError) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return false }
    if (status.st_mode & S_IFMT) == S_IFLNK {
      throw SiteError.unsafe(out, "is a symbolic link; give the folder it points to")
    }
    guard (status.st_mode & S_IFMT) == S_IFDIR else {
      throw SiteError.unsafe(out, "is a file, not a folder; choose a new or empty folder")
    }
    let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    if contents.isEmpty || contents.contains(marker) {
      // An empty folder is replaced by the new one; it must not be a mount point or the like,
      // so it has to be removable now.
      if contents.isEmpty, rmdir(path) != 0 {
        throw SiteError.unsafe(out, "is an empty folder that cannot be replaced")
      }
      return !contents.isEmpty
    }
    throw SiteError.unsafe(
      out,
      "is not empty and was not written by `ledger site` (it has no \(marker) file); "
        + "choose a new or empty folder, so that nothing else is replaced")
  }
}

/// Why `ledger site` could not write its folder.
public enum SiteError: Error, CustomStringConvertible, Equatable {
  /// Writing there could lose something: the folder and why.
  case unsafe(String, String)
  /// A file operation failed: the path and why.
  case io(String, String)

  public var description: String {
    switch self {
    case .unsafe(let path, let reason): return "--out \(path) \(reason); nothing was written"
    case .io(let path, let reason): return "\(path): \(reason); the previous site is unchanged"
    }
  }
}
