extension PlanRegistry {
  /// One governance body at the date.
  public struct Body: Sendable, Equatable {
    public var formation: BodyFormed
    /// Its members, as recorded.
    public var members: [BodyMemberJoined]
    /// The ends of its mandate, by date.
    public var mandateEnds: [BodyMandateEnded]
    public var location: EventLocation?

    /// How many members sit for `sector`.
    public func count(_ sector: Sector) -> Int { members.filter { $0.sector == sector }.count }
  }

  /// Every body formed by the date, by id.
  public var allBodies: [Body] {
    bodies.keys.sorted().compactMap { id in
      bodies[id].map { formation in
        Body(
          formation: formation, members: members[id] ?? [],
          mandateEnds: (mandateEnds[id] ?? []).sorted { $0.on < $1.on },
          location: locations["body \(id)"])
      }
    }
  }
}
