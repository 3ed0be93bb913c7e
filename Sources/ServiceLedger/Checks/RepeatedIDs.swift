/// The `duplicate-id` problems the replay does not give: a line that breaks its file's time
/// order is left out before its id is looked at, so a copy of an earlier line appended at the
/// end of a file (an old `at`, an id already in the ledger) was reported only as `time-order`.
/// A repeated id is a duplicate whatever else is wrong with the line.
///
/// It reads the log again only when the replay found lines out of time order (rare), a block at
/// a time: once for those lines' ids, once for the other lines holding them.
enum RepeatedIDs {
  /// The `duplicate-id` problems of the lines `timeOrder` names whose id is also on another
  /// line of the log, each naming that line.
  /// - Throws: `LedgerError` when a file cannot be read.
  static func problems(_ folder: LedgerFolder, timeOrder: [LedgerProblem]) throws(LedgerError)
    -> [LedgerProblem]
  {
    let wanted = Dictionary(grouping: timeOrder.filter { $0.rule == .timeOrder }, by: \.file)
      .mapValues { Set($0.map(\.line)) }
    guard !wanted.isEmpty else { return [] }
    // The ids of the lines out of order.
    let reader = LogFileReader()
    var suspects: [EventLocation: EventID] = [:]
    try forEachLine(folder, files: Set(wanted.keys)) { name, line, bytes in
      guard wanted[name]?.contains(line) == true,
        case .event(let event) = reader.decodeLine(bytes, name: name, line: line)
      else { return }
      suspects[EventLocation(file: name, line: line)] = event.id
    }
    let ids = Set(suspects.values)
    guard !ids.isEmpty else { return [] }
    // Every line holding one of them, in file and line order.
    var holders: [EventID: [EventLocation]] = [:]
    try forEachLine(folder, files: nil) { name, line, bytes in
      // Nearly every line is told apart by the id it starts with, without decoding it.
      if let leading = leadingID(bytes), !ids.contains(leading) { return }
      guard case .event(let event) = reader.decodeLine(bytes, name: name, line: line),
        ids.contains(event.id)
      else { return }
      holders[event.id, default: []].append(EventLocation(file: name, line: line))
    }
    return suspects.sorted { ($0.key.file, $0.key.line) < ($1.key.file, $1.key.line) }
      .compactMap { location, id in
        // Not by filtering the holders for each suspect: a line copied n times would cost n².
        let all = holders[id] ?? []
        guard let first = all.first(where: { $0 != location }) else { return nil }
        let others = all.count - (Self.contains(all, location) ? 1 : 0)
        return LedgerProblem(
          rule: .duplicateID, file: location.file, line: location.line,
          message: "id: \(id) is already in the ledger (\(first.file):\(first.line)"
            + (others > 1 ? " and \(others - 1) more" : "")
            + "); a line copied again is not a new event: remove the copy, or record the event "
            + "anew with `ledger record` (which gives it a new id)")
      }
  }

  /// Whether `locations`, in file and line order, holds `location`: a binary search.
  private static func contains(_ locations: [EventLocation], _ location: EventLocation) -> Bool {
    var low = 0
    var high = locations.count
    while low < high {
      let middle = (low + high) / 2
      let item = locations[middle]
      if (item.file, item.line) < (location.file, location.line) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < locations.count && locations[low] == location
  }

  /// The id a line in the writer's layout starts with (`{"id":"…",`), else nil. A line that
  /// starts with one id holds no other: the strict decoder refuses a second `id` key.
  static func leadingID(_ line: UnsafeRawBufferPointer) -> EventID? {
    let prefix = #"{"id":""#.utf8
    guard line.count > prefix.count + 37, line.starts(with: prefix),
      line[prefix.count + 36] == UInt8(ascii: "\""), line[prefix.count + 37] == UInt8(ascii: ",")
    else { return nil }
    return EventID.parse(UnsafeRawBufferPointer(rebasing: line[prefix.count..<prefix.count + 36]))
  }

  /// Calls `body` with the file name, number and bytes (without `\n`) of every complete line
  /// of the log's files (of `files` only, when given), up to where an append that was cut off
  /// began, as a replay reads them.
  private static func forEachLine(
    _ folder: LedgerFolder, files: Set<String>?,
    _ body: (String, Int, UnsafeRawBufferPointer) -> Void
  ) throws(LedgerError) {
    for cursor in try FileCursor.log(of: folder, blockSize: 1 << 20, only: files) {
      let name = cursor.name
      while let block = try cursor.nextBlock() {
        block.buffer.withUnsafeBytes { raw in
          let lines = UnsafeRawBufferPointer(rebasing: raw[..<block.count])
          var start = 0
          var number = block.firstLine
          while let end = Newlines.next(in: lines, from: start) {
            body(name, number, UnsafeRawBufferPointer(rebasing: lines[start..<end]))
            number += 1
            start = end + 1
          }
        }
      }
    }
  }
}
