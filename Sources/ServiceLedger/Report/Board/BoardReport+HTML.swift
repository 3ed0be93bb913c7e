extension BoardReport {
  /// The report as one self-contained HTML file: inline CSS and SVG charts, no scripts, no
  /// fonts or images to fetch, printable on A4. The markup is XHTML-compatible and everything
  /// from the ledger is escaped.
  public func renderHTML(into out: inout some TextOutputStream) {
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
    out.write(BoardHTML.element("title", "\(subject): \(title)") + "\n")
    out.write("<style>\n\(BoardHTMLStyle.css)</style>\n</head>\n<body>\n")
    out.write("<header>\n" + BoardHTML.element("p", subject, class: "kicker"))
    out.write(
      "<h1>Board report: <span class=\"nowrap\">\(BoardHTML.escaped(period.label))</span></h1>\n")
    out.write(BoardHTML.element("p", provenance, class: "meta") + "\n</header>\n")
    out.write("<section class=\"keep\">\n<h2>At a glance</h2>\n")
    out.write(BoardHTML.list(summary, class: "glance") + "</section>\n")
    out.write(tilesHTML)
    out.write("<section class=\"keep\">\n<h2>Progress against the strategy</h2>\n")
    out.write(figure(scorecardChart, caption: scorecardCaption) + "</section>\n")
    out.write("<section class=\"keep\">\n<h2>Headline figures</h2>\n")
    out.write(BoardHTML.table(headlineTable, class: "figures") + "</section>\n")
    renderChangesHTML(into: &out)
    renderHTMLSections(into: &out)
    out.write("<footer>\n")
    out.write(BoardHTML.element("p", footerText, class: "meta"))
    if let reproduction {
      out.write(
        "\n<p class=\"meta\"><code>\(BoardHTML.escaped(reproduction)) --format html</code></p>")
    }
    out.write("\n</footer>\n</body>\n</html>\n")
  }

  /// The report as an HTML string.
  public var html: String {
    var out = ""
    renderHTML(into: &out)
    return out
  }

  /// `<figure>` around a chart, with a title above it and a caption below, kept on one page.
  func figure(_ svg: String, title: String? = nil, caption: String) -> String {
    "<figure>\n" + (title.map { BoardHTML.element("p", $0, class: "figtitle") + "\n" } ?? "")
      + svg + BoardHTML.element("figcaption", caption) + "\n</figure>\n"
  }

  var scorecardCaption: String {
    "Each bar is a share of what the strategy commits to, as of \(period.asOf); grey is the "
      + "share with nothing recorded (exemplars with no phase, actions with no progress, "
      + "milestones past due with no progress), which is neither done nor late as far as the "
      + "ledger knows. The mark on the take-up bar is the "
      + "\(Format.percent(headlines.target, digits: 0)) target of the Digital Efficiency "
      + "Report's model."
  }

  var footerText: String {
    "Replayed from the ledger's append-only event log. "
      + (reproduction == nil
        ? "" : "This command reproduces exactly these figures, whatever is recorded later:")
  }

  /// Nine headline tiles: the figure, what it is, and its change since the last quarter
  /// (first, so a second count beside it is not read as the change: "no change since
  /// 2014-Q4; 16 priority", not "16 priority; 0 since 2014-Q4").
  var tilesHTML: String {
    let now = headlines
    let old = previousHeadlines
    let since = "since \(period.previousLabel)"
    func change(_ value: Int) -> String {
      value == 0 ? "no change \(since)" : "\(Self.signed(value)) \(since)"
    }
    func tile(_ label: String, _ value: String, _ delta: String, alert: Bool = false) -> String {
      "<div class=\"tile\(alert ? " alert" : "")\">" + BoardHTML.element("p", label, class: "label")
        + BoardHTML.element("p", value, class: "value")
        + BoardHTML.element("p", delta, class: "delta") + "</div>\n"
    }
    let otherServices =
      takeUpServicesMoved == nil
      ? ""
      : ", over other services (\(old.servicesWithTakeUp) then, \(now.servicesWithTakeUp) now)"
    let takeUpDelta =
      now.takeUp.flatMap { new in
        old.takeUp.map { Format.points(new - $0) + " " + since + otherServices }
      }
      ?? "\(now.servicesWithTakeUp) services with figures"
    return "<div class=\"tiles\">\n"
      + tile(
        "Services", Format.integer(now.services),
        "\(change(now.services - old.services)); \(now.priorityServices) priority")
      + tile(
        "Transactions a year", Format.integer(now.transactions),
        change(now.transactions - old.transactions))
      + tile(
        "12-month take-up", now.takeUp.map { Format.percent($0) } ?? "-", takeUpDelta)
      + tile(
        "Estimated cost a year", Format.pounds(now.cost),
        (now.staleCost > 0 ? "\(Self.share(now.staleCost, of: now.cost)) on stale figures; " : "")
          + "saving \(Format.pounds(now.saving)) at \(Format.percent(now.target, digits: 0))",
        alert: now.staleCost > 0)
      + tile(
        "Exemplars live", "\(now.exemplarsLive) of \(now.exemplars)",
        now.exemplarsUnknown > 0
          ? "\(now.exemplarsUnknown) with no phase recorded"
          : change(now.exemplarsLive - old.exemplarsLive),
        alert: now.exemplarsLate > 0)
      + tile(
        "Assisted-digital support",
        "\(now.assistedDigitalCovered) of \(now.assistedDigitalInScope)",
        "services in scope", alert: now.assistedDigitalCovered < now.assistedDigitalInScope)
      + tile(
        "Priority services managed", "\(now.priorityServicesManaged) of \(now.priorityServices)",
        "with a service manager", alert: now.priorityServicesManaged < now.priorityServices)
      + pastDueTile(now, tile)
      + tile(
        "Standard check errors", Format.integer(now.errors),
        "\(change(now.errors - old.errors)); \(Self.count(now.warnings, "warning"))",
        alert: now.errors > 0)
      + "</div>\n"
  }

  /// The strategy's actions and milestones past their due date and not finished: those
  /// recorded as late and those with no progress recorded (not known to be late, but not
  /// known to be done either), in red when there are any.
  private func pastDueTile(
    _ now: BoardHeadlines, _ tile: (String, String, String, Bool) -> String
  ) -> String {
    let late = now.actionsLate + now.milestonesLate
    let unrecorded = now.actionsPastDueWithNoProgress + now.milestonesPastDueWithNoProgress
    let detail =
      late + unrecorded == 0
      ? "no action or milestone"
      : Self.count(now.actionsLate + now.actionsPastDueWithNoProgress, "action") + ", "
        + Self.count(now.milestonesLate + now.milestonesPastDueWithNoProgress, "milestone")
        + ": \(Format.integer(late)) recorded as late, \(Format.integer(unrecorded)) with no "
        + "progress recorded"
    return tile(
      "Past their due date", Format.integer(late + unrecorded), detail, late + unrecorded > 0)
  }
}
