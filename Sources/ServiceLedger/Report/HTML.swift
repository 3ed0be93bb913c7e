/// Making user text safe in the HTML report.
public enum HTML {
  /// `text` safe as HTML element content or as a quoted attribute value.
  ///
  /// `&`, `<`, `>`, `"` and `'` become character references, so no text can open a tag, close
  /// an attribute or start an entity. Control characters (other than tab and line feed), which
  /// HTML does not allow, and invisible format characters such as right-to-left overrides,
  /// are shown as `\u{1B}` like `Format.terminalSafe` does.
  public static func escaped(_ text: String) -> String {
    // Most text is printable ASCII with nothing to escape: given back as it is.
    if text.utf8.allSatisfy({ byte in
      byte >= 0x20 && byte < 0x7F && byte != 0x26 && byte != 0x3C && byte != 0x3E
        && byte != 0x22 && byte != 0x27
    }) {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case " "..."~": out.unicodeScalars.append(scalar)
      default:
        // Control characters, and the two non-characters XML forbids, are shown, not sent.
        if Format.isControl(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
