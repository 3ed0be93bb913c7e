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
/// It answers only for the batch's own lines, told by their hashes: it leaves out the run of
/// them a file ends with (see `committedLength`), so that it never hides, nor has a writer or
/// repair move aside, lines that are not the batch's (a `git pull` adding lines from elsewhere
/// once the batch's were discarded), nor lets the batch's lines be read when a merge put them
/// after pulled ones.
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
    var hash = hashBasis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* hashPrime }
    return hash
  }

  private static let hashBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let hashPrime: UInt64 = 0x100_0000_01b3

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

  /// Where the log's part of `name` (at `path`) ends while the batch is unfinished: the
  /// start of the batch's lines the file ends with, nil when it ends with none of them.
  ///
  /// The lines past the recorded length are told apart by their hashes: the file's last whole
  /// lines that are the batch's, and a last line without `\n` after them (one being written
  /// when the writer stopped, or the first one, straight at the length), are left out; a line
  /// that is not the batch's is never left out. So lines a pull added once the batch's were
  /// discarded are read, and so are batch lines a merge put before pulled ones (the only
  /// order in which leaving them out would hide a pulled line), while the batch's lines that
  /// a merge put after pulled ones (`git stash pop`, `git pull --rebase`) are still left out.
  /// Nil too when the recorded length is past the file's end or not at a line boundary (the
  /// file was replaced). Reads no more than the batch wrote, a block at a time.
  func committedLength(of name: String, at path: String) -> Int? {
    guard let batch = files[name] else { return nil }
    guard let lineHashes = batch.lineHashes else {
      return Self.committedLength(olderNote: batch.length, at: path)
    }
    let length = batch.length
    var status = stat()
    guard stat(path, &status) == 0, length < Int(status.st_size) else { return nil }
    let size = Int(status.st_size)
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    if length > 0 {
      var byte: UInt8 = 0
      guard pread(descriptor, &byte, 1, off_t(length - 1)) == 1, byte == UInt8(ascii: "\n")
      else { return nil }
    }
    let batchLines = Set(lineHashes)
    // The batch's lines the file ends with are at most the bytes it wrote: only the last
    // `byteCount` bytes are read, from the first line that starts in them.
    let first = max(length, size - batch.byteCount)
    var skipping = first > length
    // The start of the current run of the batch's lines, and of the line being read.
    var run: Int?
    var lineStart = length
    var hash = Self.hashBasis
    var offset = skipping ? first - 1 : length
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while offset < size {
      let count = block.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress, min(raw.count, size - offset), off_t(offset))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      for byte in block[..<count] {
        hash = (hash ^ UInt64(byte)) &* Self.hashPrime
        offset += 1
        guard byte == UInt8(ascii: "\n") else { continue }
        if skipping {
          skipping = false
        } else if batchLines.contains(hash) {
          run = run ?? lineStart
        } else {
          run = nil
        }
        lineStart = offset
        hash = Self.hashBasis
      }
    }
    // A line longer than the batch: not the batch's.
    guard !skipping else { return nil }
    // A last line without `\n`: the batch's one being written, after its lines or as its first.
    if lineStart < size, run == nil { return lineStart == length ? length : nil }
    return run
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
