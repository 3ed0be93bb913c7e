import Foundation

/// The note a writer leaves in the ledger folder while a batch of several lines is being
/// written: each file's length before the batch.
///
/// It makes a batch all-or-nothing even when the writer is killed or the machine stops half
/// way: the journal is written and `fsync`ed before the first line, and removed (and the
/// removal `fsync`ed) only after every file is. While it is there, readers leave the bytes past
/// each recorded length out of the log and report them, and `ledger repair` moves them aside.
/// A live writer holds the folder's exclusive lock, so a reader (who holds the shared lock)
/// only ever sees the journal of a writer that did not finish.
package struct AppendJournal: Sendable, Equatable {
  /// The journal's name in the ledger folder (hidden, and not `*.jsonl`: not part of the log).
  package static let fileName = ".ledger-append-in-progress"

  /// What the folder holds.
  enum State: Sendable, Equatable {
    /// No journal: no append was cut off.
    case none
    /// A journal that cannot be read: the writer stopped while writing it, before any line.
    case unreadable
    /// An append that did not finish.
    case pending(AppendJournal)
  }

  /// Each file's length in bytes before the batch.
  var lengths: [String: Int]

  /// The journal's bytes: `{"files":{"ledger.jsonl":1234}}`, one JSON object, so that a
  /// journal cut off while being written does not parse.
  var bytes: [UInt8] {
    let members = lengths.keys.sorted().map { name in
      JSONMember(key: name, value: .integer(lengths[name]))
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
      top[0].key == "files", case .object(let files) = top[0].value
    else { return .unreadable }
    var lengths: [String: Int] = [:]
    for member in files {
      guard LedgerFolder.isValidFileName(member.key), case .number(let number) = member.value,
        let length = number.int, length >= 0
      else { return .unreadable }
      lengths[member.key] = length
    }
    return .pending(AppendJournal(lengths: lengths))
  }

  /// The length of `name` (at `path`) before the unfinished batch, when the file holds lines
  /// of that batch; nil when the file has nothing past its recorded length, or when the
  /// recorded length is not at a line boundary (the file was changed by other means). Reads
  /// only the byte before that length.
  func committedLength(of name: String, at path: String) -> Int? {
    guard let length = lengths[name] else { return nil }
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
