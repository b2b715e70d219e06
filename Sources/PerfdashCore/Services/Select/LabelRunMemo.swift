#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells whether a sample's labels are those of the sample seen before it, leaving out the labels that tell one
/// bucket or quantile of a series from the next (`le`, `quantile`).
///
/// A histogram's buckets come one after another with the same labels but `le`, and so do its `_sum` and `_count`:
/// whatever depends on the other labels alone (which selectors match, which route a series counts for) is decided
/// once per series instead of once per line. `generation` changes whenever the labels do.
struct LabelRunMemo {
    private let ignored: [Symbol]
    private var names: [Symbol] = []
    private var ends: [Int] = []
    private var bytes: [UInt8] = []
    /// Changes each time `observe` sees other labels than the remembered ones; 0 before the first sample.
    private(set) var generation: UInt64 = 0

    /// `ignored`: label names left out of the comparison.
    init(ignoring ignored: [Symbol]) {
        self.ignored = ignored
    }

    /// Compares `labels` with the remembered ones, and remembers them (advancing `generation`) when they differ.
    mutating func observe(_ labels: ExpositionLabels) {
        if generation > 0, matches(labels) { return }
        names.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        for index in 0..<labels.count where !ignored.contains(labels.name(at: index)) {
            names.append(labels.name(at: index))
            bytes.append(contentsOf: labels.valueBytes(at: index))
            ends.append(bytes.count)
        }
        generation &+= 1
    }

    private func matches(_ labels: ExpositionLabels) -> Bool {
        var kept = 0
        for index in 0..<labels.count {
            let name = labels.name(at: index)
            if ignored.contains(name) { continue }
            guard kept < names.count, names[kept] == name else { return false }
            let start = kept == 0 ? 0 : ends[kept - 1]
            let value = labels.valueBytes(at: index)
            guard ends[kept] - start == value.count else { return false }
            if value.count > 0 {
                let equal = bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, value.baseAddress!, value.count) }
                if equal != 0 { return false }
            }
            kept += 1
        }
        return kept == names.count
    }
}
