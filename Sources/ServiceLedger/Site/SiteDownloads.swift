extension Site {
  /// One view offered for download: its file name stem, title and output.
  struct Download {
    var name: String
    var title: String
    var output: ViewOutput
  }

  /// The views as `ledger VIEW --as-of … --format csv|json` print them.
  var downloads: [Download] {
    let now = snapshot
    return [
      Download(
        name: "priorities", title: "Priorities (`ledger priorities`)",
        output: PrioritiesView.output(now.priorities)),
      Download(
        name: "channel-shift", title: "Channel shift (`ledger channel-shift`)",
        output: ChannelShiftView.output(now.shift)),
      Download(
        name: "services", title: "Services (`ledger services`)",
        output: ServicesView.output(now.catalogue, asOf: asOf)),
      Download(
        name: "exemplars", title: "Exemplars (`ledger exemplars`)",
        output: ExemplarsView.output(now.exemplars)),
      Download(
        name: "assisted-digital", title: "Assisted digital (`ledger assisted-digital`)",
        output: AssistedDigitalView.output(now.coverage)),
      Download(
        name: "managers", title: "Service managers (`ledger managers`)",
        output: ManagersView.output(now.roster, people: people)),
      Download(
        name: "actions", title: "Strategy actions (`ledger actions`)",
        output: ActionsView.output(now.progress)),
    ]
  }

  /// The downloads page and its files: the views, and the ledger's files that can be offered
  /// under their own names, each as it was at `knownAt`.
  func writeDownloads<Sink: SiteSink>(into sink: inout CountingSink<Sink>) throws {
    let path = SitePath.downloads
    var rows: [[String]] = []
    for download in downloads {
      var csv = ""
      download.output.render(.csv, into: &csv)
      var json = ""
      download.output.render(.json, into: &json)
      let csvPath = "downloads/\(download.name).csv"
      let jsonPath = "downloads/\(download.name).json"
      try sink.write(SitePage(path: csvPath, text: csv))
      try sink.write(SitePage(path: jsonPath, text: json))
      rows.append([
        SiteHTML.prose(download.title),
        SiteHTML.link("CSV", to: csvPath, from: path) + " (\(Self.size(csv.utf8.count)))",
        SiteHTML.link("JSON", to: jsonPath, from: path) + " (\(Self.size(json.utf8.count)))",
      ])
    }
    let boardJSON = report.json.prettyPrinted() + "\n"
    try sink.write(SitePage(path: "downloads/board-report.json", text: boardJSON))
    rows.append([
      SiteHTML.prose("Board report as of \(asOf) (`ledger report --format json`)"), "",
      SiteHTML.link("JSON", to: "downloads/board-report.json", from: path)
        + " (\(Self.size(boardJSON.utf8.count)))",
    ])
    var body = SiteHTML.table(
      "The views as of \(asOf)",
      [.init(title: "View"), .init(title: "CSV"), .init(title: "JSON")], rows)
    body += "<h2>The ledger</h2>\n"
    body += SiteHTML.note(
      "The event log itself, one JSON object per line"
        + (knownAt.map { ", each file as it was at \($0)" } ?? "")
        + ". Every figure on this site can be replayed from these files with `ledger`.")
    var fileRows: [[String]] = []
    for name in try source.fileNames().filter(LedgerFolder.isValidFileName).sorted() {
      let target = "downloads/ledger/\(name)"
      // The lines recorded by `knownAt`: a writer never lets `at` go backwards within a
      // file, so they are a prefix, the file as it was then.
      let copied = try source.copy(
        name, lines: knownAt == nil ? nil : knownLines[name] ?? 0, to: target, into: &sink)
      fileRows.append([
        SiteHTML.link(name, to: target, from: path), Format.integer(copied.lines),
        Self.size(copied.bytes),
      ])
    }
    body += SiteHTML.table(
      "\(fileRows.count) files",
      [
        .init(title: "File"), .init(title: "Lines", isNumber: true),
        .init(title: "Size", isNumber: true),
      ],
      fileRows)
    try sink.write(
      document(
        path, title: "Downloads", section: .downloads,
        lead: "Every view of this site as CSV and JSON, and the ledger's own files.", body: body))
  }

  /// `812 bytes`, `14.2 KB`, `1.3 MB`.
  static func size(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) bytes" }
    if bytes < 1_000_000 { return Format.decimal(Double(bytes) / 1000, digits: 1) + " KB" }
    return Format.decimal(Double(bytes) / 1_000_000, digits: 1) + " MB"
  }
}
