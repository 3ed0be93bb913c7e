import Testing

@testable import ServiceLedger

/// `ServiceID` hashes its bytes without `Hasher`: equal ids must hash alike under every seed,
/// and ids that differ must stay apart in sets and dictionaries.
@Suite("Service ids: hashing and equality")
struct ServiceIDHashingTests {
  static let ids = [
    "", "a", "svc-0001", "svc-0002", "moj-prison-visit-booking", "a-b-c-d-e-f-g-h",
    "exactly-16-bytes", "fifteen-bytes-x", "moj-employment-tribunal-claims-and-appeals-long",
  ]

  @Test("equal ids made apart hash alike, under any seed, and hash(into:) agrees")
  func equalHashAlike() {
    for text in Self.ids {
      // One from a literal, one built byte by byte: separate storage, same bytes.
      let built = ServiceID(unchecked: String(decoding: Array(text.utf8), as: UTF8.self))
      let literal = ServiceID(unchecked: text)
      #expect(built == literal)
      for seed in [0, 1, -1, 0x5DEE_CE66_D, Int.max] {
        #expect(built._rawHashValue(seed: seed) == literal._rawHashValue(seed: seed))
      }
      #expect(built.hashValue == literal.hashValue)
      var left = Hasher()
      var right = Hasher()
      built.hash(into: &left)
      literal.hash(into: &right)
      #expect(left.finalize() == right.finalize())
    }
  }

  @Test("different ids are different keys, including prefixes and ids of 8 and 16 bytes")
  func differentStayApart() {
    var numbered: [ServiceID: Int] = [:]
    var texts = Self.ids
    for number in 0..<2000 { texts.append("svc-\(number)") }
    for (index, text) in texts.enumerated() { numbered[ServiceID(unchecked: text)] = index }
    #expect(numbered.count == Set(texts).count)
    for (index, text) in texts.enumerated() where texts.firstIndex(of: text) == index {
      #expect(numbered[ServiceID(unchecked: text)] == index)
    }
    #expect(ServiceID(unchecked: "svc-1") != ServiceID(unchecked: "svc-10"))
    #expect(ServiceID(unchecked: "svc-0001\0") != ServiceID(unchecked: "svc-0001"))
  }

  @Test("text that is not ASCII: Unicode-equal with as many bytes is equal and hashes alike")
  func notASCII() {
    // U+212A KELVIN SIGN is canonically equivalent to "K" but takes 3 bytes: not the same id.
    #expect(ServiceID(unchecked: "\u{212A}") != ServiceID(unchecked: "K"))
    // The same accented letter, precomposed twice: the same id, through String's own hash.
    let one = ServiceID(unchecked: "caf\u{E9}")
    let other = ServiceID(unchecked: String(decoding: Array("caf\u{E9}".utf8), as: UTF8.self))
    #expect(one == other)
    #expect(one._rawHashValue(seed: 42) == other._rawHashValue(seed: 42))
    // Combining marks in either canonical order: Unicode-equal and as many bytes.
    let marks = ServiceID(unchecked: "a\u{0301}\u{0316}")
    let reordered = ServiceID(unchecked: "a\u{0316}\u{0301}")
    #expect(marks == reordered)
    #expect(marks._rawHashValue(seed: 7) == reordered._rawHashValue(seed: 7))
    #expect(Set([marks, reordered]).count == 1)
  }
}
