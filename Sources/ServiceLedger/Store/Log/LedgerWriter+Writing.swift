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
    /// Whether this append created it (it is removed again on failure).
    var created: Bool
  }

  /// Appends `output` to its files; the caller holds the folder's exclusive `lock`.
  ///
  /// With `journaled`, the files' lengths are recorded in an `AppendJournal` (`fsync`ed, and
  /// the folder too) before the first byte, and the journal is removed (and the removal
  /// `fsync`ed) only after every file is `fsync`ed: a batch cut off by a crash is then left out
  /// by readers and rolled back by the next writer or `ledger repair`. On any failure the
  /// files are truncated back to their old lengths (files this append created are removed)
  /// and the journal is removed; if a file cannot be truncated back, the journal stays, so
  /// that readers still leave the batch out and the next writer rolls it back.
  /// - Throws: `LedgerError.io` naming the file that failed, and saying whether the files are
  ///   as they were.
  func write(_ output: [(file: String, bytes: [UInt8])], journaled: Bool, lock: FileLock)
    throws(LedgerError)
  {
    var files: [OpenFile] = []
    defer { for file in files { close(file.descriptor) } }
    do throws(LedgerError) {
      for item in output {
        let path = folder.path(of: item.file)
        try folder.checkAppendTarget(item.file)
        let created = !folder.hasFile(item.file)
        let (descriptor, length) = try FileIO.openForAppend(path)
        files.append(
          OpenFile(
            name: item.file, path: path, descriptor: descriptor, length: length,
            created: created))
        // The folder lock is what serialises the tool's writers; the file lock also keeps out
        // other programs that lock the file itself before appending.
        while flock(descriptor, LOCK_EX) != 0 {
          guard errno == EINTR else { throw FileIO.error(path) }
        }
      }
    } catch {
      undo(files, journaled: false, lock: lock)
      throw Self.unwritten(error, undone: true)
    }
    let journalPath = folder.path(of: AppendJournal.fileName)
    do throws(LedgerError) {
      if journaled {
        var lengths: [String: Int] = [:]
        var batches: [String: [UInt8]] = [:]
        for (file, item) in zip(files, output) {
          lengths[file.name] = Int(file.length)
          batches[file.name, default: []] += item.bytes
        }
        try writeJournal(AppendJournal(lengths: lengths, batches: batches), to: journalPath)
        try faults.sync(lock.descriptor, path: folder.path)
      }
      for (file, item) in zip(files, output) {
        try faults.write(item.bytes, to: file.descriptor, path: file.path)
        try faults.sync(file.descriptor, path: file.path)
      }
      if journaled {
        try faults.step(journalPath)
        try FileIO.remove(journalPath)
      }
      // A new file's name, and the journal's removal, are durable only once the folder is.
      if journaled || files.contains(where: \.created) {
        try faults.sync(lock.descriptor, path: folder.path)
      }
    } catch {
      throw Self.unwritten(error, undone: undo(files, journaled: journaled, lock: lock))
    }
  }

  /// Writes and `fsync`s the journal; a journal that cannot be written whole is removed.
  private func writeJournal(_ journal: AppendJournal, to path: String) throws(LedgerError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileIO.error(path) }
    defer { close(descriptor) }
    try faults.write(journal.bytes, to: descriptor, path: path)
    try faults.sync(descriptor, path: path)
  }

  /// Truncates `files` back to their old lengths (removing those the append created), then
  /// removes the journal when every file is back.
  /// - Returns: whether every file is as it was.
  @discardableResult
  private func undo(_ files: [OpenFile], journaled: Bool, lock: FileLock) -> Bool {
    var undone = true
    for file in files {
      if file.created {
        undone = (unlink(file.path) == 0 || errno == ENOENT) && undone
      } else {
        undone = ftruncate(file.descriptor, file.length) == 0 && undone
        undone = fsync(file.descriptor) == 0 && undone
      }
    }
    // Without `journaled` the journal may still be half written: it goes too.
    let journalPath = folder.path(of: AppendJournal.fileName)
    if undone || !journaled {
      undone = (unlink(journalPath) == 0 || errno == ENOENT) && undone
    }
    return lock.sync() && undone
  }

  /// A failed write's error, saying whether the files are as they were.
  private static func unwritten(_ error: LedgerError, undone: Bool) -> LedgerError {
    guard case .io(let path, let reason) = error else { return error }
    return LedgerError.io(
      path: path,
      reason: undone
        ? reason + "\nnothing was written"
        : reason + "\nthe append could not be undone and is left out of the log; "
          + "run `ledger repair` once the disk has room")
  }
}
