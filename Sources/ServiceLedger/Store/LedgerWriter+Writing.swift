#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LedgerWriter {
  /// One file being appended to.
  private struct OpenFile {
    var name: String
    var path: String
    var descriptor: Int32
    /// Its length before the append, to truncate back to.
    var length: off_t
  }

  /// Appends `output` to its files; the caller holds the folder's exclusive `lock`.
  ///
  /// With `journaled`, the files' lengths are recorded in an `AppendJournal` (`fsync`ed, and
  /// the folder too) before the first byte, and the journal is removed (and the removal
  /// `fsync`ed) only after every file is `fsync`ed: a batch cut off by a crash is then left out
  /// by readers and rolled back by `ledger repair`. On any failure the files are truncated
  /// back to their old lengths and the journal is removed.
  /// - Throws: `LedgerError.io` naming the file that failed; the files are as they were.
  func write(_ output: [(file: String, bytes: [UInt8])], journaled: Bool, lock: FileLock)
    throws(LedgerError)
  {
    var files: [OpenFile] = []
    defer { for file in files { close(file.descriptor) } }
    var created = false
    for item in output {
      let path = folder.path(of: item.file)
      if !folder.hasFile(item.file) { created = true }
      let (descriptor, length) = try FileIO.openForAppend(path)
      files.append(OpenFile(name: item.file, path: path, descriptor: descriptor, length: length))
      // The folder lock is what serialises the tool's writers; the file lock also keeps out
      // other programs that lock the file itself before appending.
      while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FileIO.error(path) }
      }
    }
    let journalPath = folder.path(of: AppendJournal.fileName)
    if journaled {
      var lengths: [String: Int] = [:]
      for file in files { lengths[file.name] = Int(file.length) }
      try FileIO.replace(journalPath, bytes: AppendJournal(lengths: lengths).bytes)
      guard lock.sync() else { throw FileIO.error(folder.path) }
    }
    do throws(LedgerError) {
      for (file, item) in zip(files, output) {
        try FileIO.writeAll(item.bytes, to: file.descriptor, path: file.path)
        guard fsync(file.descriptor) == 0 else { throw FileIO.error(file.path) }
      }
      if journaled { try FileIO.remove(journalPath) }
      // A new file's name, and the journal's removal, are durable only once the folder is.
      if journaled || created {
        guard lock.sync() else { throw FileIO.error(folder.path) }
      }
    } catch {
      for file in files {
        _ = ftruncate(file.descriptor, file.length)
        _ = fsync(file.descriptor)
      }
      if journaled {
        try? FileIO.remove(journalPath)
        lock.sync()
      }
      throw error
    }
  }
}
