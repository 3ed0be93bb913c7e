/// `personal-data` (warning): text that looks like it identifies a person where the log should
/// hold only opaque ids.
///
/// People are ids in the log (`p-0042`); names live in `people.json`, which may be edited or
/// erased, while the log may not. The rule warns about: an e-mail address in `by` or in any
/// text of the payload; a `by` shaped like `first.last`; a `person` id with no digit (such as
/// `jane-smith`); a name from `people.json`, or a title and surname (`Mrs Smith`), in a
/// free-text field. Messages mask what they found, so CI logs do not copy it.
public enum PersonalDataRule {
  /// The rule id.
  public static let id = "personal-data"

  /// The findings for every event of `ledger`.
  /// - Parameters:
  ///   - ledger: the ledger checked.
  ///   - names: display names from `people.json` (see `displayNames(in:)`).
  /// - Returns: at most one warning per field of an event, in replay order.
  public static func findings(_ ledger: Ledger, names: [String] = []) -> [Finding] {
    var scan = PersonalDataScan(names: names)
    for event in ledger.events { scan.add(event) }
    return scan.findings
  }

  /// The display names of `people.json` in `folder` (`{"p-0042": "A. Person"}`), or none
  /// when there is no such file.
  /// - Throws: `LedgerError.invalidConfiguration` naming the file when it is not an object of
  ///   strings.
  public static func displayNames(in folder: LedgerFolder) throws(LedgerError) -> [String] {
    guard let value = try folder.settings(named: "people.json") else { return [] }
    guard case .object(let members) = value else {
      throw LedgerError.invalidConfiguration(
        path: folder.path(of: "people.json"),
        reason: #"must be an object from person id to name, such as {"p-0042": "A. Person"}"#)
    }
    var names: [String] = []
    for member in members {
      guard case .string(let name) = member.value else {
        throw LedgerError.invalidConfiguration(
          path: folder.path(of: "people.json"),
          reason: "\(Format.userText(member.key)): the name must be a string")
      }
      names.append(name)
    }
    return names
  }
}
