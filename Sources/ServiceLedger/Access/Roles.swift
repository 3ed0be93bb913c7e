/// Who may write what: the optional `roles.json` of a ledger folder.
///
/// `{"p-0042": ["moj-prison-visit-booking"], "board": ["*"]}` lets `p-0042` record events about
/// that one service and `board` record anything. Without the file, anyone may write anything.
/// The actor (`by`) is self-declared: see docs/security.md for binding it to the commit author
/// in CI.
public struct Roles: Sendable, Equatable {
  /// The settings file's name in the ledger folder.
  public static let fileName = "roles.json"

  /// What an event is about, and so what an actor needs to record it.
  public enum Scope: Sendable, Hashable, CustomStringConvertible {
    /// One service's events.
    case service(ServiceID)
    /// Everything: the whole portfolio (`"*"`), needed for strategy, action, milestone,
    /// costs and barrier events.
    case everything

    public var description: String {
      switch self {
      case .service(let service): return service.rawValue
      case .everything: return "*"
      }
    }
  }

  /// Per actor, what they may record events about.
  public var grants: [ActorID: Set<Scope>]

  public init(grants: [ActorID: Set<Scope>]) { self.grants = grants }

  /// Whether `actor` may record events needing `scope`.
  public func allows(_ actor: ActorID, _ scope: Scope) -> Bool {
    guard let granted = grants[actor] else { return false }
    return granted.contains(.everything) || granted.contains(scope)
  }

  /// What `actor` is granted, for messages: `moj-a, moj-b`, `*`, or `nothing`.
  public func describeGrants(of actor: ActorID) -> String {
    let granted = (grants[actor] ?? []).map(\.description).sorted()
    return granted.isEmpty ? "nothing" : granted.joined(separator: ", ")
  }

  /// The roles of `folder`, or nil when it has no `roles.json`.
  /// - Throws: `LedgerError.invalidConfiguration` naming the file and what is wrong.
  public static func load(from folder: LedgerFolder) throws(LedgerError) -> Roles? {
    guard let value = try folder.settings(named: fileName) else { return nil }
    return try Roles(json: value, path: folder.path(of: fileName))
  }

  /// Reads the roles from the parsed `roles.json`.
  /// - Parameters:
  ///   - json: the file's JSON.
  ///   - path: the file's path, for messages.
  /// - Throws: `LedgerError.invalidConfiguration` naming the actor or entry that is wrong.
  public init(json: JSONValue, path: String) throws(LedgerError) {
    func invalid(_ reason: String) -> LedgerError {
      LedgerError.invalidConfiguration(path: path, reason: reason)
    }
    let example = #"{"p-0042": ["moj-prison-visit-booking"], "board": ["*"]}"#
    guard case .object(let members) = json else {
      throw invalid(
        "must be an object from actor id to a list of service ids or \"*\", such as \(example)")
    }
    var grants: [ActorID: Set<Scope>] = [:]
    for member in members {
      guard let actor = ActorID.validated(member.key) else {
        throw invalid("\(Format.quoted(member.key)) is not \(ActorID.syntax)")
      }
      guard grants[actor] == nil else { throw invalid("\(actor) appears twice") }
      guard case .array(let items) = member.value else {
        throw invalid("\(actor): must be a list of service ids or \"*\", such as \(example)")
      }
      var scopes: Set<Scope> = []
      for (index, item) in items.enumerated() {
        guard case .string(let text) = item else {
          throw invalid("\(actor)[\(index)]: must be a string: a service id or \"*\"")
        }
        if text == "*" {
          scopes.insert(.everything)
        } else if let service = ServiceID.validated(text) {
          scopes.insert(.service(service))
        } else {
          throw invalid(
            "\(actor)[\(index)]: \(Format.quoted(text)) is not a service id "
              + "(\(ServiceID.syntax)) or \"*\"")
        }
      }
      grants[actor] = scopes
    }
    self.grants = grants
  }
}
