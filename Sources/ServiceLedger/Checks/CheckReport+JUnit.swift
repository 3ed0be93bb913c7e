extension CheckReport {
  /// JUnit XML as CI servers read it: one test suite, one test case per rule checked, a
  /// `<failure>` per error finding, warnings in the test case's `<system-out>` (they do not
  /// fail it). No timestamps, so the output is reproducible.
  /// - Parameters:
  ///   - folder: the ledger folder's path, put before file names.
  ///   - out: where the XML is written.
  public func renderJUnit(folder: String, into out: inout some TextOutputStream) {
    var ids = rules.map(\.rawValue)
    for finding in findings where !ids.contains(finding.rule) { ids.append(finding.rule) }
    let failing = ids.filter { id in
      findings.contains { $0.rule == id && $0.severity == .error }
    }.count
    let counts = "tests=\"\(ids.count)\" failures=\"\(failing)\" errors=\"0\""
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    out.write("<testsuites name=\"ledger check\" \(counts)>\n")
    out.write(
      "  <testsuite name=\(Self.xmlAttribute("ledger check \(folder) as of \(asOf)")) "
        + "\(counts) skipped=\"0\">\n")
    for id in ids {
      let summary = CheckRule(rawValue: id).map { id + ": " + $0.summary } ?? id
      let own = findings.filter { $0.rule == id }
      let open = "    <testcase classname=\"ledger.check\" name=\(Self.xmlAttribute(summary))"
      guard !own.isEmpty else {
        out.write(open + "/>\n")
        continue
      }
      out.write(open + ">\n")
      for finding in own where finding.severity == .error {
        let place = Self.place(of: finding, folder: folder)
        out.write(
          "      <failure type=\(Self.xmlAttribute(id)) "
            + "message=\(Self.xmlAttribute(place + ": " + finding.message))>"
            + Self.xmlText("\(place): error: \(id): \(finding.message)") + "</failure>\n")
      }
      let warnings = own.filter { $0.severity == .warning }.map { finding in
        "\(Self.place(of: finding, folder: folder)): warning: \(id): \(finding.message)\n"
      }
      if !warnings.isEmpty {
        out.write("      <system-out>" + Self.xmlText(warnings.joined()) + "</system-out>\n")
      }
      out.write("    </testcase>\n")
    }
    out.write("  </testsuite>\n</testsuites>\n")
  }

  /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 cannot hold shown as `\u{1B}`.
  static func xmlText(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      case "\r": out += "&#13;"
      default:
        if isXMLCharacter(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
      }
    }
    return out
  }

  /// An attribute value in double quotes; line breaks and tabs as character references so
  /// that attribute normalisation keeps them.
  static func xmlAttribute(_ text: String) -> String {
    var out = "\""
    for scalar in xmlText(text).unicodeScalars {
      switch scalar {
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Whether XML 1.0 allows the character at all.
  private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
