/// Wording shared by the standard rules' messages, so every message reads the same way. A name
/// or title from the ledger is the user's text: it goes in through `Format.userText`, so that
/// a backquote in it pairs with none of the command's.
enum FindingText {
  /// The placeholder for a date the author must fill in.
  static let date = "YYYY-MM-DD"

  /// `moj-prison-visit-booking (Bookings for prison visits)`.
  static func service(_ record: ServiceRecord) -> String {
    "\(record.id) (\(Format.userText(record.name)))"
  }

  /// `has been in beta since 2014-03-01`, `has been live since …`, `has no recorded phase`.
  static func phase(_ record: ServiceRecord) -> String {
    guard let phase = record.phase else { return "has no recorded phase" }
    let state = phase == .live || phase == .retired ? phase.rawValue : "in " + phase.rawValue
    return record.phaseSince.map { "has been \(state) since \($0)" } ?? "is \(state)"
  }

  /// `an exemplar of the strategy moj-2012 (Ministry of Justice Digital Strategy)`, or for a
  /// service that is one of several of an exemplar, or whose exemplar has a title of its own,
  /// `part of the exemplar civil-claims (Civil claims …) of the strategy moj-2012 (…)`.
  static func exemplar(_ designation: ExemplarDesignated, _ facts: StandardFacts) -> String {
    let strategy =
      facts.progress.titles[designation.strategy].map {
        "\(designation.strategy) (\(Format.userText($0)))"
      }
      ?? "\(designation.strategy)"
    let key = ExemplarKey(strategy: designation.strategy, exemplar: designation.exemplar)
    let title = facts.catalogue.exemplarTitles[key]
    guard title != nil || designation.exemplar.rawValue != designation.service.rawValue else {
      return "an exemplar of the strategy \(strategy)"
    }
    return "part of the exemplar \(designation.exemplar)"
      + (title.map { " (\(Format.userText($0)))" } ?? "") + " of the strategy \(strategy)"
  }

  /// A title in quotes, cut to `limit` characters with `…`.
  static func quoted(_ title: String, limit: Int = 72) -> String {
    let flat = title.split(whereSeparator: \.isNewline).joined(separator: " ")
    let cut = flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    return "\u{201C}\(Format.userText(cut))\u{201D}"
  }

  /// The command that records the missing fact, in backquotes:
  /// `` `ledger record manager.appointed service=x person=PERSON-ID on=YYYY-MM-DD` ``, with
  /// `--file NAME` when the event concerned is in a file other than the default one, so the
  /// fact lands in the file its team owns.
  static func record(_ type: EventType, _ fields: [String], file: String?) -> String {
    var words = ["ledger record", type.rawValue] + fields
    if let file, file != LedgerFolder.defaultFile { words += ["--file", file] }
    return "`" + words.joined(separator: " ") + "`"
  }

  /// `1 day` or `12 days`.
  static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}
