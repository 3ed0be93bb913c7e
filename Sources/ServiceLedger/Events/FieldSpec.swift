/// What one payload field holds, for validation, `ledger record` and `record TYPE --help`.
public enum FieldKind: Sendable, Equatable {
  /// Free text (NFC-normalised).
  case text
  /// An identifier in slug syntax.
  case slug
  /// A person id.
  case person
  /// A `YYYY-MM-DD` date.
  case date
  /// An item of a plan under the plan's own numbering (`II.1.4`).
  case itemID
  /// A number ≥ 0, with a fraction if need be (a target's value).
  case decimal
  /// A whole number ≥ 0.
  case count
  /// A whole number ≥ 1 (action and theme numbers).
  case number
  /// An amount in pounds, 0 to `PayloadDecoder.maximumPounds`.
  case money
  /// A rate from 0 to 1.
  case rate
  /// An `http` or `https` URL.
  case url
  /// One of a fixed set of words.
  case choice([String])
  /// A non-empty list of words from a fixed set (`routes=phone,partner`).
  case choiceList([String])
  /// A list of slugs.
  case slugList
  /// A list of free-text strings.
  case textList
  /// An event id (UUID).
  case eventID
  /// The strategy's themes: a JSON array of `{"number": 1, "title": "..."}`.
  case themes
  /// Assessment points: a JSON object from point number to `met` / `not-met`.
  case points

  /// How the kind reads in `ledger record TYPE --help`.
  public var summary: String {
    switch self {
    case .text: return "text"
    case .slug: return "slug"
    case .person: return "person id"
    case .date: return "date YYYY-MM-DD"
    case .itemID: return "item id like II.1.4"
    case .decimal: return "number >= 0"
    case .count: return "whole number >= 0"
    case .number: return "whole number >= 1"
    case .money: return "pounds"
    case .rate: return "rate 0..1"
    case .url: return "URL"
    case .choice(let words): return "one of " + words.joined(separator: " ")
    case .choiceList(let words): return "list of " + words.joined(separator: " ")
    case .slugList: return "list of slugs"
    case .textList: return "list of text"
    case .eventID: return "event id (UUID)"
    case .themes: return #"JSON [{"number":1,"title":"..."}]"#
    case .points: return #"JSON {"1":"met","2":"not-met"}"#
    }
  }
}

/// One field of an event payload.
public struct FieldSpec: Sendable, Equatable {
  /// The key in `data`.
  public let name: String
  /// What it holds.
  public let kind: FieldKind
  /// Whether every event of the type must have it.
  public let isRequired: Bool
  /// What it means, for `ledger record TYPE --help`, when the name and kind do not say it.
  public let meaning: String?

  /// A required field.
  public static func required(_ name: String, _ kind: FieldKind, _ meaning: String? = nil)
    -> FieldSpec
  {
    FieldSpec(name: name, kind: kind, isRequired: true, meaning: meaning)
  }

  /// An optional field.
  public static func optional(_ name: String, _ kind: FieldKind, _ meaning: String? = nil)
    -> FieldSpec
  {
    FieldSpec(name: name, kind: kind, isRequired: false, meaning: meaning)
  }
}
