/// The site's inline style sheet: GOV.UK's plain look with system fonts, one column under
/// 640 px, nothing hidden in print but the navigation. Colours meet WCAG 2.1 AA on white
/// (text #0b0c0c, secondary #505a5f 7:1, links #1d70b8 5.2:1). It has no `<`, `&` or `url(`,
/// so it is also valid XML text and loads nothing.
enum SiteStyle {
  static let css = """
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: #0b0c0c; background: #ffffff; line-height: 1.4;
      font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
      font-size: 16px; }
    .wrap { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
    a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
    a:visited { color: #4c2c92; }
    a:hover { color: #003078; text-decoration-thickness: 3px; }
    a:focus, button:focus, select:focus, .scroll:focus { outline: 3px solid #ffdd00;
      outline-offset: 0; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; }
    .scroll:focus { background: transparent; }
    .skip { position: absolute; left: -9999px; }
    .skip:focus { position: static; display: block; padding: 10px 20px; }
    header.site { background: #0b0c0c; color: #ffffff; border-bottom: 10px solid #1d70b8; }
    header.site .wrap { display: flex; flex-wrap: wrap; align-items: baseline;
      gap: 4px 24px; padding-top: 10px; padding-bottom: 10px; }
    header.site a { color: #ffffff; text-decoration: none; }
    header.site a:hover { text-decoration: underline; }
    header.site a:focus { color: #0b0c0c; }
    .brand { margin: 0; font-weight: 700; font-size: 19px; }
    header.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
      gap: 4px 18px; }
    header.site a[aria-current] { text-decoration: underline; text-decoration-thickness: 3px; }
    main { padding-top: 20px; padding-bottom: 30px; }
    h1 { font-size: 32px; line-height: 1.15; margin: 10px 0 15px; overflow-wrap: anywhere; }
    h2 { font-size: 24px; line-height: 1.2; margin: 35px 0 12px; }
    h3 { font-size: 19px; margin: 25px 0 8px; }
    p, ul, ol, dl { margin: 0 0 15px; }
    li { margin-bottom: 5px; }
    .lead { font-size: 19px; }
    .note, figcaption, footer { color: #505a5f; font-size: 14px; }
    .none { color: #505a5f; }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 14px;
      overflow-wrap: anywhere; }
    footer { padding-bottom: 30px; }
    footer::before { content: ""; display: block; border-top: 1px solid #b1b4b6;
      margin-bottom: 15px; }
    table.actions { table-layout: fixed; }
    table.actions th:nth-child(1) { width: 4.5em; }
    table.actions th:nth-child(2) { width: 42%; }
    table.actions th:nth-child(3) { width: 7em; }
    table.actions th:nth-child(4) { width: 16%; }
    .tiles { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 15px;
      margin: 20px 0; }
    .tile { background: #f3f2f1; border-left: 5px solid #1d70b8; padding: 10px 12px; }
    .tile.alert { border-left-color: #d4351c; border-left-style: double; border-left-width: 6px; }
    .tile p { margin: 0; }
    .tile .label { font-size: 14px; color: #505a5f; }
    .tile .value { font-size: 27px; font-weight: 700; line-height: 1.2; }
    .tile .delta { font-size: 14px; }
    dl.facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px 20px; }
    dl.facts div { border-top: 1px solid #b1b4b6; padding-top: 6px; }
    dl.facts dt { color: #505a5f; font-size: 14px; }
    dl.facts dd { margin: 0; font-weight: 700; overflow-wrap: anywhere; }
    .scroll { overflow-x: auto; margin: 0 0 20px; max-width: 100%; }
    table { border-collapse: collapse; width: 100%; font-size: 16px; }
    caption { text-align: left; font-weight: 700; font-size: 19px; padding-bottom: 8px; }
    th, td { text-align: left; vertical-align: top; padding: 8px 16px 8px 0;
      border-bottom: 1px solid #b1b4b6; }
    thead th { border-bottom: 2px solid #0b0c0c; }
    tbody th { font-weight: 400; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    thead th.num { text-align: right; }
    th:last-child, td:last-child { padding-right: 0; }
    button.sort { font: inherit; font-weight: 700; color: #1d70b8; background: none;
      border: 0; padding: 0; cursor: pointer; text-align: inherit; text-decoration: underline; }
    th[aria-sort=ascending] button.sort::after { content: " \\25B2"; }
    th[aria-sort=descending] button.sort::after { content: " \\25BC"; }
    form.filters { display: flex; flex-wrap: wrap; gap: 10px 30px; margin: 0 0 15px;
      background: #f3f2f1; padding: 12px 15px; }
    form.filters label { display: block; font-weight: 700; margin-bottom: 4px; }
    select { font: inherit; padding: 4px; border: 2px solid #0b0c0c; background: #ffffff;
      min-width: 12em; max-width: 100%; }
    .status { font-weight: 700; }
    .tag { display: inline-block; padding: 1px 6px; font-size: 14px; font-weight: 700;
      border: 2px solid #0b0c0c; text-transform: uppercase; letter-spacing: 0.02em; }
    .pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 30px;
      align-items: start; }
    figure { margin: 0 0 20px; }
    figure svg { display: block; width: 100%; height: auto; max-width: 760px; }
    .restated { font-weight: 700; }
    .nowrap { white-space: nowrap; }
    .later { color: #505a5f; }
    ol.history { list-style: none; padding: 0; }
    ol.history li { border-top: 1px solid #b1b4b6; padding: 8px 0; margin: 0; }
    ol.history p { margin: 0 0 3px; }
    ol.history li:target { background: #fff7bf; outline: 3px solid #ffdd00; }
    ol.history .when { font-weight: 700; }
    ol.history .detail { overflow-wrap: anywhere; }
    ul.plain { list-style: none; padding: 0; }
    .cols { columns: 2; column-gap: 40px; }
    @media (max-width: 900px) {
      .pair { grid-template-columns: minmax(0, 1fr); }
    }
    @media (max-width: 640px) {
      body { font-size: 16px; }
      .wrap { padding: 0 15px; }
      h1 { font-size: 27px; }
      h2 { font-size: 21px; }
      .tiles { grid-template-columns: minmax(0, 1fr); }
      dl.facts { grid-template-columns: minmax(0, 1fr); }
      .cols { columns: 1; }
      th, td { padding-right: 10px; font-size: 15px; }
      table.cards, table.cards caption, table.cards tbody, table.cards tr, table.cards th,
      table.cards td { display: block; }
      table.cards thead tr { display: flex; flex-wrap: wrap; gap: 6px 16px; padding-bottom: 8px;
        border-bottom: 2px solid #0b0c0c; }
      table.cards thead th, table.cards thead th.num { border: 0; padding: 0; text-align: left; }
      table.cards tbody tr { border-bottom: 1px solid #b1b4b6; padding: 8px 0; }
      table.cards tbody th, table.cards tbody th.num { font-weight: 700; border: 0;
        padding: 0 0 4px; text-align: left; }
      table.cards tbody th.num::before { content: attr(data-label) " "; }
      table.cards tbody td, table.cards tbody td.num { display: flex; gap: 10px; border: 0;
        padding: 2px 0; text-align: left; white-space: normal; }
      table.cards tbody td::before { content: attr(data-label); color: #505a5f; flex: 0 0 9em; }
      table.cards tr[hidden] { display: none; }
      table.actions.cards { table-layout: auto; }
      table.actions.cards th:nth-child(n) { width: auto; }
    }
    @media print {
      body { font-size: 11pt; }
      .skip, header.site nav, form.filters, footer p:last-child { display: none; }
      header.site { background: none; color: #0b0c0c; border-bottom: 3px solid #0b0c0c; }
      header.site a { color: #0b0c0c; }
      .wrap { max-width: none; padding: 0; }
      a { color: #0b0c0c; }
      .scroll { overflow: visible; }
      .pair { grid-template-columns: minmax(0, 1fr); }
      .tiles { grid-template-columns: repeat(4, minmax(0, 1fr)); }
      h2, h3, caption { break-after: avoid; page-break-after: avoid; }
      tr, figure, .tile { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      button.sort { color: #0b0c0c; text-decoration: none; }
    }

    """
}
