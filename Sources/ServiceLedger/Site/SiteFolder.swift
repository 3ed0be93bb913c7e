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
    let writer = try Writer(out, ledger: ledger, suffix: suffix)
    for page in pages { try writer.write(page) }
    try writer.finish()
  }

  /// A site being written: the files go into a new folder beside `out`, one at a time, and
  /// `finish` moves the folder into place. A writer left unfinished (a failure on the way)
  /// removes its folder and leaves `out` as it was.
  public final class Writer: SiteSink {
    private let out: String
    private let target: String
    private let parent: String
    /// The name, or as much of its end as leaves room in a name for `.site-new-` and suffix.
    private let stem: String
    private let temporary: String
    private let suffix: String
    private let exists: Bool
    private var placed = false
    /// The folders made so far inside the temporary one.
    private var folders: Set<String> = []

    /// Checks that `out` may be written (see `SiteFolder`) and makes the temporary folder.
    /// - Parameters:
    ///   - out: the folder to write; its parent folders are created when missing.
    ///   - ledger: the ledger folder, which the site may not be written into.
    ///   - suffix: distinguishes this run's temporary folders from another's.
    /// - Throws: `SiteError` when the folder is not safe to write; nothing is written then.
    public init(_ out: String, ledger: String, suffix: String) throws(SiteError) {
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
      let realLedger = URL(fileURLWithPath: ledger).standardizedFileURL
        .resolvingSymlinksInPath().path
      if realTarget == realLedger || realTarget.hasPrefix(realLedger + "/") {
        throw SiteError.unsafe(
          out, "is inside the ledger folder \(ledger); write the site elsewhere")
      }
      if realLedger.hasPrefix(realTarget + "/") {
        throw SiteError.unsafe(out, "holds the ledger folder \(ledger); write the site elsewhere")
      }
      exists = try checkReplaceable(out, at: realTarget)
      let stem = SiteFolder.stem(of: name, suffix: suffix)
      removeLeftovers(of: stem, in: realParent)
      let temporary = realParent + "/." + stem + ".site-new-" + suffix
      do {
        try files.createDirectory(atPath: temporary, withIntermediateDirectories: false)
      } catch {
        throw SiteError.io(temporary, "cannot create the folder: \(error.localizedDescription)")
      }
      self.out = out
      self.target = realTarget
      self.parent = realParent
      self.stem = stem
      self.temporary = temporary
      self.suffix = suffix
    }

    deinit {
      if !placed { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Writes one file of the site.
    /// - Throws: `SiteError.io` naming the file when it cannot be written.
    public func write(_ page: SitePage) throws(SiteError) {
      let path = try prepare(page.path)
      // Written with the system's calls, so that a failure gives the system's words (`No
      // space left on device`), not Foundation's "the operation could not be completed".
      let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw SiteError.io(path, "cannot write: \(String(cString: strerror(errno)))")
      }
      defer { close(descriptor) }
      do throws(LedgerError) {
        try FileIO.writeAll(page.bytes, to: descriptor, path: path)
      } catch {
        guard case .io(_, let reason) = error else { throw SiteError.io(path, "\(error)") }
        throw SiteError.io(path, "cannot write: \(reason)")
      }
    }

    /// Copies the first `lines` lines of the file at `source` (nil: the whole file) into the
    /// site at `path`, a block at a time.
    /// - Returns: how many lines and bytes were copied.
    /// - Throws: `SiteError.read` or `.io` naming the file that cannot be read or written.
    public func copy(_ source: String, to path: String, lines: Int?) throws(SiteError) -> (
      lines: Int, bytes: Int
    ) {
      let destination = try prepare(path)
      return try SiteCopy.lines(lines, from: source, to: destination)
    }

    /// Moves the finished site into place, replacing the previous one.
    /// - Throws: `SiteError.io` when it cannot be moved, `.unsafe` when another run put a site
    ///   there meanwhile; the target is then as it was.
    public func finish() throws(SiteError) {
      try write(SitePage(path: marker, text: markerText))
      let old = parent + "/." + stem + ".site-old-" + suffix
      if exists, rename(target, old) != 0 {
        throw SiteError.io(
          out, "cannot move the previous site aside: \(String(cString: strerror(errno)))")
      }
      guard rename(temporary, target) == 0 else {
        let code = errno
        if exists { _ = rename(old, target) }
        if !exists, code == ENOTEMPTY || code == EEXIST {
          throw SiteError.unsafe(
            out,
            "was written by another ledger site run meanwhile; run ledger site again to "
              + "replace it")
        }
        throw SiteError.io(
          out, "cannot move the new site into place: \(String(cString: strerror(code)))")
      }
      placed = true
      if exists { try? FileManager.default.removeItem(atPath: old) }
    }

    /// The path in the temporary folder of the site's `path`, its folder made.
    private func prepare(_ path: String) throws(SiteError) -> String {
      let full = temporary + "/" + path
      let folder = (full as NSString).deletingLastPathComponent
      if !folders.contains(folder) {
        do {
          try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        } catch {
          throw SiteError.io(full, "cannot write: \(error.localizedDescription)")
        }
        folders.insert(folder)
      }
      return full
    }
  }

  /// The part of the site folder's `name` its temporary folders are named after
  /// (`.STEM.site-new-SUFFIX`): the whole name, or as much of its end as fits with the rest in
  /// the 255 bytes a name may have.
  static func stem(of name: String, suffix: String) -> String {
    AtomicFile.ending(
      of: name, fitting: 255 - ".".utf8.count - ".site-new-".utf8.count - suffix.utf8.count)
  }

  /// Removes the folders beside the site that a run killed on its way left
  /// (`.STEM.site-new-PID-…`, `.STEM.site-old-PID-…`, a whole site each; `stem(of:suffix:)`):
  /// those whose process is gone. A running process's (or another user's) are left alone.
  static func removeLeftovers(of name: String, in parent: String) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    for entry in entries {
      for kind in [".site-new-", ".site-old-"] where entry.hasPrefix("." + name + kind) {
        let rest = entry.dropFirst(name.count + 1 + kind.count)
        guard let pid = Int32(rest.prefix { $0 != "-" }), pid > 0,
          kill(pid, 0) != 0, errno == ESRCH
        else { continue }
        try? FileManager.default.removeItem(atPath: parent + "/" + entry)
      }
    }
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
      "is not empty and was not written by ledger site (it has no \(marker) file); "
        + "choose a new or empty folder, so that nothing else is replaced")
  }
}

/// Why `ledger site` could not write its folder.
public enum SiteError: Error, CustomStringConvertible, Equatable {
  /// Writing there could lose something: the folder and why.
  case unsafe(String, String)
  /// Writing the site failed: the path and why.
  case io(String, String)
  /// Reading a file of the ledger failed: the path and why.
  case read(String, String)
  /// The report archive would hold more than `Site.archiveLimit` quarters: how many, the
  /// first and the last, and the latest as-of date within the limit.
  case tooManyReports(Int, first: Quarter, last: Quarter, latestAsOf: CivilDate)

  public var description: String {
    switch self {
    case .unsafe(let path, let reason): return "--out \(path) \(reason); nothing was written"
    case .io(let path, let reason):
      return "\(path): \(reason); nothing was replaced: the folder the site goes in must be "
        + "writable, with room for the site, or give another --out"
    case .read(let path, let reason):
      return "\(path): \(reason); nothing was replaced: the user running ledger must be able "
        + "to read the ledger's files"
    case .tooManyReports(let count, let first, let last, let latestAsOf):
      return "the site's archive would hold \(Format.integer(count)) quarterly board reports "
        + "(\(first) to \(last)), more than the \(Format.integer(Site.archiveLimit)) it holds at "
        + "most: check the year of --as-of, or give one up to \(latestAsOf); nothing was written"
    }
  }
}
