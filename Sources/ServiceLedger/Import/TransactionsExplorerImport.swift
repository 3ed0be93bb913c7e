/// Turns the Transactions Explorer long CSV into `service.registered`, `volume.reported` and
/// `kpi.reported` events, idempotently: a service already registered, or a report whose
/// figures the ledger already holds for the same service and period, adds nothing; a report
/// with different figures for the same period is appended as a restatement.
public struct TransactionsExplorerImport: Sendable {
  /// What an import did.
  public struct Summary: Sendable, Equatable, CustomStringConvertible {
    public var servicesRegistered = 0
    public var volumeReports = 0
    public var restatements = 0
    public var kpiReports = 0
    public var alreadyPresent = 0
    public var rowsWithoutVolume = 0

    public var description: String {
      "\(servicesRegistered) service(s) registered, \(volumeReports) volume report(s) "
        + "(\(restatements) restating earlier figures), \(kpiReports) KPI report(s); "
        + "\(alreadyPresent) row(s) already in the ledger, \(rowsWithoutVolume) row(s) "
        + "without a volume skipped"
    }
  }

  /// Where each service's events go: one file for all, or one per organisation.
  public enum FileChoice: Sendable {
    case single(String)
    /// `hmcts.jsonl`, `opg.jsonl`, ...
    case perOrganisation
  }

  /// The envelope values for new events.
  public var at: Timestamp
  public var by: ActorID
  public var makeID: @Sendable () -> EventID
  public var files: FileChoice

  public init(
    at: Timestamp, by: ActorID, makeID: @escaping @Sendable () -> EventID, files: FileChoice
  ) {
    self.at = at
    self.by = by
    self.makeID = makeID
    self.files = files
  }

  /// A CSV's rows, read and checked, before anything is compared with the ledger.
  public struct Rows: Sendable {
    let rows: [TransactionsExplorerRow]
    /// The services the rows name.
    public var services: Set<ServiceID> { Set(rows.map(\.service)) }
  }

  /// Reads and checks every row of `csv`.
  /// - Parameters:
  ///   - csv: the file's text.
  ///   - name: the file's name, for error messages.
  /// - Returns: the rows, in the file's order.
  /// - Throws: `ImportError` for a missing column or a bad value, naming its line.
  public func rows(csv: String, name: String) throws(ImportError) -> Rows {
    let records: [CSVReader.Record]
    do {
      records = try CSVReader.records(csv)
    } catch {
      throw ImportError(file: name, line: error.line, message: error.message)
    }
    guard let header = records.first else {
      throw ImportError(file: name, line: 0, message: "the file is empty")
    }
    var columns: [String: Int] = [:]
    for (index, field) in header.fields.enumerated() {
      // A byte order mark before the first column (a spreadsheet's UTF-8) is the reader's.
      let column = field.trimmed()
      // Two columns of one name: whichever were read, the other's figures would be ignored.
      if let earlier = columns[column], TransactionsExplorerRow.requiredColumns.contains(column) {
        throw ImportError(
          file: name, line: header.line,
          message: "columns \(earlier + 1) and \(index + 1) are both named \(column); the "
            + "import cannot tell which holds the figures: remove or rename one, then import again"
        )
      }
      columns[column] = index
    }
    let missing = TransactionsExplorerRow.requiredColumns.filter { columns[$0] == nil }
    guard missing.isEmpty else {
      throw ImportError(
        file: name, line: 1,
        message: "missing column(s) \(missing.joined(separator: ", ")); is this the "
          + "Transactions Explorer long CSV?")
    }
    var rows: [TransactionsExplorerRow] = []
    for record in records.dropFirst() {
      // A blank line, or a row of empty fields (a spreadsheet's empty row), holds nothing.
      guard record.fields.contains(where: { !$0.trimmed().isEmpty }) else { continue }
      // A row with fields missing would read them as empty: a download cut off inside the
      // volume would import its first digits as the figure.
      guard record.fields.count == header.fields.count else {
        throw ImportError(
          file: name, line: record.line,
          message: "the row has \(record.fields.count) field(s) where the header has "
            + "\(header.fields.count): it is cut off or has a stray comma; correct it (a value "
            + "holding a comma goes in double quotes) and import again")
      }
      rows.append(try TransactionsExplorerRow(record, columns: columns, file: name))
    }
    return Rows(rows: rows)
  }

  /// The new events for `rows` given what the ledger already holds of their services
  /// (`known`, folded from the log), grouped by file.
  /// - Returns: the batches to append and what they hold.
  public func plan(_ rows: Rows, known: KnownFacts) -> (
    batches: [(file: String, events: [RecordedEvent])], summary: Summary
  ) {
    var known = known
    var summary = Summary()
    var batches: [String: [RecordedEvent]] = [:]
    var order: [String] = []
    // Each event carries its row's CSV line, for the writer's refusals to name.
    func add(_ event: Event, organisation: String, line: Int) {
      let file = fileName(organisation)
      if batches[file] == nil { order.append(file) }
      batches[file, default: []].append(
        RecordedEvent(
          id: makeID(), at: at, by: by, event: event,
          location: EventLocation(file: "", line: line)))
    }
    for row in rows.rows {
      if !known.services.contains(row.service) {
        known.services.insert(row.service)
        summary.servicesRegistered += 1
        add(.serviceRegistered(registration(row)), organisation: row.organisation, line: row.line)
      }
      guard let volume = row.volume else {
        summary.rowsWithoutVolume += 1
        continue
      }
      let report = VolumeReported(
        service: row.service, from: row.from, to: row.to, total: volume, digital: row.digital,
        label: row.label, source: row.source)
      let key = PeriodKey(service: row.service, from: row.from, to: row.to)
      if let existing = known.volumes[key], existing.total == report.total,
        existing.digital == report.digital
      {
        summary.alreadyPresent += 1
      } else {
        if known.volumes[key] != nil { summary.restatements += 1 }
        known.volumes[key] = report
        summary.volumeReports += 1
        add(.volumeReported(report), organisation: row.organisation, line: row.line)
      }
      let kpis = KPIReported(
        service: row.service, from: row.from, to: row.to,
        costPerTransaction: row.costPerTransaction,
        digitalCostPerTransaction: row.digitalCostPerTransaction,
        completionRate: row.completionRate, userSatisfaction: row.userSatisfaction,
        source: row.source)
      let hasKPI = [
        kpis.costPerTransaction, kpis.digitalCostPerTransaction, kpis.completionRate,
        kpis.userSatisfaction,
      ].contains { $0 != nil }
      if hasKPI, known.kpis[key] != kpis {
        known.kpis[key] = kpis
        summary.kpiReports += 1
        add(.kpiReported(kpis), organisation: row.organisation, line: row.line)
      }
    }
    return (order.map { ($0, batches[$0] ?? []) }, summary)
  }

  private func registration(_ row: TransactionsExplorerRow) -> ServiceRegistered {
    ServiceRegistered(
      service: row.service, name: row.name, organisation: row.organisation, department: "MoJ",
      kind: .transactional, category: row.category, customers: row.customers, url: row.url)
  }

  /// The most characters of an organisation's name that `--file-per-organisation` puts in
  /// its file's name.
  static let maximumFileStem = 64

  private func fileName(_ organisation: String) -> String {
    switch files {
    case .single(let name): return name
    case .perOrganisation:
      // A ledger file name is ASCII and must fit the 255 bytes of a file name (with room for
      // the `.torn-TIME` of a side file): any organisation gives one.
      let slug = String(
        organisation.lowercased().prefix(Self.maximumFileStem).map {
          $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-"
        })
      return (slug.isEmpty ? "ledger" : slug) + ".jsonl"
    }
  }
}

/// A report's natural key.
struct PeriodKey: Hashable, Sendable {
  var service: ServiceID
  var from: CivilDate
  var to: CivilDate
}

/// What the ledger already holds of some services that an import must not add again: a fold
/// over the events in force (retracted ones left out), keeping only those services' reports.
public struct KnownFacts: Fold, Sendable {
  /// The services whose facts are kept.
  let interest: Set<ServiceID>
  var services: Set<ServiceID> = []
  var volumes: [PeriodKey: VolumeReported] = [:]
  var kpis: [PeriodKey: KPIReported] = [:]

  /// Nothing known yet of `services`.
  public init(services: Set<ServiceID>) { interest = services }

  public var reads: EventReads {
    EventReads([.serviceRegistered, .volumeReported, .kpiReported])
  }

  public mutating func apply(_ event: RecordedEvent) {
    switch event.event {
    case .serviceRegistered(let p) where interest.contains(p.service):
      services.insert(p.service)
    case .volumeReported(let p) where interest.contains(p.service):
      volumes[PeriodKey(service: p.service, from: p.from, to: p.to)] = p
    case .kpiReported(let p) where interest.contains(p.service):
      kpis[PeriodKey(service: p.service, from: p.from, to: p.to)] = p
    default: break
    }
  }
}
