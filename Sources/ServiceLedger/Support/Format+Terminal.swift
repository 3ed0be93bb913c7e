extension Format {
  /// Text of several lines safe to print on a terminal: each line as `terminalSafe(_:)` shows
  /// it, the line breaks kept. For diagnostics, which quote what users typed.
  public static func terminalSafeLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { terminalSafe(String($0)) }
      .joined(separator: "\n")
  }
}
