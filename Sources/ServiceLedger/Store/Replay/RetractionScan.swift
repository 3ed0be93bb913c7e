import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the events that retractions withdraw before a replay starts, by searching the raw
/// bytes for `"event.retracted"` and decoding only the lines that contain it.
///
/// A retraction always comes after the event it withdraws, so a streamed fold must know the
/// withdrawn ids in advance; this scan costs a fast byte search instead of a second replay.
/// It only suggests: the replay checks the retractions it meets and replays again if the
/// suggestion was wrong (an invalid retraction, say).
enum RetractionScan {
  /// The files are searched in pieces of this many bytes, so that both cores stay busy to the
  /// end however the log is split into files.
  static let pieceSize = 8 << 20

  /// What the retractions in a log name.
  struct Targets: Sendable, Equatable {
    /// The ids withdrawn by retractions recorded at or before the knowledge time.
    var withdrawn: Set<EventID> = []
    /// The ids every retraction line names, whenever recorded: those the validator must
    /// know exactly (`SeenIDs`).
    var named: Set<EventID> = []

    mutating func formUnion(_ other: Targets) {
      withdrawn.formUnion(other.withdrawn)
      named.formUnion(other.named)
    }
  }

  /// A piece of a file to search: its path and name, the file listed, and its bytes.
  private typealias Piece = (
    path: String, name: String, file: LedgerFolder.FileIdentity, bytes: Range<Int>
  )

  /// What the retractions in `folder` name, as known at `knownAt`, searched for in pieces of
  /// `pieceSize` bytes.
  /// - Throws: `LedgerError` when a file cannot be read.
  static func targets(
    in folder: LedgerFolder, knownAt: Timestamp?, reader: LogFileReader,
    pieceSize: Int = pieceSize
  ) throws(LedgerError) -> Targets {
    try targets(
      in: folder, files: folder.logFiles(), knownAt: knownAt, reader: reader,
      pieceSize: pieceSize)
  }

  /// `targets(in:knownAt:reader:pieceSize:)` in `files`, as the folder was listed: each piece
  /// is read from the file listed (`FileIdentity.open`), or the search fails as a replay does.
  static func targets(
    in folder: LedgerFolder, files: [(name: String, identity: LedgerFolder.FileIdentity)],
    knownAt: Timestamp?, reader: LogFileReader, pieceSize: Int = pieceSize
  ) throws(LedgerError) -> Targets {
    var pieces: [Piece] = []
    for (name, identity) in files {
      let path = folder.path(of: name)
      let (descriptor, status) = try LedgerFolder.FileIdentity.open(path, expecting: identity)
      close(descriptor)
      for start in stride(from: 0, to: Int(status.st_size), by: pieceSize) {
        pieces.append((path, name, identity, start..<min(start + pieceSize, Int(status.st_size))))
      }
    }
    let all = pieces
    let found = concurrentMap(pieces.count) { index in
      let piece = all[index]
      return Result { () throws(LedgerError) in
        try scan(piece.path, piece.name, piece.file, piece.bytes, knownAt: knownAt, reader: reader)
      }
    }
    var targets = Targets()
    for result in found {
      switch result {
      case .success(let ids): targets.formUnion(ids)
      case .failure(let error): throw error
      }
    }
    return targets
  }

  private static let needle = Array("\"event.retracted\"".utf8)

  /// The offset of the next `"event.retracted"` at or after `offset`: `memchr` for its '.',
  /// which appears about once a line, then a comparison of the bytes around it.
  private static func find(_ raw: UnsafeRawBufferPointer, from offset: Int) -> Int? {
    guard let base = raw.baseAddress else { return nil }
    var cursor = offset + 6
    while cursor < raw.count, let dot = memchr(base + cursor, 0x2E, raw.count - cursor) {
      let position = UnsafeRawPointer(dot) - base
      let start = position - 6
      if start >= offset, start + needle.count <= raw.count,
        needle.withUnsafeBytes({ pattern in
          pattern.baseAddress.map { memcmp(base + start, $0, pattern.count) } ?? 1
        }) == 0
      {
        return start
      }
      cursor = position + 1
    }
    return nil
  }

  /// The targets of the retractions on the lines of `name` that start within `bytes`.
  private static func scan(
    _ path: String, _ name: String, _ file: LedgerFolder.FileIdentity, _ bytes: Range<Int>,
    knownAt: Timestamp?, reader: LogFileReader
  ) throws(LedgerError) -> Targets {
    let descriptor = try LedgerFolder.FileIdentity.open(path, expecting: file).descriptor
    defer { close(descriptor) }
    var targets = Targets()
    // Read from the byte before the piece: the piece's first line starts after the first
    // line break there (the line before belongs to the piece before).
    var offset = max(bytes.lowerBound - 1, 0)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var filled = 0
    var lineStart: Int? = bytes.lowerBound == 0 ? 0 : nil
    while offset + (lineStart ?? 0) < bytes.upperBound {
      if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
      // To the piece's end, then a little at a time to finish its last line: more each time
      // (as much as is held), so that a line far longer than that is searched a few times,
      // not once per 4 KiB.
      let wanted = min(
        buffer.count - filled, max(bytes.upperBound - offset - filled, 4096, filled))
      let read = buffer.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress.map { $0 + filled }, wanted, off_t(offset + filled))
      }
      if read < 0, errno == EINTR { continue }
      guard read >= 0 else {
        throw LedgerError.io(path: path, reason: String(cString: strerror(errno)))
      }
      guard read > 0 else { break }  // a torn last line: the replay reports it
      filled += read
      let complete = buffer.withUnsafeBytes { raw in
        let window = UnsafeRawBufferPointer(rebasing: raw[..<filled])
        if lineStart == nil {
          guard let first = Newlines.next(in: window, from: 0) else { return 0 }
          lineStart = first + 1
        }
        guard let start = lineStart, let last = window[start...].lastIndex(of: 0x0A) else {
          return lineStart ?? 0
        }
        // Whole lines only, and only those that start within the piece.
        var end = last + 1
        if offset + end > bytes.upperBound,
          let cut = Newlines.next(in: window, from: max(bytes.upperBound - offset - 1, start))
        {
          end = cut + 1
        }
        search(
          UnsafeRawBufferPointer(rebasing: window[start..<end]), name, knownAt, reader,
          into: &targets)
        return end
      }
      // What follows the last whole line moves to the front.
      buffer.withUnsafeMutableBytes { raw in
        guard let base = raw.baseAddress else { return }
        memmove(base, base + complete, filled - complete)
      }
      offset += complete
      filled -= complete
      if lineStart != nil { lineStart = 0 }
    }
    return targets
  }

  /// Adds the targets of the retractions among `lines` (whole lines) to `targets`.
  private static func search(
    _ lines: UnsafeRawBufferPointer, _ name: String, _ knownAt: Timestamp?,
    _ reader: LogFileReader, into targets: inout Targets
  ) {
    var offset = 0
    while offset < lines.count, let position = find(lines, from: offset) {
      let start = (lines[..<position].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
      let end = lines[position...].firstIndex(of: UInt8(ascii: "\n")) ?? lines.count
      let line = UnsafeRawBufferPointer(rebasing: lines[start..<end])
      if case .event(let event) = reader.decodeLine(line, name: name, line: 0),
        case .eventRetracted(let retraction) = event.event
      {
        targets.named.insert(retraction.event)
        if let target = InForce.retractionTarget(event, knownAt: knownAt) {
          targets.withdrawn.insert(target)
        }
      }
      offset = end + 1
    }
  }
}
