/// The report's inline style sheet: system fonts only, A4 pages, tables and figures kept
/// whole across page breaks. It has no `<`, `&` or `url(`, so it is also valid XML text and
/// loads nothing. On a screen under 640 px (a phone) the tiles go two a row, and wide tables
/// and the charts scroll in their own box, so the page never scrolls sideways; the charts
/// keep their drawn width (`SVGChart.width`), as shrunk to the screen their text is 5 px.
enum BoardHTMLStyle {
  static let css = """
    @page { size: A4; margin: 14mm 13mm 15mm 13mm; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body {
      font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
      color: #0b0c0c; font-size: 10pt; line-height: 1.4;
      max-width: 190mm; margin: 0 auto; padding: 10mm 6mm;
    }
    @media print { body { max-width: none; padding: 0; } }
    header { border-bottom: 3px solid #1d70b8; padding-bottom: 3mm; margin-bottom: 4mm; }
    .kicker { color: #1d70b8; font-weight: 700; text-transform: uppercase;
      letter-spacing: 0.06em; font-size: 9pt; margin: 0; }
    h1 { font-size: 19pt; line-height: 1.2; margin: 1mm 0 2mm; }
    h2 { font-size: 13.5pt; margin: 7mm 0 2mm; padding-top: 2mm; border-top: 1px solid #b1b4b6;
      break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
    p { margin: 1.5mm 0 2.5mm; }
    .meta, figcaption, .note { color: #505a5f; font-size: 8.5pt; }
    ul { margin: 1mm 0 3mm; padding-left: 5mm; }
    li { margin-bottom: 1mm; }
    .glance li { font-size: 10.5pt; }
    ul.cols { columns: 2; column-gap: 8mm; }
    ul.cols li { break-inside: avoid; }
    .tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2.5mm;
      margin: 4mm 0; break-inside: avoid; page-break-inside: avoid; }
    .tile { background: #f3f2f1; border-left: 4px solid #1d70b8; padding: 2mm 2.5mm; }
    .tile.alert { border-left: 1.6mm double #d4351c; }
    .tile .label { font-size: 8.5pt; color: #505a5f; margin: 0; }
    .tile .value { font-size: 15pt; font-weight: 700; margin: 0.5mm 0; white-space: nowrap; }
    .tile .delta { font-size: 8.5pt; margin: 0; }
    table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0 3mm; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { text-align: left; vertical-align: top; padding: 1mm 1.8mm;
      border-bottom: 1px solid #d8d8d8; }
    th { border-bottom: 2px solid #0b0c0c; font-weight: 700; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    table.figures td:first-child { width: 55%; }
    figure { margin: 3mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
    figure svg { display: block; width: 100%; height: auto; }
    figcaption { margin-top: 1mm; }
    .keep { break-inside: avoid; page-break-inside: avoid; }
    .nowrap { white-space: nowrap; }
    .figtitle { font-weight: 700; font-size: 10.5pt; margin: 0 0 1mm; }
    table.actions { table-layout: fixed; }
    table.actions th:nth-child(1) { width: 6%; }
    table.actions th:nth-child(2) { width: 58%; }
    table.actions th:nth-child(3) { width: 12%; }
    table.actions th:nth-child(4) { width: 11%; }
    table.actions th:nth-child(5) { width: 13%; }
    table.actions td:nth-child(4) { white-space: normal; }
    footer { margin-top: 8mm; border-top: 1px solid #b1b4b6; padding-top: 2mm; }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; }
    @media screen and (max-width: 640px) {
      body { padding: 4mm 3mm; }
      .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .tile .value { white-space: normal; }
      table { display: block; overflow-x: auto; }
      ul.cols { columns: 1; }
      figure { overflow-x: auto; }
      figure svg { width: \(Int(SVGChart.width))px; max-width: none; }
    }
    """
}
