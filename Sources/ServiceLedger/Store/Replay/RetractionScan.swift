import Dispatch
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
  /// The ids withdrawn by retractions recorded at or before `knownAt` in `folder`.
  /// - Throws: `LedgerError` when a file cannot be read.
  static func targets(in folder: LedgerFolder, knownAt: Timestamp?, reader: LogFileReader)
    throws(LedgerError) -> Set<EventID>
  {
    let names = try folder.fileNames()
    let found = Found(count: names.count)
    DispatchQueue.concurrentPerform(iterations: names.count) { index in
      found.store(
        Result { () throws(LedgerError) in
          try scan(folder, names[index], knownAt: knownAt, reader: reader)
        }, at: index)
    }
    var targets: Set<EventID> = []
    for result in found.results {
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

  private static func scan(
    _ folder: LedgerFolder, _ name: String, knownAt: Timestamp?, reader: LogFileReader
  ) throws(LedgerError) -> Set<EventID> {
    let cursor = try FileCursor(path: folder.path(of: name), name: name, blockSize: 1 << 20)
    var targets: Set<EventID> = []
    while let block = try cursor.nextBlock() {
      block.withLines { raw in
        var offset = 0
        while offset < raw.count, let position = find(raw, from: offset) {
          let start = (raw[..<position].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
          let end = raw[position...].firstIndex(of: UInt8(ascii: "\n")) ?? raw.count
          let line = UnsafeRawBufferPointer(rebasing: raw[start..<end])
          if case .event(let event) = reader.decodeLine(line, name: name, line: 0),
            let target = Timeline.retractionTarget(event, knownAt: knownAt)
          {
            targets.insert(target)
          }
          offset = end + 1
        }
      }
    }
    return targets
  }

  /// Per-file results written by the scanning threads.
  private final class Found: @unchecked Sendable {
    private(set) var results: [Result<Set<EventID>, LedgerError>]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: .success([]), count: count) }

    func store(_ result: Result<Set<EventID>, LedgerError>, at index: Int) {
      lock.lock()
      results[index] = result
      lock.unlock()
    }
  }
}
