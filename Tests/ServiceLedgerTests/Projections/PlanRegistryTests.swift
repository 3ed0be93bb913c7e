import Testing

@testable import ServiceLedger

@Suite("Plans of any form")
struct PlanRegistryTests {
  static let plan = PlanID(unchecked: "p")
  static let council = BodyID(unchecked: "council")
  static let town = OrganisationID(unchecked: "town")
  static let cso = OrganisationID(unchecked: "cso")

  static func item(_ id: String) -> ItemID { ItemID(unchecked: id) }

  static var definitions: [Event] {
    [
      .organisationRegistered(
        OrganisationRegistered(organisation: town, name: "Town", kind: .municipality)),
      .organisationRegistered(
        OrganisationRegistered(organisation: cso, name: "A CSO", kind: .civilSociety)),
      .bodyFormed(BodyFormed(body: council, organisation: town, name: "Council", kind: .council)),
      .planRegistered(
        PlanRegistered(
          plan: plan, title: "Plan", organisation: town, form: .actionPlan, governedBy: council)),
      .itemDefined(ItemDefined(plan: plan, item: item("II"), kind: .section, title: "Tasks")),
      .itemDefined(ItemDefined(plan: plan, item: item("I"), kind: .goal, title: "Goal")),
      .itemDefined(
        ItemDefined(
          plan: plan, item: item("II.1"), kind: .task, title: "Task", parent: item("II"),
          due: date("2022-06-30"))),
      .itemDefined(
        ItemDefined(
          plan: plan, item: item("I.1"), kind: .target, title: "Pupils online", parent: item("I"),
          dueKind: .continuous)),
      .countDeclared(CountDeclared(plan: plan, of: "task", count: 3)),
    ]
  }

  static func registry(_ more: [Event], asOf: String) -> PlanRegistry {
    var factory = EventFactory()
    let recorded = (definitions + more).map { factory.make($0) }
    return PlanRegistry(Timeline(recorded, asOf: date(asOf)))
  }

  static func status(_ status: PlanStatus, _ on: String) -> Event {
    .planStatusChanged(PlanStatusChanged(plan: plan, status: status, on: date(on)))
  }

  @Test("items follow their parents in recording order; numbers order item ids")
  func hierarchy() throws {
    let plan = try #require(Self.registry([], asOf: "2022-01-01").plan(withID: Self.plan))
    #expect(plan.items.map(\.definition.item.rawValue) == ["II", "II.1", "I", "I.1"])
    #expect(plan.items.map(\.depth) == [0, 1, 0, 1])
    #expect(plan.workItems.map(\.definition.item.rawValue) == ["II.1", "I.1"])
    #expect(plan.declared.map(\.recorded) == [1])
    #expect(Self.item("II.1.2") < Self.item("II.1.10"))
    #expect(ItemID.validated("App. 3") == nil)
    #expect(ItemID.validated("A3.10") != nil)
  }

  @Test("the status is the latest by date; a later dissolution of the governing body suspends it")
  func status() throws {
    let events = [
      Self.status(.endorsed, "2022-02-28"), Self.status(.drafting, "2021-06-30"),
      .bodyMandateEnded(
        BodyMandateEnded(body: Self.council, cause: .dissolution, on: date("2023-03-31"))),
    ]
    let before = Self.registry(events, asOf: "2022-12-31").plan(withID: Self.plan)
    #expect(before?.status?.status == .endorsed)
    #expect(before?.history.map(\.status) == [.drafting, .endorsed])
    #expect(before?.approval == date("2022-02-28"))
    let after = Self.registry(events, asOf: "2023-06-30").plan(withID: Self.plan)
    #expect(after?.status?.status == .suspended)
    #expect(after?.status?.cause == .dissolution)
    // A status recorded after the dissolution is the status again.
    let reaffirmed = Self.registry(
      events + [Self.status(.reaffirmed, "2023-05-01")], asOf: "2023-06-30")
    #expect(reaffirmed.plan(withID: Self.plan)?.status?.status == .reaffirmed)
  }

  @Test("progress, overdue, responsibility, assessments and a target's attainment at a date")
  func items() throws {
    let events: [Event] = [
      .itemProgressed(
        ItemProgressed(
          plan: Self.plan, item: Self.item("II.1"), status: .done, on: date("2022-09-01"))),
      .itemProgressed(
        ItemProgressed(
          plan: Self.plan, item: Self.item("II.1"), status: .inProgress, on: date("2022-03-01"))),
      .responsibilityAssigned(
        ResponsibilityAssigned(
          plan: Self.plan, item: Self.item("II.1"), party: Self.cso, role: .executor)),
      .itemAssessed(
        ItemAssessed(
          plan: Self.plan, item: Self.item("II.1"), perspective: .civilSociety,
          verdict: .offTrack, on: date("2022-05-01"))),
      .itemAssessed(
        ItemAssessed(
          plan: Self.plan, item: Self.item("II.1"), perspective: .government, verdict: .onTrack,
          on: date("2022-04-01"))),
      .targetSet(
        TargetSet(
          plan: Self.plan, item: Self.item("I.1"), unit: "% of pupils", value: 100, baseline: 60)),
      .targetMeasured(
        TargetMeasured(plan: Self.plan, item: Self.item("I.1"), value: 90, on: date("2022-05-01"))),
    ]
    let july = try #require(Self.registry(events, asOf: "2022-07-31").plan(withID: Self.plan))
    let task = try #require(july.items.first { $0.definition.item.rawValue == "II.1" })
    #expect(task.progress?.status == .inProgress)
    #expect(task.isOverdue)
    #expect(task.responsibilities.map(\.party) == [Self.cso])
    #expect(task.assessments.map(\.perspective) == [.government, .civilSociety])
    #expect(july.parties == [Self.cso])
    let target = try #require(july.items.first { $0.definition.item.rawValue == "I.1" })
    #expect(target.attainment == 0.75)
    #expect(!target.isOverdue)
    #expect((july.done, july.overdue, july.unrecorded) == (0, 1, 1))
    let autumn = try #require(Self.registry(events, asOf: "2022-10-01").plan(withID: Self.plan))
    #expect((autumn.done, autumn.overdue) == (1, 0))
  }

  @Test("the MoJ strategy reads as a plan: themes T1-T4, 20 actions, 10 milestones")
  func strategy() throws {
    let registry = PlanRegistry(try shippedTimeline("2015-03-31"))
    let plan = try #require(registry.plan(withID: PlanID(unchecked: "moj-2012")))
    #expect(plan.registration.form == .strategy)
    #expect(registry.organisation(plan.registration.organisation)?.name == "MoJ")
    let kinds = plan.items.map(\.definition.kind)
    #expect(kinds.filter { $0 == .theme }.count == 4)
    #expect(kinds.filter { $0 == .action }.count == 20)
    #expect(kinds.filter { $0 == .milestone }.count == 10)
    #expect(plan.items.first?.definition.item.rawValue == "T1")
    #expect(plan.items.dropFirst().first?.definition.item.rawValue == "1")
    // As `ledger actions` counts them: none recorded late; 2 actions and 9 milestones past due
    // with no progress recorded.
    #expect(plan.overdue == 0)
    #expect(plan.pastDueUnrecorded == 11)
  }
}

@Suite("Strategy events read as plan events")
struct PlanUpcastTests {
  @Test("a fold skips exactly the types that mean no plan event")
  func skipsOthers() throws {
    for line in EventCodecTests.everyTypeLines {
      let event = try EnvelopeDecoder().decode(JSONParser.parse(line), location: nil)
      #expect(
        Upcaster.readsAsPlan(event.type) == !Upcaster.planEvents(event.event).isEmpty,
        "\(event.type.rawValue)")
    }
  }

  @Test("an organisation's name becomes its id: MoJ is moj, none is unknown")
  func organisationIDs() {
    #expect(Upcaster.strategyOrganisation("MoJ").rawValue == "moj")
    #expect(
      Upcaster.strategyOrganisation(" Cabinet Office (GDS) ").rawValue == "cabinet-office-gds")
    #expect(Upcaster.strategyOrganisation(nil).rawValue == "unknown")
  }
}
