/// Little-endian binary writing for the replay cache: integers and short strings, collected
/// in memory or, with a `sink`, passed on a megabyte at a time (large raw blocks at once).
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []
  private let sink: ((UnsafeRawBufferPointer) -> Void)?

  init(sink: ((UnsafeRawBufferPointer) -> Void)? = nil) {
    self.sink = sink
    bytes.reserveCapacity(sink == nil ? 0 : 1 << 20)
  }

  /// Passes what was written on to the sink once there is a megabyte of it.
  mutating func flushIfFull() {
    if sink != nil, bytes.count >= 1 << 20 { flush() }
  }

  /// Passes everything written so far on to the sink.
  mutating func flush() {
    guard let sink, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { sink($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func write(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

  mutating func write(_ value: Int?) { write(value ?? Int(Int64.min)) }

  mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

  /// Writes `raw` as it is: a large block straight to the sink, if there is one, without
  /// copying it.
  mutating func append(raw: UnsafeRawBufferPointer) {
    guard let sink, raw.count >= 1 << 16 else {
      bytes.append(contentsOf: raw)
      flushIfFull()
      return
    }
    flush()
    sink(raw)
  }

  mutating func write(_ text: String) {
    write(text.utf8.count)
    bytes.append(contentsOf: text.utf8)
  }

  /// UTF-8 text already in bytes, read back by `BinaryReader.string()`.
  mutating func write(_ text: [UInt8]) {
    write(text.count)
    bytes.append(contentsOf: text)
  }
}

/// Reads what `BinaryWriter` wrote; every read fails cleanly (nil) on short or bad input, so a
/// damaged cache is rebuilt, never trusted.
struct BinaryReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func uint64() -> UInt64? {
    guard offset + 8 <= bytes.count else { return nil }
    var value: UInt64 = 0
    for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
    offset += 8
    return value
  }

  mutating func byte() -> UInt8? {
    guard offset < bytes.count else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// `body` given the next `count` bytes in place; nil when there are fewer.
  mutating func withBytes<Result>(_ count: Int, _ body: (UnsafeRawBufferPointer) -> Result?)
    -> Result?
  {
    guard count >= 0, offset + count <= bytes.count else { return nil }
    defer { offset += count }
    return bytes.withUnsafeBytes {
      body(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)]))
    }
  }

  /// The next `count` bytes.
  mutating func bytes(_ count: Int) -> [UInt8]? {
    guard count >= 0, offset + count <= bytes.count else { return nil }
    defer { offset += count }
    return Array(bytes[offset..<(offset + count)])
  }

  mutating func int() -> Int? { uint64().map { Int(Int64(bitPattern: $0)) } }

  mutating func optionalInt() -> Int?? {
    guard let value = int() else { return nil }
    return .some(value == Int(Int64.min) ? nil : value)
  }

  /// A count of items that must each take at least `size` bytes (guards against huge counts).
  mutating func count(itemSize size: Int) -> Int? {
    guard let value = int(), value >= 0, value <= (bytes.count - offset) / max(size, 1) else {
      return nil
    }
    return value
  }

  mutating func string() -> String? {
    guard let length = count(itemSize: 1) else { return nil }
    let text = String(validating: bytes[offset..<(offset + length)], as: UTF8.self)
    offset += length
    return text
  }
}
