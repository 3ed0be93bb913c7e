import Testing

@testable import ServiceLedger

/// `TableData.markdownEscaped` and `Format.terminalSafe`, which every Markdown table cell and
/// terminal line goes through: their quick answers for plain text agree with the rule, scalar
/// by scalar, for any text.
@Suite("Markdown and terminal escaping")
struct MarkdownEscapingTests {
  /// The rule, written out slowly: line breaks (any the Unicode standard names) become
  /// spaces, control and format characters are shown as `\u{…}`, and each of the characters
  /// Markdown would interpret (the backslash of `\u{…}` too) gets a backslash before it.
  static func expected(_ text: String) -> String {
    var out = ""
    for character in text {
      if character.isNewline {
        out += " "
        continue
      }
      for scalar in character.unicodeScalars {
        let value = scalar.value
        let isFormat = scalar.properties.generalCategory == .format && value != 0x200D
        if value < 0x20 || (0x7F...0x9F).contains(value) || isFormat {
          // Shown as `\u{…}`, whose backslash Markdown would read too.
          out += "\\\\u{" + String(value, radix: 16, uppercase: true) + "}"
        } else {
          if "\\`*_[]<>|#&".unicodeScalars.contains(scalar) { out += "\\" }
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  static let samples = [
    "", "Plain text 2015-Q1", "Claim money: 12,345", "a|b", "`code`", "*bold* _it_", "[x](y)",
    "<b>&amp;</b>", "#1", "back\\slash", "caf\u{E9} & cr\u{E8}me", "cafe\u{301}",
    "`\u{301} combining after a backquote", "line\nbreak", "cr\r\nlf", "tab\there",
    "esc \u{1B}[31m", "del \u{7F}", "c1 \u{85} next line", "ls \u{2028} ps \u{2029}",
    "rlo \u{202E}txt", "zwj \u{1F468}\u{200D}\u{1F469}", "vt \u{0B} ff \u{0C}", "nul \u{0}",
    "\u{1F600} | \u{1F600}",
  ]

  @Test("each sample is escaped as the rule says")
  func samples() {
    for text in Self.samples {
      #expect(TableData.markdownEscaped(text) == Self.expected(text), "\(text.debugDescription)")
    }
  }

  @Test("random text of ASCII, controls, marks and line separators is escaped as the rule says")
  func random() {
    let alphabet: [Unicode.Scalar] =
      Array("ab |`*_[]<>#&\\-0".unicodeScalars)
      + [
        "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{AD}", "\u{301}",
        "\u{200D}", "\u{202E}", "\u{2028}", "\u{E9}", "\u{1F600}",
      ]
    var random = SplitMix64(seed: 29)
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<random.below(12) { text.unicodeScalars.append(random.pick(alphabet)) }
      #expect(TableData.markdownEscaped(text) == Self.expected(text), "\(text.debugDescription)")
    }
  }

  @Test("printable ASCII is safe on a terminal as it is; anything else is looked at")
  func terminal() {
    #expect(Format.terminalSafe("Plain ~ text") == "Plain ~ text")
    #expect(Format.terminalSafe("a\u{7F}b") == "a\\u{7F}b")
    #expect(Format.terminalSafe("a\u{1F}b") == "a\\u{1F}b")
    #expect(Format.terminalSafe("a\u{9B}b") == "a\\u{9B}b")
    #expect(Format.terminalSafe("a\u{AD}b") == "a\\u{AD}b")
    #expect(Format.terminalSafe("caf\u{E9}") == "caf\u{E9}")
    #expect(Format.terminalSafe("\u{1F468}\u{200D}\u{1F469}") == "\u{1F468}\u{200D}\u{1F469}")
  }
}
