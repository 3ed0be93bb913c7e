extension LedgerFolder {
  /// The parsed JSON of an optional settings file in the folder (`roles.json`, `people.json`),
  /// or nil when the folder has no such file. Settings files are not part of the log.
  /// - Throws: `LedgerError.invalidConfiguration` naming the file (with line and column for
  ///   JSON syntax errors), or `LedgerError.io` when it cannot be read.
  func settings(named name: String) throws(LedgerError) -> JSONValue? {
    guard hasFile(name) else { return nil }
    let full = path(of: name)
    let bytes = try bytes(ofPath: full)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw LedgerError.invalidConfiguration(path: full, reason: "is not UTF-8 text")
    }
    do throws(JSONSyntaxError) {
      return try JSONParser.parse(text)
    } catch {
      throw LedgerError.invalidConfiguration(
        path: "\(full):\(error.line):\(error.column)", reason: "not valid JSON: \(error.reason)")
    }
  }
}
