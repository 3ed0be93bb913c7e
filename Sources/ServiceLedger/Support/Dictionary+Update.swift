extension Dictionary {
  /// Changes the value for `key` in place, starting from `defaultValue()` when there is none:
  /// one look-up for a key already there, and none of the heap-allocated access that
  /// `self[key, default:]` can need, which a replay would pay once per event.
  @inline(__always)
  mutating func update<Result>(
    _ key: Key, default defaultValue: @autoclosure () -> Value,
    _ body: (inout Value) throws -> Result
  ) rethrows -> Result {
    if let found = index(forKey: key) { return try body(&values[found]) }
    var value = defaultValue()
    let result = try body(&value)
    self[key] = value
    return result
  }
}
