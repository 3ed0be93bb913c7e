/// The plan rules' state as bytes, saved with the validator's snapshot.
extension PlanValidator {
  /// Writes every defined id, sorted, so equal states give equal bytes.
  func writeSnapshot(to out: inout BinaryWriter) {
    for names in [
      organisations.map(\.rawValue), bodies.map(\.rawValue), plans.map(\.rawValue),
    ] {
      out.write(names.count)
      for name in names.sorted() { out.write(name) }
    }
    out.write(items.count)
    for key in items.sorted(by: {
      ($0.plan.rawValue, $0.item.rawValue) < ($1.plan.rawValue, $1.item.rawValue)
    }) {
      out.write(key.plan.rawValue)
      out.write(key.item.rawValue)
    }
  }

  /// The state saved in what `input` reads next, or nil when it is not one.
  init?(snapshot input: inout BinaryReader) {
    self.init()
    var lists: [[String]] = []
    for _ in 0..<3 {
      guard let count = input.count(itemSize: 8) else { return nil }
      var names: [String] = []
      for _ in 0..<count {
        guard let name = input.string() else { return nil }
        names.append(name)
      }
      lists.append(names)
    }
    organisations = Set(lists[0].map(OrganisationID.init(unchecked:)))
    bodies = Set(lists[1].map(BodyID.init(unchecked:)))
    plans = Set(lists[2].map(PlanID.init(unchecked:)))
    guard let count = input.count(itemSize: 16) else { return nil }
    for _ in 0..<count {
      guard let plan = input.string(), let item = input.string() else { return nil }
      items.insert(PlanItemKey(PlanID(unchecked: plan), ItemID(unchecked: item)))
    }
  }
}
