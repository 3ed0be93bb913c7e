extension PlanReport {
  /// The report as one self-contained HTML page (no scripts or external assets).
  public func renderHTML(into out: inout some TextOutputStream) {
    let e = HTML.escaped
    let title = "Plan report: \(plan.registration.title), \(period.label)"
    out.write(
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(e(title))</title>
      <style>
      body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
      table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;\
      padding:.25rem .5rem;text-align:left;vertical-align:top}
      @page{size:A4;margin:15mm}
      </style>
      </head>
      <body>
      <h1>\(e(title))</h1>

      """)
    out.write("<h2>At a glance</h2>\n<ul>\n")
    for line in glance { out.write("<li>\(e(line))</li>\n") }
    out.write("</ul>\n<h2>Items</h2>\n")
    let table = PlanView.output(plan, registry).table
    out.write("<table>\n<tr>" + table.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n")
    for row in table.rows {
      out.write("<tr>" + row.map { "<td>\(e($0.text))</td>" }.joined() + "</tr>\n")
    }
    out.write("</table>\n<h2>What changed since \(e(period.previousLabel))</h2>\n<ul>\n")
    if changes.isEmpty { out.write("<li>Nothing recorded.</li>\n") }
    for change in changes { out.write("<li>\(e(Self.sentence(change)))</li>\n") }
    out.write("</ul>\n")
    if !plan.participation.isEmpty {
      out.write("<h2>Participation</h2>\n<ul>\n")
      for held in plan.participation { out.write("<li>\(e(Self.sentence(held)))</li>\n") }
      out.write("</ul>\n")
    }
    out.write("<h2>Findings</h2>\n<ul>\n")
    if findings.isEmpty { out.write("<li>None.</li>\n") }
    for finding in findings {
      out.write(
        "<li>\(e(finding.severity.rawValue)): \(e(finding.rule)): \(e(finding.message))</li>\n")
    }
    out.write("</ul>\n</body>\n</html>\n")
  }
}
