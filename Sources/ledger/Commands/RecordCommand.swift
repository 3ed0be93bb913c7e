import ServiceLedger

/// `ledger record TYPE key=value ...`: append one event.
struct RecordCommand: Command {
  static let name = "record"
  static let summary = "append one event, given as key=value fields"
  static let usage =
    "ledger record TYPE key=value... [--ledger DIR] [--file NAME.jsonl] [--by ACTOR]"
  static let options: [OptionSpec] = [.ledger, .file, .by]
  static var discussion: String {
    """
    Lists are comma-separated (routes=phone,partner). `ledger record TYPE --help` lists the
    fields of TYPE. Example:
      ledger record phase.entered service=moj-prison-visit-booking phase=beta on=2014-03-01

    Types: \(typeList)
    """
  }

  /// Every event type's name, comma-separated, in lines of at most 92 columns after `Types: `.
  static var typeList: String {
    var lines = [""]
    for name in EventType.allCases.map(\.rawValue) {
      let last = lines[lines.count - 1]
      // ", " before the name and "," after it; the first line starts after "Types: ".
      if !last.isEmpty, last.count + name.count + 3 > (lines.count == 1 ? 85 : 92) {
        lines[lines.count - 1] += ","
        lines.append(name)
      } else {
        lines[lines.count - 1] += (last.isEmpty ? "" : ", ") + name
      }
    }
    return lines.joined(separator: "\n")
  }

  let type: EventType
  let fields: [(key: String, value: String)]
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) {
    guard let typeName = arguments.positionals.first else {
      throw UsageError("record needs an event TYPE and its fields", command: Self.name)
    }
    do throws(EventError) {
      type = try EventType.named(typeName)
    } catch {
      throw UsageError(error.message, command: Self.name)
    }
    var fields: [(key: String, value: String)] = []
    for pair in arguments.positionals.dropFirst() {
      // By scalar: "=" and a combining mark after it (a value starting with one) make one
      // Character, which is not "=".
      guard let equals = pair.unicodeScalars.firstIndex(of: "="), equals != pair.startIndex
      else {
        throw UsageError(
          "\(Format.quoted(pair)) is not key=value; `ledger record \(typeName) --help` lists "
            + "the fields",
          command: Self.name)
      }
      let value = pair.unicodeScalars.index(after: equals)
      fields.append((String(pair[..<equals]), String(pair.unicodeScalars[value...])))
    }
    self.fields = fields
    self.arguments = arguments
  }

  /// The fields of the TYPE given, for `ledger record TYPE --help`.
  static func extraHelp(_ arguments: ParsedArguments) -> String {
    guard let name = arguments.positionals.first, let type = EventType(rawValue: name) else {
      return ""
    }
    let width = type.fields.map(\.name.count).max() ?? 0
    var text = "Fields of \(type.rawValue) (* = required):\n"
    for field in type.fields {
      text += "  " + (field.name + (field.isRequired ? "*" : "")).padding(to: width + 1)
      text += "  " + field.kind.summary + (field.meaning.map { ": " + $0 } ?? "") + "\n"
    }
    return text
  }

  func run(context: CommandContext) throws -> Int32 {
    let folder = context.folder(arguments)
    let file = arguments.value("file") ?? LedgerFolder.defaultFile
    // `at` is stamped by the writer under the folder's lock.
    let decoder = EnvelopeDecoder(
      defaults: .init(
        id: try context.idSource(), at: .unstamped, by: try context.actor(arguments)))
    let event: RecordedEvent
    do throws(EventError) {
      let envelope = JSONValue.object([
        JSONMember(key: "type", value: .string(type.rawValue)),
        JSONMember(key: "data", value: try FieldValues.json(fields, for: type)),
      ])
      event = try decoder.decode(envelope, location: nil)
    } catch {
      throw LedgerError.rejected(source: "", line: 0, reason: error.description)
    }
    let writer = try context.writer(for: folder)
    defer { context.report(settledBy: writer) }
    let files = try writer.appendEvents(source: "", validation: .cached) { () throws(LedgerError) in
      [(file, [event])]
    }
    let line = files[file]?.lineCount ?? 0
    let shown = Format.terminalSafe(folder.path(of: file))
    context.write("recorded \(type.rawValue) \(event.id) at \(shown):\(line)\n")
    return LedgerCLI.success
  }
}
