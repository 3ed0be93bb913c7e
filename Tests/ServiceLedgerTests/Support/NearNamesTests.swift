import Testing

@testable import ServiceLedger

@Suite("Near names for did-you-mean suggestions")
struct NearNamesTests {
  static let services: [(name: String, label: String?)] = [
    ("moj-prison-visit-booking", "Bookings for prison visits"),
    ("moj-money-claims", "Money claims"), ("moj-possession-claims", "Possession claims"),
    ("moj-jury-summons", nil),
  ]

  @Test("edit distance: insertions, deletions and substitutions count one each")
  func distance() {
    #expect(NearNames.editDistance("kitten", "sitting") == 3)
    #expect(NearNames.editDistance("", "abc") == 3)
    #expect(NearNames.editDistance("same", "same") == 0)
  }

  @Test("a typo, a part of the id or of the name finds the service; nonsense finds nothing")
  func suggestions() {
    #expect(
      NearNames.suggestions(for: "moj-prison-visit-bookin", among: Self.services)
        == ["moj-prison-visit-booking"])
    #expect(
      NearNames.suggestions(for: "moj-jury-sumons", among: Self.services) == ["moj-jury-summons"])
    #expect(
      NearNames.suggestions(for: "claims", among: Self.services)
        == ["moj-money-claims", "moj-possession-claims"])
    #expect(
      NearNames.suggestions(for: "Prison Visits", among: Self.services)
        == ["moj-prison-visit-booking"])
    #expect(NearNames.suggestions(for: "zzz", among: Self.services).isEmpty)
  }
}
