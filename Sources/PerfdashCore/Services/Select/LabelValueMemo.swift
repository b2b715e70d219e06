#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Remembers the last label value one matcher (or one `by` lookup) saw and what it made of it.
///
/// Series of a family come in runs with the same labels (every bucket of a histogram, every status of a route), so
/// comparing bytes with the previous value skips the regex and the String for almost every sample.
struct LabelValueMemo<Result> {
    private var bytes: [UInt8] = []
    private var present = false
    private var result: Result?

    /// The remembered result when `value` (nil: label absent) is the value seen last time.
    func lookup(_ value: UnsafeRawBufferPointer?) -> Result? {
        guard let result else { return nil }
        guard let value else { return present ? nil : result }
        guard present, bytes.count == value.count else { return nil }
        // memcmp, not `elementsEqual`: the generic walk over a raw buffer cost ~4 % of a 100,000-series probe.
        let equal = value.count == 0
            || bytes.withUnsafeBytes { memcmp($0.baseAddress!, value.baseAddress!, value.count) } == 0
        return equal ? result : nil
    }

    /// Remembers `result` for `value`.
    mutating func store(_ value: UnsafeRawBufferPointer?, _ result: Result) {
        present = value != nil
        bytes = value.map { Array($0) } ?? []
        self.result = result
    }
}
