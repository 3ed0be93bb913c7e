/// `ledger managers`: current service managers per service, priority services without one, and
/// people holding several services. Names come from `people.json` when it gives them.
///
/// JSON (people and names made up: the shipped ledger records no managers):
/// ```json
/// {"asOf":"2015-03-31",
///  "services":[{"service":"moj-prison-visit-booking","name":"Bookings for prison visits",
///   "priority":"exemplar","managers":[{"person":"p-0042","name":"A. Person"}]}],
///  "priorityWithoutManager":["moj-money-claims"],
///  "holdingSeveral":[{"person":"p-0042","name":"A. Person",
///   "services":["moj-money-claims","moj-prison-visit-booking"]}]}
/// ```
/// A person's `name` is null when `people.json` does not give one; `managers` is `[]` for a
/// service without one.
public enum ManagersView {
  /// The view of `roster`, naming people from `people`.
  public static func output(_ roster: ManagerRoster, people: PeopleFile) -> ViewOutput {
    let table = TableData(
      fields: ["SERVICE": "service", "PRIORITY": "priority", "MANAGERS": "managers"],
      rows: roster.rows.map { row in
        [
          .text(row.service.id.rawValue), .text(row.priority.rawValue),
          .optional(
            row.managers.isEmpty
              ? nil : row.managers.map(people.display).joined(separator: ", ")),
        ]
      }, leftOutFirst: ["PRIORITY"])
    return ViewOutput(
      table: table, json: json(roster, people: people),
      emptyNote: "no services registered as of \(roster.asOf)",
      notes: notes(roster, people: people))
  }

  static func person(_ id: PersonID, _ people: PeopleFile) -> [JSONMember] {
    [
      JSONMember(key: "person", value: .string(id.rawValue)),
      JSONMember(key: "name", value: .string(people.name(of: id))),
    ]
  }

  static func json(_ roster: ManagerRoster, people: PeopleFile) -> JSONValue {
    .members([
      "asOf": .date(roster.asOf),
      "services": .array(
        roster.rows.map { row in
          .members([
            "service": .string(row.service.id.rawValue),
            "name": .string(row.service.name),
            "priority": .string(row.priority.rawValue),
            "managers": .array(row.managers.map { .object(person($0, people)) }),
          ])
        }),
      "priorityWithoutManager": .array(
        roster.priorityWithoutManager.map { .string($0.service.id.rawValue) }),
      "holdingSeveral": .array(
        roster.holdingSeveral.map { holder in
          .object(
            person(holder.person, people)
              + [JSONMember(key: "services", value: .ids(holder.services))])
        }),
    ])
  }

  static func notes(_ roster: ManagerRoster, people: PeopleFile) -> [String] {
    let managed = roster.rows.filter { !$0.managers.isEmpty }.count
    var notes = [
      "\(managed) of \(roster.rows.count) services have a service manager as of \(roster.asOf)."
    ]
    let without = roster.priorityWithoutManager
    notes.append(
      without.isEmpty
        ? "Every exemplar and high-volume service has a service manager."
        : "\(without.count) exemplar or high-volume services have no service manager: "
          + without.map(\.service.id.rawValue).joined(separator: ", ") + ".")
    for holder in roster.holdingSeveral {
      notes.append(
        "\(people.display(holder.person)) manages \(holder.services.count) services: "
          + holder.services.map(\.rawValue).joined(separator: ", ") + ".")
    }
    return notes
  }
}
