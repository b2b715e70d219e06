/// The top of a graph's vertical axis.
public enum GraphScale: Sendable, Equatable {
    /// A fixed maximum, such as 100 for percentages.
    case fixed(Double)
    /// The smallest power of two (≥ `floor`) above the largest visible value. It changes only when the data
    /// crosses a power of two, so the graph is not redrawn whole every tick.
    case autoPowerOfTwo(floor: Double)

    /// The axis maximum for `values`.
    public func maximum<C: Collection<Double>>(for values: C) -> Double {
        switch self {
        case .fixed(let m): return m > 0 ? m : 1
        case .autoPowerOfTwo(let floor):
            let peak = values.reduce(0) { $1.isFinite ? max($0, $1) : $0 }
            var top = max(floor, 1)
            while top < peak { top *= 2 }
            return top
        }
    }
}
