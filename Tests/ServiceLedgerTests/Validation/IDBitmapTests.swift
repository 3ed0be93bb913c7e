import Testing

@testable import ServiceLedger

@Suite("IDBitmap: a first look that never says no to an id it holds")
struct IDBitmapTests {
  /// `count` ids from a seeded generator.
  func ids(_ count: Int, seed: UInt64) -> [EventID] {
    var state = seed
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
    return (0..<count).map { _ in EventID(high: next(), low: next()) }
  }

  @Test(
    "every id it was made of may be there; most others are certainly not", arguments: [1, 7, 3850])
  func holds(count: Int) {
    let held = ids(count, seed: 1)
    let bitmap = IDBitmap(held, count: held.count)
    #expect(held.allSatisfy(bitmap.mayContain))
    let others = ids(10_000, seed: 2)
    let maybes = others.filter(bitmap.mayContain).count
    // Some 32 bits an id: about one other id in 32 gets a "maybe".
    #expect(maybes < 10_000 / 8, "\(maybes) of 10,000")
  }

  @Test("empty, it says no to everything")
  func empty() {
    #expect(!ids(100, seed: 3).contains(where: IDBitmap().mayContain))
    #expect(!ids(100, seed: 3).contains(where: IDBitmap([], count: 0).mayContain))
  }
}
