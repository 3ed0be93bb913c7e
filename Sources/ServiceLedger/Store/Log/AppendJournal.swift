import Foundation

/// The note a writer leaves in the ledger folder while a batch of several lines is being
/// written: each file's length before the batch, and what the batch writes there.
///
/// It makes a batch all-or-nothing even when the writer is killed or the machine stops half
/// way: the journal is written and `fsync`ed before the first line, and removed (and the
/// removal `fsync`ed) only after every file is. While it is there, readers leave the bytes past
/// each recorded length out of the log and report them, and `ledger repair` moves them aside.
/// A live writer holds the folder's exclusive lock, so a reader (who holds the shared lock)
/// only ever sees the journal of a writer that did not finish.
///
/// It answers only for the batch's own bytes: a file whose bytes past its recorded length are
/// not (a beginning of) what the batch wrote there was changed by other means since (a `git
/// pull` adding lines from elsewhere once the batch's were discarded), and the journal leaves
/// that file alone, so that it never hides, nor has a writer or repair move aside, lines that
/// are not the batch's.
///
/// A note of an older version names only each file's length (`{"files":{"ledger.jsonl":1234}}`)
/// and keeps that version's meaning: every byte past the length is the batch's. Read as leaving
/// out nothing, it would let the whole lines of a batch an older writer did not finish be read
/// as events after an upgrade, and have `ledger repair` keep them.
package struct AppendJournal: Sendable, Equatable {
  /// The journal's name in the ledger folder (hidden, and not `*.jsonl`: not part of the log).
  package static let fileName = ".ledger-append-in-progress"

  /// What the folder holds.
  enum State: Sendable, Equatable {
    /// No journal: no append was cut off.
    case none
    /// A journal that cannot be read: the writer stopped while writing it, before any line:
    /// it leaves out nothing.
    case unreadable
    /// An append that did not finish.
    case pending(AppendJournal)
  }

  /// What the batch writes to one file.
  struct Batch: Sendable, Equatable {
    /// The file's length in bytes before the batch.
    var length: Int
    /// How many bytes the batch writes.
    var byteCount: Int
    /// The hash (`lineHash`) of each line it writes, `\n` included, in order; nil in the note
    /// of an older version, which named only the length: every byte past it is the batch's.
    var lineHashes: [UInt64]?
  }

  /// Per file name.
  var files: [String: Batch]

  /// The journal of a batch writing `batches` (each file's bytes) to files of lengths
  /// `lengths`.
  init(lengths: [String: Int], batches: [String: [UInt8]]) {
    var files: [String: Batch] = [:]
    for (name, length) in lengths {
      let bytes = batches[name] ?? []
      var hashes: [UInt64] = []
      var start = 0
      while start < bytes.count {
        let end = (bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
        hashes.append(Self.lineHash(bytes[start..<end]))
        start = end
      }
      files[name] = Batch(length: length, byteCount: bytes.count, lineHashes: hashes)
    }
    self.files = files
  }

  init(files: [String: Batch]) { self.files = files }

  /// Each file's length in bytes before the batch.
  var lengths: [String: Int] { files.mapValues(\.length) }

  /// Whether an older version wrote it (lengths only): every byte past a length is the batch's.
  var isFromOlderVersion: Bool { files.values.contains { $0.lineHashes == nil } }

  /// A line's 64-bit FNV-1a hash: enough to tell the batch's lines from any others (it is not
  /// a defence against someone crafting lines, who could as well edit the log).
  static func lineHash(_ bytes: some Collection<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  /// The journal's bytes: `{"files":{"ledger.jsonl":{"length":1234,"bytes":567,"lines":
  /// ["0123456789abcdef",…]}}}`, one JSON object, so that a journal cut off while being
  /// written does not parse.
  var bytes: [UInt8] {
    let members = files.keys.sorted().map { name in
      let batch = files[name] ?? Batch(length: 0, byteCount: 0, lineHashes: [])
      guard let lineHashes = batch.lineHashes else {
        return JSONMember(key: name, value: .integer(batch.length))
      }
      return JSONMember(
        key: name,
        value: .object([
          JSONMember(key: "length", value: .integer(batch.length)),
          JSONMember(key: "bytes", value: .integer(batch.byteCount)),
          JSONMember(
            key: "lines",
            value: .array(lineHashes.map { .string(Format.hex($0, width: 16)) })),
        ]))
    }
    return Array(
      JSONValue.object([JSONMember(key: "files", value: .object(members))]).serialized().utf8)
  }

  /// Reads the journal of `folder`, if there is one.
  static func state(in folder: LedgerFolder) -> State {
    guard let bytes = try? folder.bytes(of: fileName), !bytes.isEmpty else {
      return folder.hasFile(fileName) ? .unreadable : .none
    }
    guard let text = String(validating: bytes, as: UTF8.self),
      case .object(let top)? = try? JSONParser.parse(text), top.count == 1,
      top[0].key == "files", case .object(let members) = top[0].value
    else { return .unreadable }
    var files: [String: Batch] = [:]
    for member in members {
      guard LedgerFolder.isValidFileName(member.key), let batch = Self.batch(member.value)
      else { return .unreadable }
      files[member.key] = batch
    }
    return .pending(AppendJournal(files: files))
  }

  /// One file's entry of the journal, nil when it is not one.
  private static func batch(_ value: JSONValue) -> Batch? {
    // An older version's note: the length alone.
    if case .number(let length) = value {
      guard let length = length.int, length >= 0 else { return nil }
      return Batch(length: length, byteCount: 0, lineHashes: nil)
    }
    guard case .object(let members) = value, members.count == 3,
      members[0].key == "length", case .number(let length) = members[0].value,
      let length = length.int, length >= 0,
      members[1].key == "bytes", case .number(let count) = members[1].value,
      let count = count.int, count >= 0,
      members[2].key == "lines", case .array(let lines) = members[2].value
    else { return nil }
    var hashes: [UInt64] = []
    for line in lines {
      guard case .string(let text) = line, text.utf8.count == 16,
        let hash = UInt64(text, radix: 16)
      else { return nil }
      hashes.append(hash)
    }
    return Batch(length: length, byteCount: count, lineHashes: hashes)
  }

  /// The length of `name` (at `path`) before the unfinished batch, when the file holds lines
  /// of that batch; nil when the file has nothing past its recorded length, when the recorded
  /// length is not at a line boundary, or when what follows it is not a beginning of the
  /// batch's bytes (the file was changed by other means). Reads only the byte before that
  /// length and the bytes after it, no more than the batch wrote.
  func committedLength(of name: String, at path: String) -> Int? {
    guard let batch = files[name] else { return nil }
    guard let lineHashes = batch.lineHashes else {
      return Self.committedLength(olderNote: batch.length, at: path)
    }
    let length = batch.length
    var status = stat()
    guard stat(path, &status) == 0, length < Int(status.st_size),
      Int(status.st_size) - length <= batch.byteCount
    else { return nil }
    let start = max(length - 1, 0)
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var tail = [UInt8](repeating: 0, count: Int(status.st_size) - start)
    var filled = 0
    while filled < tail.count {
      let count = tail.withUnsafeMutableBytes { raw in
        pread(
          descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled, off_t(start + filled)
        )
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      filled += count
    }
    if length > 0 {
      guard tail.first == UInt8(ascii: "\n") else { return nil }
      tail.removeFirst()
    }
    // Each whole line must be the batch's next one; a last line without `\n` is one being
    // written when the writer stopped.
    var index = 0
    var lineStart = 0
    while let end = tail[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
      guard index < lineHashes.count, Self.lineHash(tail[lineStart...end]) == lineHashes[index]
      else { return nil }
      index += 1
      lineStart = end + 1
    }
    guard lineStart == tail.count || index < lineHashes.count else { return nil }
    return length
  }

  /// The committed length by an older version's note, by that version's rule: `length` when
  /// the file has bytes past it and it is at a line boundary.
  private static func committedLength(olderNote length: Int, at path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0, length < Int(status.st_size) else { return nil }
    guard length > 0 else { return 0 }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var byte: UInt8 = 0
    guard pread(descriptor, &byte, 1, off_t(length - 1)) == 1, byte == UInt8(ascii: "\n")
    else { return nil }
    return length
  }
}

extension LedgerFolder {
  /// Whether a file (of any kind) named `name` exists in the folder.
  func hasFile(_ name: String) -> Bool {
    var status = stat()
    return lstat(path(of: name), &status) == 0
  }
}
