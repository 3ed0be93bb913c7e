/// `ledger services`: the catalogue at a date: name, organisation, phase, managers.
public enum ServicesView {
  /// The view of `catalogue` as of `asOf`.
  public static func output(_ catalogue: Catalogue, asOf: CivilDate) -> ViewOutput {
    let services = catalogue.services
    let table = TableData(
      fields: [
        "SERVICE": "service", "NAME": "name", "ORG": "organisation", "PHASE": "phase",
        "MANAGERS": "managers",
      ],
      rows: services.map { record in
        [
          .text(record.id.rawValue), .text(record.name), .text(record.organisation),
          .optional(record.phase?.rawValue),
          .optional(
            record.managers.isEmpty
              ? nil : record.managers.map(\.rawValue).joined(separator: ", ")),
        ]
      }, leftOutFirst: ["ORG", "MANAGERS", "PHASE", "NAME"])
    let json = JSONValue.members([
      "asOf": .date(asOf),
      "services": .array(
        services.map { record in
          .members([
            "service": .string(record.id.rawValue), "name": .string(record.name),
            "organisation": .string(record.organisation), "department": .string(record.department),
            "kind": .string(record.kind.rawValue), "registered": .date(record.registeredOn),
            "phase": .string(record.phase?.rawValue),
            "managers": .array(record.managers.map { .string($0.rawValue) }),
            "exemplar": .bool(record.exemplar != nil), "url": .string(record.url),
          ])
        }),
    ])
    return ViewOutput(
      table: table, json: json, emptyNote: "no services registered as of \(asOf)")
  }
}
