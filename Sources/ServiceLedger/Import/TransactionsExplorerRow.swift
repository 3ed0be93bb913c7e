/// One row of the Transactions Explorer long CSV (see `sources/data/README.md`).
struct TransactionsExplorerRow: Sendable {
  static let requiredColumns = [
    "source_repo", "source_path", "source_commit", "agency_abbr", "service_name", "slug",
    "series", "period_key", "period_start", "period_end", "volume", "digital_volume",
    "cost_per_transaction_gbp", "digital_cost_per_transaction_gbp", "completion_rate",
    "user_satisfaction", "customer_type", "category", "url",
  ]

  var line: Int
  var service: ServiceID
  var name: String
  var organisation: String
  var customers: Customers?
  var category: String?
  var url: String?
  var series: String
  var periodKey: String
  var from: CivilDate
  var to: CivilDate
  var volume: Int?
  var digital: Int?
  var costPerTransaction: Double?
  var digitalCostPerTransaction: Double?
  var completionRate: Double?
  var userSatisfaction: Double?
  var source: String

  /// `2014-Q2 rolling 12 months`, `2014-Apr-Jun quarterly`.
  var label: String {
    periodKey + " " + (series == "rolling-12-months" ? "rolling 12 months" : series)
  }

  /// Reads a record by column name.
  /// - Throws: `ImportError` naming the line and column of a bad value.
  init(_ record: CSVReader.Record, columns: [String: Int], file: String) throws(ImportError) {
    func value(_ column: String) -> String {
      guard let index = columns[column], index < record.fields.count else { return "" }
      return record.fields[index].trimmed()
    }
    func fail(_ column: String, _ reason: String) -> ImportError {
      ImportError(file: file, line: record.line, message: "column \(column): \(reason)")
    }
    func date(_ column: String) throws(ImportError) -> CivilDate {
      guard let date = CivilDate(value(column)) else {
        throw fail(column, "\(Format.quoted(value(column))) is not a date YYYY-MM-DD")
      }
      return date
    }
    func count(_ column: String) throws(ImportError) -> Int? {
      let text = value(column)
      if text.isEmpty { return nil }
      guard let number = Int(text), number >= 0 else {
        throw fail(column, "\(Format.quoted(text)) is not a whole number >= 0")
      }
      guard number <= PayloadDecoder.maximumCount else {
        throw fail(
          column,
          "\(text) is more than the largest count the ledger takes, 1,000,000,000,000 "
            + "(a trillion); check the figure")
      }
      return number
    }
    func decimal(_ column: String, upTo limit: Double) throws(ImportError) -> Double? {
      let text = value(column)
      if text.isEmpty { return nil }
      guard let number = Double(text), number.isFinite, number >= 0, number <= limit else {
        throw fail(
          column, "\(Format.quoted(text)) is not a number from 0 to \(JSONNumber(limit).text)")
      }
      return number
    }
    line = record.line
    guard let service = ServiceID.validated(value("slug")) else {
      throw fail("slug", "\(Format.quoted(value("slug"))) is not \(ServiceID.syntax)")
    }
    self.service = service
    name = value("service_name")
    organisation = value("agency_abbr")
    // Required texts: white space the CSV reader leaves (a no-break space) says nothing either,
    // and the ledger refuses it.
    for (column, text) in [("service_name", name), ("agency_abbr", organisation)]
    where !PayloadDecoder.saysSomething(text) {
      throw fail(column, "service_name and agency_abbr must not be empty or white space only")
    }
    customers = Customers(rawValue: value("customer_type").lowercased())
    // An optional text that says nothing is left out, as the ledger requires.
    category = PayloadDecoder.saysSomething(value("category")) ? value("category") : nil
    let url = value("url")
    self.url = url.hasPrefix("http://") || url.hasPrefix("https://") ? url : nil
    series = value("series")
    guard series == "rolling-12-months" || series == "quarterly" else {
      throw fail("series", "\(Format.quoted(series)) is neither rolling-12-months nor quarterly")
    }
    periodKey = value("period_key")
    from = try date("period_start")
    to = try date("period_end")
    guard from <= to else { throw fail("period_end", "\(to) is before period_start \(from)") }
    volume = try count("volume")
    digital = try count("digital_volume")
    if let volume, let digital, digital > volume {
      throw fail("digital_volume", "\(digital) is more than volume \(volume)")
    }
    let pounds = PayloadDecoder.maximumPounds
    costPerTransaction = try decimal("cost_per_transaction_gbp", upTo: pounds)
    digitalCostPerTransaction = try decimal("digital_cost_per_transaction_gbp", upTo: pounds)
    completionRate = try decimal("completion_rate", upTo: 1)
    userSatisfaction = try decimal("user_satisfaction", upTo: 1)
    let commit = String(value("source_commit").prefix(12))
    source =
      "GOV.UK Transactions Explorer: \(value("source_repo")) \(value("source_path"))"
      + (commit.isEmpty ? "" : " at \(commit)")
  }
}
