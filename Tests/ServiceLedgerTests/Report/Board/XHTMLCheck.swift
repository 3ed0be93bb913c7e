import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses markup as XML (the report's HTML is XHTML-compatible) and collects what tests ask
/// about: whether it is well-formed, element counts, attribute values and text.
final class XHTMLCheck: NSObject, XMLParserDelegate {
  private(set) var elements: [String: Int] = [:]
  private(set) var attributes: [(element: String, name: String, value: String)] = []
  private(set) var text = ""
  private(set) var error: String?
  private(set) var isWellFormed = false

  init(_ markup: String) {
    super.init()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = self
    isWellFormed = parser.parse()
    if !isWellFormed {
      error =
        "line \(parser.lineNumber) column \(parser.columnNumber): "
        + (parser.parserError.map { "\($0)" } ?? "unknown error")
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    elements[elementName, default: 0] += 1
    for (name, value) in attributeDict.sorted(by: { $0.key < $1.key }) {
      attributes.append((elementName, name, value))
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  /// How many `name` elements there are.
  func count(_ name: String) -> Int { elements[name] ?? 0 }
}
