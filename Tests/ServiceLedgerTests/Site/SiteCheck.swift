import Foundation

@testable import ServiceLedger

/// What tests check across a whole site: every page parses, every internal link and anchor
/// resolves, and nothing refers outside the site.
struct SiteCheck {
  /// One problem, naming the page.
  private(set) var problems: [String] = []
  /// The parsed HTML pages, by path.
  private(set) var parsed: [String: XHTMLCheck] = [:]

  init(_ pages: [SitePage]) {
    let paths = Set(pages.map(\.path))
    for page in pages where page.isHTML {
      let check = XHTMLCheck(String(decoding: page.bytes, as: UTF8.self))
      if !check.isWellFormed {
        problems.append("\(page.path): \(check.error ?? "not well-formed")")
      }
      parsed[page.path] = check
    }
    for (path, check) in parsed {
      let ids = check.attributes.filter { $0.name == "id" }.map(\.value)
      if Set(ids).count != ids.count { problems.append("\(path): an id is used twice") }
      for attribute in check.attributes {
        let value = attribute.value
        let lowered = value.lowercased()
        if ["src", "srcset", "action", "formaction", "poster", "xlink:href", "background"]
          .contains(attribute.name)
        {
          problems.append("\(path): <\(attribute.element) \(attribute.name)=\"\(value)\">")
        }
        if lowered.contains("http:") || lowered.contains("https:") || lowered.hasPrefix("//")
          || lowered.contains("javascript:") || lowered.contains("data:")
        {
          problems.append("\(path): refers outside the site: \(attribute.name)=\"\(value)\"")
        }
        if lowered.contains("url("), !lowered.hasPrefix("url(#") {
          problems.append("\(path): loads \(value)")
        }
        guard attribute.name == "href" else { continue }
        problems += Self.resolve(value, from: path, paths: paths, parsed: parsed)
      }
    }
  }

  /// The problems with the link `href` on the page at `path`.
  static func resolve(
    _ href: String, from path: String, paths: Set<String>, parsed: [String: XHTMLCheck]
  ) -> [String] {
    if href.hasPrefix("/") || href.contains(":") {
      return ["\(path): link \(href) is not relative to the site"]
    }
    let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    var target = path
    if let file = parts.first, !file.isEmpty {
      var folders = path.split(separator: "/").dropLast().map(String.init)
      for part in file.split(separator: "/") {
        if part == ".." {
          guard !folders.isEmpty else { return ["\(path): link \(href) leaves the site"] }
          folders.removeLast()
        } else if part != "." {
          folders.append(String(part))
        }
      }
      target = folders.joined(separator: "/")
    }
    guard paths.contains(target) else { return ["\(path): link \(href) has no page \(target)"] }
    guard parts.count == 2 else { return [] }
    let anchor = String(parts[1])
    guard let page = parsed[target],
      page.attributes.contains(where: { $0.name == "id" && $0.value == anchor })
    else { return ["\(path): link \(href) has no anchor #\(anchor) in \(target)"] }
    return []
  }

  /// The `value` of the element with `id` on the page at `path`, if any.
  func value(ofID id: String, on path: String) -> String? {
    guard let attributes = parsed[path]?.attributes else { return nil }
    // Attributes are collected element by element, names sorted: `id` comes before `value`.
    for (index, attribute) in attributes.enumerated()
    where attribute.name == "id" && attribute.value == id {
      let next = index + 1
      guard next < attributes.count, attributes[next].name == "value" else { return nil }
      return attributes[next].value
    }
    return nil
  }
}
