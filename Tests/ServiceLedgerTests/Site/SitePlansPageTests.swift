import Foundation
import Testing

@testable import ServiceLedger

/// The site's plans page lists every plan the registry knows (`ledger plans`), of any form:
/// Danish principles, a Vietnamese school plan with targets, Russian regulations, OGP action
/// plans, and the MoJ strategy with its page, folded in the site's one streamed pass.
@Suite("Site: the plans page lists every plan of the registry")
struct SitePlansPageTests {
  /// (ledger folder, as-of date, a phrase its plans page must show)
  static let ledgers: [(String, String, String)] = [
    ("plans/to-hieu-school", "2023-06-30", "target 100 % of pupils with access to the internet"),
    ("plans/kl-municipal", "2021-06-30", "principles of Brønderslev"),
    ("plans/yakutsk-network-city", "2012-06-30", "regulation of "),
    ("plans/ogp-local", "2023-06-30", "action-plan of El Kef municipality"),
    ("events", "2015-03-31", "Ministry of Justice Digital Strategy"),
  ]

  @Test(
    "every plan has a row and a section (or its strategy page), and every link resolves",
    arguments: ledgers)
  func everyPlan(ledger: String, asOf: String, phrase: String) throws {
    let folder = LedgerFolder(path: packageRoot + "/" + ledger)
    let site = try Site.replay(folder, asOf: date(asOf))
    // The site's own pass folds the registry as `ledger plans` does.
    let registry = try folder.fold(
      PlanRegistry(asOf: date(asOf)), asOf: date(asOf), knownAt: site.knownAt
    ).fold
    #expect(site.plans == registry)
    try #require(!registry.allPlans.isEmpty)
    let pages = try site.pages()
    let page = try #require(pages.first { $0.path == SitePath.plans })
    let text = String(decoding: page.bytes, as: UTF8.self)
    let count = registry.allPlans.count
    #expect(text.contains("\(count) plan\(count == 1 ? "" : "s") in the registry as of \(asOf)"))
    let strategies = Set(site.snapshot.progress.strategies.map(\.publication.strategy.rawValue))
    for plan in registry.allPlans {
      let id = plan.registration.plan.rawValue
      let title = HTML.escaped(plan.registration.title)
      if strategies.contains(id) {
        #expect(text.contains("<a href=\"plans/\(id).html\">\(title)</a>"), "\(id)")
      } else {
        #expect(text.contains("<a href=\"#plan-\(id)\">\(title)</a>"), "\(id)")
        #expect(text.contains("<section id=\"plan-\(id)\">\n<h3>\(title)</h3>"), "\(id)")
      }
    }
    #expect(text.contains(HTML.escaped(phrase)), "\(phrase)")
    let check = SiteCheck(pages)
    #expect(check.problems.isEmpty, "\(check.problems.prefix(5))")
  }
}
