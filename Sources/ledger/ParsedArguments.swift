import ServiceLedger

/// A command's arguments after parsing: positionals in order and options by name.
struct ParsedArguments: Sendable, Equatable {
  /// Arguments that are not options, in order.
  var positionals: [String] = []
  /// Values by option name (without dashes), in the order given; flags have an empty string.
  var options: [String: [String]] = [:]

  init(positionals: [String] = [], options: [String: [String]] = [:]) {
    self.positionals = positionals
    self.options = options
  }

  /// Splits `arguments` by `specs`: `--name value`, `--name=value`, flags, and `--` to end
  /// options. `-h` means `--help`.
  /// - Throws: `UsageError` for an unknown option, a missing value, or a repeated option that
  ///   may be given only once.
  init(_ arguments: [String], specs: [OptionSpec], command: String) throws(UsageError) {
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      var name = argument == "-h" ? "help" : String(argument.drop(while: { $0 == "-" }))
      var inline: String?
      // By scalar, as for record's key=value: "=" and a combining mark make one Character.
      if let equals = name.unicodeScalars.firstIndex(of: "=") {
        inline = String(name.unicodeScalars[name.unicodeScalars.index(after: equals)...])
        name = String(name.unicodeScalars[..<equals])
      }
      if name == "help" {
        options["help"] = [""]
        continue
      }
      guard let spec = specs.first(where: { $0.name == name }) else {
        let known = specs.map { "--" + $0.name }.joined(separator: ", ")
        throw UsageError(
          "unknown option \(Format.userText(argument)) for `ledger \(command)`"
            + (known.isEmpty ? "" : "; it takes \(known)"), command: command)
      }
      var value = ""
      if let placeholder = spec.value {
        if let inline {
          value = inline
        } else if index < arguments.count {
          value = arguments[index]
          index += 1
        } else {
          throw UsageError("--\(name) needs a value (\(placeholder))", command: command)
        }
      } else if inline != nil {
        throw UsageError("--\(name) takes no value", command: command)
      }
      if !spec.isRepeatable, options[name] != nil {
        throw UsageError("--\(name) is given twice", command: command)
      }
      options[name, default: []].append(value)
    }
  }

  /// The last value of an option, or nil.
  func value(_ name: String) -> String? { options[name]?.last }

  /// Every value of a repeatable option.
  func values(_ name: String) -> [String] { options[name] ?? [] }

  /// Whether a flag was given.
  func flag(_ name: String) -> Bool { options[name] != nil }
}
