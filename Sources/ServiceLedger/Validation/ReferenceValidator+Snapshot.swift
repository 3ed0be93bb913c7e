/// The validator's state as bytes, for the replay cache: what a later append needs to check
/// new events without replaying the log.
extension ReferenceValidator {
  /// Writes the state compactly (the id table dominates: it is written as it is in memory,
  /// 8 or 16 bytes a slot).
  func writeSnapshot(to out: inout BinaryWriter) {
    // The id table as it is in memory (little-endian, as on every platform Swift runs on).
    out.write("ledger-validator-8")
    ids.write(to: &out)
    for set in [retractions, retracted] {
      out.write(set.count)
      for id in set.sorted() {
        out.write(id.high)
        out.write(id.low)
      }
    }
    out.write(services.count)
    for (service, facts) in services.sorted(by: { $0.key < $1.key }) {
      out.write(service.rawValue)
      out.write(facts.retiredOn?.dayNumber)
      let entries = facts.shortReports.snapshot
      out.write(entries.count)
      for entry in entries {
        out.write(Int(entry.from))
        out.write(Int(entry.to))
        out.write(Int(entry.months))
      }
    }
    // The short reports held apart (their services' `retractable` ranges follow from them).
    out.write(retractable.ids.count)
    for id in retractable.ids.sorted() {
      out.write(id.high)
      out.write(id.low)
    }
    out.write(retractableReports.count)
    for (id, report) in retractableReports.sorted(by: { $0.key < $1.key }) {
      out.write(id.high)
      out.write(id.low)
      out.write(report.service.rawValue)
      out.write(Int(report.from))
      out.write(Int(report.to))
    }
    out.write(strategies.count)
    for (strategy, themes) in strategies.sorted(by: { $0.key < $1.key }) {
      out.write(strategy.rawValue)
      out.write(themes.count)
      for theme in themes.sorted() { out.write(theme) }
    }
    out.write(actions.count)
    for key in actions.sorted(by: { ($0.strategy, $0.action) < ($1.strategy, $1.action) }) {
      out.write(key.strategy.rawValue)
      out.write(key.action)
    }
    out.write(milestones.count)
    for key in milestones.sorted(by: { ($0.strategy, $0.milestone) < ($1.strategy, $1.milestone) })
    {
      out.write(key.strategy.rawValue)
      out.write(key.milestone.rawValue)
    }
    out.write(barriers.count)
    for barrier in barriers.sorted() { out.write(barrier.rawValue) }
    out.write(managers.count)
    for key in managers.sorted(by: { ($0.service, $0.person) < ($1.service, $1.person) }) {
      out.write(key.service.rawValue)
      out.write(key.person.rawValue)
    }
    plans.writeSnapshot(to: &out)
  }

  /// The validator saved in `bytes`, or nil when they are not a snapshot (a damaged cache is
  /// rebuilt, never trusted).
  init?(snapshot bytes: [UInt8]) {
    var input = BinaryReader(bytes)
    self.init(snapshot: &input)
  }

  /// The validator saved in what `input` reads next.
  init?(snapshot input: inout BinaryReader) {
    guard input.string() == "ledger-validator-8", let ids = SeenIDs(reading: &input)
    else { return nil }
    self.init()
    self.ids = ids
    for index in 0..<2 {
      guard let count = input.count(itemSize: 16) else { return nil }
      for _ in 0..<count {
        guard let high = input.uint64(), let low = input.uint64() else { return nil }
        if index == 0 {
          retractions.insert(EventID(high: high, low: low))
        } else {
          retracted.insert(EventID(high: high, low: low))
        }
      }
    }
    guard let serviceCount = input.count(itemSize: 24) else { return nil }
    for _ in 0..<serviceCount {
      guard let name = input.string(), let retired = input.optionalInt(),
        let count = input.count(itemSize: 24)
      else { return nil }
      var entries: [ShortReports.Entry] = []
      for _ in 0..<count {
        guard let from = input.int(), let to = input.int(), let months = input.int() else {
          return nil
        }
        entries.append(
          ShortReports.Entry(
            from: Int32(clamping: from), to: Int32(clamping: to), months: Int32(clamping: months)))
      }
      guard let reports = ShortReports(snapshot: entries) else { return nil }
      services[ServiceID(unchecked: name)] = ServiceFacts(
        retiredOn: retired.map(CivilDate.init(dayNumber:)), shortReports: reports)
    }
    guard let watchedCount = input.count(itemSize: 16) else { return nil }
    var watched: [EventID] = []
    for _ in 0..<watchedCount {
      guard let high = input.uint64(), let low = input.uint64() else { return nil }
      watched.append(EventID(high: high, low: low))
    }
    retractable.insert(contentsOf: watched)
    guard let heldCount = input.count(itemSize: 40) else { return nil }
    for _ in 0..<heldCount {
      guard let high = input.uint64(), let low = input.uint64(), let name = input.string(),
        let from = input.int().flatMap(Int32.init(exactly:)),
        let to = input.int().flatMap(Int32.init(exactly:)), from <= to,
        var facts = services[ServiceID(unchecked: name)],
        facts.retractable.clash(
          CivilDate(dayNumber: Int(from)), CivilDate(dayNumber: Int(to))) == nil
      else { return nil }
      facts.retractable.insert(from, to)
      services[ServiceID(unchecked: name)] = facts
      retractableReports[EventID(high: high, low: low)] = RetractableReport(
        service: ServiceID(unchecked: name), from: from, to: to)
    }
    guard let strategyCount = input.count(itemSize: 16) else { return nil }
    for _ in 0..<strategyCount {
      guard let name = input.string(), let themeCount = input.count(itemSize: 8) else { return nil }
      var themes: Set<Int> = []
      for _ in 0..<themeCount {
        guard let theme = input.int() else { return nil }
        themes.insert(theme)
      }
      strategies[StrategyID(unchecked: name)] = themes
    }
    guard let actionCount = input.count(itemSize: 16) else { return nil }
    for _ in 0..<actionCount {
      guard let strategy = input.string(), let action = input.int() else { return nil }
      actions.insert(ActionKey(StrategyID(unchecked: strategy), action))
    }
    guard let milestoneCount = input.count(itemSize: 16) else { return nil }
    for _ in 0..<milestoneCount {
      guard let strategy = input.string(), let milestone = input.string() else { return nil }
      milestones.insert(
        MilestoneKey(StrategyID(unchecked: strategy), MilestoneID(unchecked: milestone)))
    }
    guard let barrierCount = input.count(itemSize: 8) else { return nil }
    for _ in 0..<barrierCount {
      guard let barrier = input.string() else { return nil }
      barriers.insert(BarrierID(unchecked: barrier))
    }
    guard let managerCount = input.count(itemSize: 16) else { return nil }
    for _ in 0..<managerCount {
      guard let service = input.string(), let person = input.string() else { return nil }
      managers.insert(ManagerKey(ServiceID(unchecked: service), PersonID(unchecked: person)))
    }
    guard let plans = PlanValidator(snapshot: &input), input.isAtEnd else { return nil }
    self.plans = plans
  }
}
