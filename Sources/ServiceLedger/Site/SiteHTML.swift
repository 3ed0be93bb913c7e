/// The markup every page of the site shares: the document around a page's content, links,
/// tables and definition lists.
///
/// The markup is XHTML-compatible (every element closed, attributes quoted, only the five XML
/// entities, the script inside a CDATA section), so an XML parser can check every page, and
/// everything from the ledger goes through `HTML.escaped`.
enum SiteHTML {
  /// The sections of the site, in the order the navigation lists them.
  enum Section: String, CaseIterable {
    case home = "Home"
    case services = "Services"
    case organisations = "Organisations"
    case plans = "Plans"
    case reports = "Board reports"
    case downloads = "Downloads"

    var path: String {
      switch self {
      case .home: return SitePath.home
      case .services: return SitePath.services
      case .organisations: return SitePath.organisations
      case .plans: return SitePath.plans
      case .reports: return SitePath.reports
      case .downloads: return SitePath.downloads
      }
    }
  }

  /// `text` escaped for element content or a quoted attribute.
  static func escaped(_ text: String) -> String { HTML.escaped(text) }

  /// `<name class="style">escaped text</name>`.
  static func element(_ name: String, _ text: String, class style: String? = nil) -> String {
    BoardHTML.element(name, text, class: style)
  }

  /// A link to the site path `target` from the page at `page`, with escaped text.
  static func link(_ text: String, to target: String, from page: String) -> String {
    "<a href=\"\(escaped(SitePath.relative(target, from: page)))\">\(escaped(text))</a>"
  }

  /// `<data value="…">text</data>`: a figure as people read it, with the value the views'
  /// JSON gives for it (so tests and scripts can compare the two).
  static func figure(_ text: String, value: JSONValue, id: String? = nil) -> String {
    "<data\(id.map { " id=\"\($0)\"" } ?? "") value=\"\(escaped(value.serialized()))\">"
      + "\(escaped(text))</data>"
  }

  /// A definition list of (term, HTML description) pairs.
  static func facts(_ items: [(String, String)]) -> String {
    "<dl class=\"facts\">\n"
      + items.map { "<div><dt>\(escaped($0.0))</dt><dd>\($0.1)</dd></div>" }
      .joined(separator: "\n") + "\n</dl>\n"
  }

  /// One column of a table: its title and whether it holds numbers (right-aligned).
  struct Column {
    var title: String
    var isNumber = false
  }

  /// A table with a caption and column headers (`scope="col"`); each row's first cell is its
  /// header (`scope="row"`). Cells are HTML, already escaped. Wide tables scroll inside their
  /// own box, which the keyboard can reach, so the page itself never scrolls sideways.
  static func table(
    _ caption: String, _ columns: [Column], _ rows: [[String]], id: String? = nil,
    class style: String? = nil
  ) -> String {
    var out =
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(escaped(caption))\">"
      + "<table\(id.map { " id=\"\($0)\"" } ?? "")\(style.map { " class=\"\($0)\"" } ?? "")>"
      + "<caption>\(escaped(caption))</caption>\n<thead><tr>"
    for column in columns {
      out +=
        "<th scope=\"col\"\(column.isNumber ? " class=\"num\"" : "")>"
        + "\(escaped(column.title))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>"
      for (index, cell) in row.enumerated() {
        let number = index < columns.count && columns[index].isNumber ? " class=\"num\"" : ""
        // The column's title goes with each cell: narrow screens show it before the value.
        let label = index < columns.count ? " data-label=\"\(escaped(columns[index].title))\"" : ""
        out +=
          index == 0
          ? "<th scope=\"row\"\(number)\(label)>\(cell)</th>"
          : "<td\(number)\(label)>\(cell)</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }

  /// A short note in grey type.
  static func note(_ text: String) -> String {
    "<p class=\"note\">\(prose(text))</p>\n"
  }

  /// `text` escaped, with each pair of backticks around a command made `<code>`.
  static func prose(_ text: String) -> String {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
      index % 2 == 1 ? "<code>\(escaped(String(part)))</code>" : escaped(String(part))
    }.joined()
  }

  /// `none`, in grey: there is none (no manager, no milestone, no figure to show).
  static let missing = "<span class=\"none\">none</span>"

  /// A count the report left out (a channel it does not give): "none" would read as 0.
  static let notReported = "<span class=\"none\">not reported</span>"

  /// A figure the ledger cannot work out (no digital count, so no take-up or cost): "none"
  /// would read as 0% or £0.
  static let notKnown = "<span class=\"none\">not known</span>"

  /// A fact nobody recorded (a phase): neither none nor any value.
  static let notRecorded = "<span class=\"none\">not recorded</span>"
}

extension Site {
  /// A whole page: the document, the header with the site's navigation, the content (HTML)
  /// and the footer saying what the figures are as of and how to rebuild them.
  /// - Parameters:
  ///   - path: where the page is in the site.
  ///   - title: the page's `h1` and title.
  ///   - section: the navigation entry it belongs to.
  ///   - lead: a sentence under the title.
  ///   - body: the content, HTML.
  ///   - script: whether the page needs the table script.
  /// - Returns: the page, in UTF-8.
  func document(
    _ path: String, title: String, section: SiteHTML.Section, lead: String? = nil,
    body: String, script: Bool = false
  ) -> SitePage {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    out += SiteHTML.element("title", "\(title) - \(subject)") + "\n"
    out += "<style>\n\(SiteStyle.css)</style>\n</head>\n<body>\n"
    out += "<a class=\"skip\" href=\"#main\">Skip to main content</a>\n"
    out += "<header class=\"site\"><div class=\"wrap\">\n"
    out += "<p class=\"brand\">" + SiteHTML.link(subject, to: SitePath.home, from: path) + "</p>\n"
    out += "<nav aria-label=\"Site\"><ul>\n"
    for entry in SiteHTML.Section.allCases {
      let current = entry == section ? " aria-current=\"page\"" : ""
      out +=
        "<li><a href=\"\(SiteHTML.escaped(SitePath.relative(entry.path, from: path)))\""
        + "\(current)>\(SiteHTML.escaped(entry.rawValue))</a></li>\n"
    }
    out += "</ul></nav>\n</div></header>\n<main id=\"main\" class=\"wrap\">\n"
    out += SiteHTML.element("h1", title) + "\n"
    if let lead { out += SiteHTML.element("p", lead, class: "lead") + "\n" }
    out += body
    out += "</main>\n<footer class=\"wrap\">\n"
    out += SiteHTML.element("p", footer) + "\n"
    if let reproduction {
      out += "<p>Rebuild exactly this site: <code>\(SiteHTML.escaped(reproduction))</code></p>\n"
    }
    out += "</footer>\n"
    if script { out += "<script>//<![CDATA[\n\(SiteScript.js)//]]></script>\n" }
    out += "</body>\n</html>\n"
    return SitePage(path: path, text: out)
  }

  /// What every page's figures are: the date, and what was known.
  var footer: String {
    let known = knownAt.map { "as recorded up to \($0)" } ?? "from an empty ledger"
    return "Figures as of \(asOf), \(known), replayed from the ledger's append-only event log."
  }

  /// The name of a person as `people.json` gives it, else their id.
  func person(_ id: PersonID) -> String { people.display(id) }
}
