import ServiceLedger

extension CommandContext {
  /// Writes a view in `format`, its table fitted to the terminal (`tableWidth`).
  ///
  /// When the view is empty and `--known-at` is earlier than every event of the ledger, the
  /// knowledge time is the cause and the output says so: in place of the empty note in the
  /// table and Markdown formats, on stderr beside the (well-formed, empty) JSON or CSV.
  /// - Parameters:
  ///   - output: the view.
  ///   - format: the format asked for.
  ///   - knownAt: `--known-at` as given and as read, when given.
  ///   - folder: the ledger's path, for the message.
  ///   - firstRecorded: the time the ledger's earliest event was recorded, nil for an empty
  ///     ledger; asked only when the view is empty and `knownAt` is given.
  func writeView(
    _ output: ViewOutput, format: ViewFormat, knownAt: (text: String, time: Timestamp)?,
    folder: String, firstRecorded: () -> Timestamp?
  ) {
    var output = output
    if output.table.rows.isEmpty, let knownAt,
      let cause = Self.knownAtCause(knownAt, firstRecorded: firstRecorded(), folder: folder)
    {
      switch format {
      case .table, .markdown: output.emptyNote = cause
      case .json, .csv: writeError("ledger: warning: \(Format.terminalSafe(cause))\n")
      }
    }
    var out = ""
    output.render(format, width: tableWidth, into: &out)
    write(out)
  }

  /// Why nothing shows when `knownAt` is earlier than the ledger's first event, else nil.
  static func knownAtCause(
    _ knownAt: (text: String, time: Timestamp), firstRecorded first: Timestamp?, folder: String
  ) -> String? {
    guard let first, first > knownAt.time else { return nil }
    return "nothing in \(folder) had been recorded by --known-at \(knownAt.text): its first "
      + "event was recorded at \(first); give a later --known-at, or leave it out to see "
      + "everything recorded"
  }
}
