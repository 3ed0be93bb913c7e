import Foundation

// TEMPORARY stand-in until the strict byte parser lands.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  public var offset: Int
  public var line: Int
  public var column: Int
  public var reason: String
  public var description: String { "\(line):\(column): \(reason)" }
}

public enum JSONParser {
  public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
    let data = Data(bytes)
    guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { throw JSONSyntaxError(offset: 0, line: 1, column: 1, reason: "invalid JSON") }
    return convert(object)
  }
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    let data = Data(text.utf8)
    guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { throw JSONSyntaxError(offset: 0, line: 1, column: 1, reason: "invalid JSON") }
    return convert(object)
  }
  static func convert(_ object: Any) -> JSONValue {
    switch object {
    case let s as String: return .string(s)
    case let n as NSNumber:
      if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
      return .number(JSONNumber(text: "\(n)"))
    case let a as [Any]: return .array(a.map(convert))
    case let d as [String: Any]:
      return .object(d.keys.sorted().map { JSONMember(key: $0, value: convert(d[$0] ?? NSNull())) })
    default: return .null
    }
  }
}
