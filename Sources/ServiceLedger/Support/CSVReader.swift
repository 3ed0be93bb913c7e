/// A strict RFC 4180 CSV reader: quoted fields may hold commas, quotes (`""`) and line breaks.
public enum CSVReader {
  /// One record and the line it starts on.
  public struct Record: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
  }

  /// Why the text is not CSV.
  public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    /// The 1-based field of the record, when one field is at fault.
    public var field: Int?
    public var reason: String
    /// What is wrong, after the field at fault: `field 11: text after …`.
    public var message: String { (field.map { "field \($0): " } ?? "") + reason }
    public var description: String { "line \(line): " + message }
  }

  /// The records of `text` (a trailing line break is optional; `\r\n` and `\n` both end a record).
  /// A byte order mark (U+FEFF) that starts the text, as spreadsheets save UTF-8, is skipped,
  /// once, before the first field is read, so it may be quoted like any other.
  /// - Throws: `SyntaxError` for a stray quote, text after a closing quote (`"157"449`, which
  ///   RFC 4180 does not allow: read on, it would be a figure nobody wrote) or an unterminated
  ///   quoted field.
  public static func records(_ text: String) throws(SyntaxError) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var fieldStarted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    if pending == "\u{FEFF}" { pending = nil }
    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return scalars.next()
    }
    while let scalar = next() {
      if inQuotes {
        if scalar == "\"" {
          let following = next()
          if following == "\"" {
            field.unicodeScalars.append("\"")
          } else if following == nil || following == "," || following == "\n"
            || following == "\r"
          {
            inQuotes = false
            pending = following
          } else {
            throw SyntaxError(
              line: line, field: fields.count + 1,
              reason:
                "text after the closing quote of a quoted field (\(Format.quoted(field)) then "
                + "\(following.map { Format.quoted(String($0)) } ?? "")); put the whole value "
                + "inside the quotes, "
                + "with any quote in it doubled (\"\"), or remove the quotes, then try again")
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"":
        guard !fieldStarted && field.isEmpty else {
          throw SyntaxError(
            line: line, field: fields.count + 1, reason: "a quote inside an unquoted field")
        }
        inQuotes = true
        fieldStarted = true
      case ",":
        fields.append(field)
        field = ""
        fieldStarted = false
      case "\r":
        continue
      case "\n":
        fields.append(field)
        records.append(Record(line: recordLine, fields: fields))
        fields = []
        field = ""
        fieldStarted = false
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
        fieldStarted = true
      }
    }
    if inQuotes { throw SyntaxError(line: recordLine, reason: "a quoted field is not closed") }
    if fieldStarted || !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      records.append(Record(line: recordLine, fields: fields))
    }
    return records
  }
}
