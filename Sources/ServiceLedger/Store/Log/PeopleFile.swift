import Foundation

/// Display names of people, from the optional `people.json` in the ledger folder
/// (`{"p-0042": "A. Person"}`). It is not part of the log: it may be edited or erased freely,
/// and without it views show ids.
public struct PeopleFile: Sendable, Equatable {
  /// The file's name inside the ledger folder.
  public static let fileName = "people.json"

  /// Names by person id.
  public var names: [PersonID: String]

  /// No names.
  public init(names: [PersonID: String] = [:]) { self.names = names }

  /// The name of `person`, or nil when the file does not give one.
  public func name(of person: PersonID) -> String? { names[person] }

  /// The name of `person`, or their id when the file does not give one.
  public func display(_ person: PersonID) -> String { names[person] ?? person.rawValue }

  /// Reads `people.json` from `folder`; no file means no names.
  /// - Throws: `LedgerError.io` naming the file when it cannot be read or is not an object of
  ///   person ids to names.
  public static func read(from folder: LedgerFolder) throws(LedgerError) -> PeopleFile {
    let path = folder.path(of: fileName)
    guard FileManager.default.fileExists(atPath: path) else { return PeopleFile() }
    let bytes = try folder.bytes(of: fileName)
    let fix = #"; it must be a JSON object of person ids to names, like {"p-0042": "A. Person"}"#
    let value: JSONValue
    do {
      value = try bytes.withUnsafeBytes { buffer throws(JSONSyntaxError) in
        try JSONParser.parse(buffer)
      }
    } catch {
      throw LedgerError.io(path: path, reason: "is not valid JSON (\(error))" + fix)
    }
    return try people(in: value, path: path, fix: fix)
  }

  /// The names in a parsed `people.json`.
  static func people(in value: JSONValue, path: String, fix: String) throws(LedgerError)
    -> PeopleFile
  {
    guard case .object(let members) = value else {
      throw LedgerError.io(path: path, reason: "is not a JSON object" + fix)
    }
    var names: [PersonID: String] = [:]
    for member in members {
      guard let person = PersonID.validated(member.key) else {
        throw LedgerError.io(
          path: path,
          reason: "key \(Format.quoted(member.key)) is not a person id (\(PersonID.syntax))")
      }
      guard case .string(let name) = member.value else {
        throw LedgerError.io(
          path: path, reason: "the name of \(person) is not a string" + fix)
      }
      guard names[person] == nil else {
        throw LedgerError.io(path: path, reason: "\(person) is named twice")
      }
      names[person] = name
    }
    return PeopleFile(names: names)
  }
}
