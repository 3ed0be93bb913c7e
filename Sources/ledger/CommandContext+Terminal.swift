import ServiceLedger

/// Standard output when it is a terminal.
struct OutputTerminal: Sendable, Equatable {
  /// The width the terminal reports (`TIOCGWINSZ`), or nil when it reports none.
  var columns: Int?

  init(columns: Int?) { self.columns = columns }
}

extension CommandContext {
  /// The width tables keep within: nil (full width) when standard output is not a terminal;
  /// else `COLUMNS` when it is a positive whole number, else the terminal's own width, else 80.
  var tableWidth: Int? {
    guard let terminal else { return nil }
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
    return terminal.columns.flatMap { $0 > 0 ? $0 : nil } ?? 80
  }
}
