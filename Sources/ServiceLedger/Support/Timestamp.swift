/// An instant in UTC with whole-second precision or finer: the log's knowledge time (`at`).
///
/// The text form is RFC 3339 in UTC with `Z`: `2013-04-02T09:30:00Z`, optionally with a
/// fraction of a second of 1 to 9 digits (`2013-04-02T09:30:00.250Z`), written back in six
/// (`.250000`) or nine digits; the writer stamps to the microsecond.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int
  /// Nanoseconds within the second, 0..<1_000_000_000.
  public var nanoseconds: Int

  /// Creates a timestamp from seconds since the epoch and a fraction in nanoseconds.
  public init(seconds: Int, nanoseconds: Int = 0) {
    self.seconds = seconds
    self.nanoseconds = nanoseconds
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, or returns nil.
  public init?(_ text: some StringProtocol) {
    var text = String(text)
    guard let timestamp = text.withUTF8({ Timestamp.parse(UnsafeRawBufferPointer($0)) }) else {
      return nil
    }
    self = timestamp
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` from UTF-8 bytes, or returns nil.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
    parse(bytes, date: nil)
  }

  /// `parse(_:)` given the date its first 10 bytes spell, when known already (nil: parse it).
  static func parse(_ bytes: UnsafeRawBufferPointer, date known: CivilDate?) -> Timestamp? {
    let count = bytes.count
    guard count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[count - 1] == UInt8(ascii: "Z"),
      count == 20 || bytes[19] == UInt8(ascii: "."),
      let date = known ?? CivilDate.parse(UnsafeRawBufferPointer(rebasing: bytes[0..<10])),
      let hour = CivilDate.digits(bytes, 11, 13), hour < 24,
      let minute = CivilDate.digits(bytes, 14, 16), minute < 60,
      let second = CivilDate.digits(bytes, 17, 19), second < 60
    else { return nil }
    var nanos = 0
    if count > 20 {
      // A fraction of 1 to 9 digits between the '.' at 19 and the 'Z'.
      let digitCount = count - 21
      guard (1...9).contains(digitCount), let digits = CivilDate.digits(bytes, 20, count - 1)
      else { return nil }
      nanos = digits
      for _ in 0..<(9 - digitCount) { nanos *= 10 }
    }
    return Timestamp(
      seconds: date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second, nanoseconds: nanos)
  }

  /// The UTC calendar date of this instant.
  public var date: CivilDate {
    CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
  }

  /// RFC 3339 UTC text; the fraction is written only when it is not zero, in six digits (or
  /// nine when it is finer than a microsecond).
  public var description: String {
    let secondsOfDay = seconds - date.dayNumber * 86_400
    var text =
      date.description + "T" + CivilDate.pad(secondsOfDay / 3600, 2) + ":"
      + CivilDate.pad(secondsOfDay / 60 % 60, 2) + ":" + CivilDate.pad(secondsOfDay % 60, 2)
    // Microseconds (the writer's stamps) always with six digits, so that stamps have one
    // width in tables; finer fractions with nine.
    if nanoseconds > 0 {
      text +=
        nanoseconds % 1_000 == 0
        ? "." + CivilDate.pad(nanoseconds / 1_000, 6) : "." + CivilDate.pad(nanoseconds, 9)
    }
    return text + "Z"
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
  }
}
