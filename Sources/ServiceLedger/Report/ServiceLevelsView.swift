/// `ledger service-levels`: each service's online-service maturity (target and reached, level
/// 1 to 4) and its channels (delivery and support: in use, planned, phasing out, with their
/// partners), a service-level measure beside the volumes.
///
/// JSON: `{"asOf", "services": [{"service", "name", "organisation", "target": {"level",
/// "due", "asPrinted"} or null, "reached": {"level", "on"} or null, "channels": [{"channel",
/// "purpose", "status", "partners", "on"}]}]}`.
public enum ServiceLevelsView {
  /// The view of `levels`.
  public static func output(_ levels: ServiceLevels) -> ViewOutput {
    let services = levels.all
    let table = TableData(
      fields: [
        "SERVICE": "service", "NAME": "name", "TARGET": "target_level", "REACHED": "level_reached",
        "CHANNELS": "channels", "SUPPORT": "support_channels",
      ],
      rows: services.map { service in
        [
          .text(service.registration.service.rawValue), .text(service.registration.name),
          .optional(service.target.map(target)), .optional(service.reached.map(reached)),
          .optional(channels(service, .delivery)), .optional(channels(service, .support)),
        ]
      }, leftOutFirst: ["NAME", "SUPPORT"])
    return ViewOutput(
      table: table, json: json(services, levels.asOf),
      emptyNote: "no service has a channel or a maturity level recorded as of \(levels.asOf)",
      notes: notes(services))
  }

  /// `3 by 2025-12-31 (mức độ 3, 4)`.
  static func target(_ level: ServiceMaturitySet) -> String {
    "\(level.level)" + (level.due.map { " by \($0)" } ?? "")
      + (level.levelText.map { " (\($0))" } ?? "")
  }

  /// `2 since 2024-01-31`.
  static func reached(_ level: ServiceMaturitySet) -> String {
    "\(level.level)" + (level.on.map { " since \($0)" } ?? "")
  }

  /// `cash (phasing-out); bank-qr (in-use: bidv, vbc)` for the channels with `purpose`.
  static func channels(_ service: ServiceLevels.Service, _ purpose: ChannelPurpose) -> String? {
    let chosen = service.channels.filter { $0.effectivePurpose == purpose }
    guard !chosen.isEmpty else { return nil }
    return chosen.map { channel in
      let partners = (channel.partners ?? []).map(\.rawValue).joined(separator: ", ")
      return "\(channel.channel) (\(channel.status.rawValue)"
        + (partners.isEmpty ? "" : ": \(partners)") + ")"
    }.joined(separator: "; ")
  }

  static func notes(_ services: [ServiceLevels.Service]) -> [String] {
    guard !services.isEmpty else { return [] }
    let targets = services.filter { $0.target != nil }.count
    let reached = services.filter { $0.reached != nil }.count
    let phasing = services.flatMap(\.channels).filter { $0.status == .phasingOut }
    return [
      "\(services.count) service(s): \(targets) with a target maturity level, \(reached) with "
        + "a level reached; \(phasing.count) channel(s) being phased out"
        + (phasing.isEmpty
          ? ""
          : " ("
            + phasing.map { "\($0.channel) of \($0.service)" }
            .joined(separator: ", ") + ")") + "."
    ]
  }

  static func json(_ services: [ServiceLevels.Service], _ asOf: CivilDate) -> JSONValue {
    .members([
      "asOf": .date(asOf),
      "services": .array(
        services.map { service in
          .members([
            "service": .string(service.registration.service.rawValue),
            "name": .string(service.registration.name),
            "organisation": .string(service.registration.organisation),
            "target": service.target.map { level in
              .members([
                "level": .integer(level.level), "due": .date(level.due),
                "asPrinted": .string(level.levelText),
              ])
            } ?? .null,
            "reached": service.reached.map { level in
              .members(["level": .integer(level.level), "on": .date(level.on)])
            } ?? .null,
            "channels": .array(
              service.channels.map { channel in
                .members([
                  "channel": .string(channel.channel.rawValue),
                  "purpose": .string(channel.effectivePurpose.rawValue),
                  "status": .string(channel.status.rawValue),
                  "partners": .array((channel.partners ?? []).map { .string($0.rawValue) }),
                  "on": .date(channel.on),
                ])
              }),
          ])
        }),
    ])
  }
}
