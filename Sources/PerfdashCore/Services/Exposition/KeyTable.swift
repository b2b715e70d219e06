/// Assigns small indexes to label values (cache levels, queue names) without building a String per line.
///
/// Series of one family usually cycle through a few values, so it guesses the entry after the last hit first,
/// then scans; a dictionary takes over when there are many distinct values.
struct KeyTable {
    private(set) var keys: [String] = []
    private var bytes: [[UInt8]] = []
    private var lookup: [String: Int] = [:]
    private var last = -1
    private static let scanLimit = 16

    /// The index of `value`, adding it when new (the new index equals the previous `keys.count`).
    mutating func index(for value: UnsafeRawBufferPointer) -> Int {
        let guess = last + 1 < bytes.count ? last + 1 : 0
        if guess < bytes.count, equal(bytes[guess], value) {
            last = guess
            return guess
        }
        if keys.count <= Self.scanLimit {
            for index in bytes.indices where equal(bytes[index], value) {
                last = index
                return index
            }
        } else if let index = lookup[String(decoding: value, as: UTF8.self)] {
            last = index
            return index
        }
        return add(Array(value))
    }

    /// The index of `value` given as a String.
    mutating func index(for value: String) -> Int {
        var value = value
        return value.withUTF8 { index(for: UnsafeRawBufferPointer($0)) }
    }

    private mutating func add(_ value: [UInt8]) -> Int {
        let key = String(decoding: value, as: UTF8.self)
        keys.append(key)
        bytes.append(value)
        lookup[key] = keys.count - 1
        last = keys.count - 1
        return last
    }

    @inline(__always)
    private func equal(_ stored: [UInt8], _ value: UnsafeRawBufferPointer) -> Bool {
        stored.count == value.count && stored.withUnsafeBytes { $0.elementsEqual(value) }
    }
}
