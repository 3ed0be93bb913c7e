/// One file of the site: its path inside the site's folder and its bytes.
public struct SitePage: Sendable, Equatable {
  /// Relative, with `/` between folders: `index.html`, `services/moj-jury-summons.html`.
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// A page of text, in UTF-8.
  init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// Whether it is an HTML page (the rest are downloads).
  public var isHTML: Bool { path.hasSuffix(".html") }
}

/// Where things are in the site, and links between them.
enum SitePath {
  static let home = "index.html"
  static let services = "services.html"
  static let organisations = "organisations.html"
  static let plans = "plans.html"
  static let reports = "reports.html"
  static let downloads = "downloads.html"

  static func service(_ id: ServiceID) -> String { "services/\(fileName(id.rawValue)).html" }
  static func organisation(_ slug: String) -> String { "organisations/\(fileName(slug)).html" }
  static func plan(_ id: StrategyID) -> String { "plans/\(fileName(id.rawValue)).html" }

  /// The longest name (in bytes, before `.html`) a page is given as it is.
  static let longestName = 200

  /// `name` as a page's file name: as it is up to `longestName` bytes (an id or a slug, ASCII);
  /// a longer one (the ledger bounds neither) is cut, and 16 hex digits of a hash of the whole
  /// name added, so it fits in the 255 bytes a file name may have and stays apart from other
  /// names that begin the same way.
  static func fileName(_ name: String) -> String {
    guard name.utf8.count > longestName else { return name }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let head = String(decoding: name.utf8.prefix(longestName - 17), as: UTF8.self)
    return head + "-" + Format.hex(hash, width: 16)
  }
  static func report(_ quarter: Quarter) -> String { "reports/\(quarter).html" }

  /// The anchor of an event on its service's page.
  static func anchor(_ event: EventID) -> String { "e-\(event.rawValue)" }

  /// `target` (a site path, optionally with `#anchor`) as a link from the page at `page`.
  static func relative(_ target: String, from page: String) -> String {
    let depth = page.split(separator: "/").count - 1
    return String(repeating: "../", count: max(depth, 0)) + target
  }

  /// A file name for each of `names` (sorted): lowercase letters and digits, other runs of
  /// characters as `-`, and a number after any that would repeat or be empty, so names that
  /// differ only in punctuation or script still get pages of their own.
  static func slugs(for names: [String]) -> [String: String] {
    var used: Set<String> = []
    var slugs: [String: String] = [:]
    for name in names {
      var base = ""
      for scalar in name.lowercased().unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
          base.unicodeScalars.append(scalar)
        } else if !base.isEmpty, !base.hasSuffix("-") {
          base += "-"
        }
      }
      while base.hasSuffix("-") { base.removeLast() }
      if base.isEmpty { base = "organisation" }
      var slug = base
      var number = 2
      while used.contains(slug) {
        slug = "\(base)-\(number)"
        number += 1
      }
      used.insert(slug)
      slugs[name] = slug
    }
    return slugs
  }
}
