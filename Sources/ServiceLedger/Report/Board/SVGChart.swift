/// What the report's inline SVG charts share: the palette, coordinates, text and the frame.
///
/// Charts are drawn in a `viewBox` of `width` user units and scale to the page; text sizes are
/// in the same units, so a chart prints the same on A4 as on screen.
enum SVGChart {
  /// The width of every chart, in user units.
  static let width = 680.0

  /// Series colours: the GOV.UK palette's blue, red, green, orange, purple, turquoise, brown,
  /// pink; distinct in print and for the commonest colour-vision deficiencies when paired
  /// with `dashes`.
  static let palette = [
    "#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#28a197", "#b58840", "#912b88",
  ]

  /// Dash patterns paired with `palette`, so lines stay apart in black and white.
  static let dashes = ["", "7 3", "2 3", "10 3 2 3", "5 2 1 2", "", "7 3", "2 3"]

  /// The colour of series `index`.
  static func color(_ index: Int) -> String { palette[index % palette.count] }

  /// The dash pattern of series `index`, as a `stroke-dasharray` attribute or nothing.
  static func dash(_ index: Int) -> String {
    let pattern = dashes[index % dashes.count]
    return pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\""
  }

  /// A coordinate with at most one decimal and no separators: `12.5`, `40`, `-3.2`.
  static func n(_ value: Double) -> String {
    let tenths = Int(roundingSaturated: value * 10)
    let whole = String(tenths.magnitude / 10)
    let fraction = tenths.magnitude % 10
    return (tenths < 0 ? "-" : "") + whole + (fraction == 0 ? "" : ".\(fraction)")
  }

  /// A `<text>` element with escaped content, and a `<title>` (a tooltip) if `title` is given.
  static func text(
    _ content: String, x: Double, y: Double, size: Double = 11, anchor: String = "start",
    fill: String = "#0b0c0c", weight: String? = nil, title: String? = nil
  ) -> String {
    "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" "
      + "fill=\"\(fill)\"" + (weight.map { " font-weight=\"\($0)\"" } ?? "") + ">"
      + (title.map { "<title>" + BoardHTML.escaped($0) + "</title>" } ?? "")
      + BoardHTML.escaped(content) + "</text>"
  }

  /// A line from (x1, y1) to (x2, y2).
  static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
    width: Double = 1, dash: String = ""
  ) -> String {
    "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" "
      + "stroke-width=\"\(n(width))\"\(dash)/>"
  }

  /// A filled rectangle.
  static func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil
  ) -> String {
    "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" "
      + "height=\"\(n(max(height, 0)))\" fill=\"\(fill)\""
      + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "") + "/>"
  }

  /// The `<svg>` element around `body`, with an accessible title and description.
  static func frame(height: Double, title: String, description: String, body: String)
    -> String
  {
    "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" "
      + "height=\"\(n(height))\" role=\"img\" class=\"chart\">"
      + "<title>\(BoardHTML.escaped(title))</title>"
      + "<desc>\(BoardHTML.escaped(description))</desc>\n" + body + "</svg>\n"
  }
}
