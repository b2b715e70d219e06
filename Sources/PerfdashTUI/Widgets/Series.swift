/// The recent values of one metric, oldest first, with the absolute index of the newest.
///
/// Graphs place sample `i` in the column `i mod width`, so a new sample changes one column (plus the cursor gap)
/// and the rest of the graph stays byte-for-byte the same on the terminal.
public struct Series: Sendable, Equatable {
    /// The values, oldest first.
    public var values: [Double]
    /// The absolute index (count of samples since start, minus one) of `values.last`.
    public var lastIndex: Int

    /// Creates a series; `lastIndex` defaults to `values.count - 1`.
    public init(_ values: [Double], lastIndex: Int? = nil) {
        self.values = values
        self.lastIndex = lastIndex ?? values.count - 1
    }

    /// The value of absolute sample `i`, if it is still held.
    public func value(at i: Int) -> Double? {
        let offset = lastIndex - i
        guard offset >= 0, offset < values.count else { return nil }
        return values[values.count - 1 - offset]
    }
}
