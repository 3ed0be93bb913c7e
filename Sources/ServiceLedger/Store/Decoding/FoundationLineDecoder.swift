import Foundation

/// Parses a line with Foundation's `JSONDecoder` into a `JSONValue`: the benchmark's baseline,
/// the way a Swift program usually reads JSON. Not a reader of record: it accepts duplicate
/// keys and exponent numbers that the strict parser refuses (see `DecodingPath.foundation`).
enum FoundationLineDecoder {
  /// The line's JSON, or nil when `JSONDecoder` rejects it (the caller then reports the
  /// problem with the strict parser's message).
  static func parse(_ line: UnsafeRawBufferPointer) -> JSONValue? {
    let data = Data(line)
    return try? JSONDecoder().decode(AnyJSON.self, from: data).value
  }

  /// Any JSON value, decodable.
  private struct AnyJSON: Decodable {
    let value: JSONValue

    private struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
      if let object = try? decoder.container(keyedBy: Key.self) {
        var members: [JSONMember] = []
        for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
          let item = try object.decode(AnyJSON.self, forKey: key)
          members.append(JSONMember(key: key.stringValue, value: item.value))
        }
        value = .object(members)
      } else if var array = try? decoder.unkeyedContainer() {
        var items: [JSONValue] = []
        while !array.isAtEnd { items.append(try array.decode(AnyJSON.self).value) }
        value = .array(items)
      } else {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
          value = .null
        } else if let bool = try? single.decode(Bool.self) {
          value = .bool(bool)
        } else if let int = try? single.decode(Int.self) {
          value = .number(JSONNumber(int))
        } else if let double = try? single.decode(Double.self) {
          value = .number(JSONNumber(double))
        } else {
          value = .string(try single.decode(String.self))
        }
      }
    }
  }
}
