extension Format {
  /// Text the user wrote (a name, a title, a path, a value) as a message shows it: as
  /// `terminalSafe` shows it, and each backquote written `\u{60}`, as control characters are.
  ///
  /// In a message, backquotes are the author's: they mark a command for the user to run
  /// (`` `ledger repair` ``, to which `SuggestedCommands` adds `--ledger PATH`) or code in
  /// Markdown. A backquote in a service's name or a file's would pair with the author's and
  /// shift every span after it on its line, and a name that holds `` `ledger repair` `` would
  /// be taken for a command. Every message quotes the user's text through this function, so
  /// that no backquote in a message is the user's.
  public static func userText(_ text: String) -> String {
    let safe = terminalSafe(text)
    guard safe.contains("`") else { return safe }
    return safe.split(separator: "`", omittingEmptySubsequences: false)
      .joined(separator: "\\u{60}")
  }

  /// A value the user gave, in double quotes, as messages quote it back (`"beta`"` is shown
  /// `"beta\u{60}"`): `userText(_:)` in quotes.
  public static func quoted(_ text: String) -> String { "\"" + userText(text) + "\"" }
}
