import Foundation

@testable import ServiceLedger

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses one chart's SVG as XML and collects what tests of its layout ask about: the
/// drawn height and every `<text>` with its position, size, shown text and tooltip.
final class SVGTextCheck: NSObject, XMLParserDelegate {
  /// One `<text>` element.
  struct Text {
    var x: Double
    var y: Double
    var size: Double
    var anchor: String
    /// The text drawn (without the tooltip).
    var shown: String
    /// The `<title>` inside the element, if any.
    var tooltip: String?

    /// The right end of the text, as the charts estimate text widths.
    var end: Double {
      let width = SVGChart.textWidth(shown, size: size)
      switch anchor {
      case "end": return x
      case "middle": return x + width / 2
      default: return x + width
      }
    }
  }

  private(set) var texts: [Text] = []
  private(set) var height = 0.0
  private(set) var isWellFormed = false
  private var open: Text?
  private var inTitle = false

  init(_ svg: String) {
    super.init()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = self
    isWellFormed = parser.parse()
  }

  /// The texts whose baseline is at or below `y`, top to bottom.
  func texts(below y: Double) -> [Text] { texts.filter { $0.y >= y } }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    let number = { (name: String) in attributes[name].flatMap(Double.init) ?? .nan }
    switch elementName {
    case "svg": height = number("height")
    case "text":
      open = Text(
        x: number("x"), y: number("y"), size: number("font-size"),
        anchor: attributes["text-anchor"] ?? "start", shown: "", tooltip: nil)
    case "title" where open != nil:
      inTitle = true
      open?.tooltip = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inTitle {
      open?.tooltip? += string
    } else {
      open?.shown += string
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if elementName == "title" { inTitle = false }
    if elementName == "text", let text = open {
      texts.append(text)
      open = nil
    }
  }
}
