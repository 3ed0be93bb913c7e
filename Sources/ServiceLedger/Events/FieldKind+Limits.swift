/// The bounds of the number kinds, for the message about a figure beyond them that `Double`
/// cannot even hold (`1e309`), which no payload decoder sees: the JSON reader refuses it.
extension FieldKind {
  /// The most a field of this kind can be, as messages write it; nil for kinds that are not
  /// numbers.
  public var largestFigure: String? {
    switch self {
    case .money: return "\(JSONNumber(PayloadDecoder.maximumPounds).text) (a billion pounds)"
    case .count, .number: return "1,000,000,000,000 (a trillion)"
    case .rate: return "1"
    case .decimal:
      return "\(Double.greatestFiniteMagnitude), the largest number the ledger can hold"
    case .text, .slug, .person, .date, .itemID, .url, .choice, .choiceList, .slugList,
      .textList, .eventID, .themes, .points:
      return nil
    }
  }

  /// The least a field of this kind can be: 1 for action and theme numbers, else 0.
  public var leastFigure: Int { self == .number ? 1 : 0 }

  /// The error for `text`, a number too large for a `Double` (`1e309`, `-1e309`), in `field`
  /// of this kind; nil when `text` is not such a number or the kind is not a number.
  public func overflowError(_ text: String, field: String) -> EventError? {
    guard let largest = largestFigure,
      text.utf8.allSatisfy({ Array("0123456789+-.eE".utf8).contains($0) }),
      let value = Double(text), value.isInfinite
    else { return nil }
    guard value > 0 else {
      return EventError(
        field: field,
        "\(text) is less than \(leastFigure); give a figure of \(leastFigure) or more")
    }
    return EventError(
      field: field, "\(text) is too large: the most it can be is \(largest); check the figure")
  }
}
