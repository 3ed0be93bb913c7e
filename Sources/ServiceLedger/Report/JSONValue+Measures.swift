extension JSONValue {
  /// A rate (0...1, or a change in rate) rounded to 4 decimals with `Format.rate`, so outputs
  /// are stable, written with a decimal point (`0.0021`, `0.0`, `1.0`); or null.
  public static func rate(_ value: Double?) -> JSONValue {
    guard let value else { return .null }
    let number = JSONNumber(Format.rate(value))
    return .number(number.isInteger ? JSONNumber(text: number.text + ".0") : number)
  }

  /// Pounds rounded to whole pounds (half away from zero), as an integer; or null.
  public static func pounds(_ value: Double?) -> JSONValue {
    integer(value.map { Int(roundingSaturated: $0) })
  }

  /// An array of identifiers as strings.
  public static func ids(_ values: [some LedgerIdentifier]) -> JSONValue {
    .array(values.map { .string($0.rawValue) })
  }
}

extension TableData.Cell {
  /// A whole number (`1,320,121`; plain in CSV), or `.missing`.
  static func count(_ value: Int?) -> TableData.Cell {
    value.map { .measure(.count($0)) } ?? .missing
  }

  /// A rate as a percentage with one decimal (a percentage with 2 in CSV), or `.missing`.
  static func percent(_ value: Double?) -> TableData.Cell {
    value.map { .measure(.rate($0)) } ?? .missing
  }

  /// A change in rate in percentage points, or `.missing`.
  static func points(_ value: Double?) -> TableData.Cell {
    value.map { .measure(.points($0)) } ?? .missing
  }

  /// Whole pounds, or `.missing`.
  static func pounds(_ value: Double?) -> TableData.Cell {
    value.map { .measure(.pounds($0)) } ?? .missing
  }

  /// A date, or `.missing`.
  static func date(_ value: CivilDate?) -> TableData.Cell { optional(value?.description) }
}
